"""An e-mail alert: an address and what it asked for. Nothing else about the person is kept."""

from django.db import models
from django.db.models.functions import Lower

from reviews.models import Service, Theme


class Subscription(models.Model):
    """A confirmed request for a weekly e-mail of new lessons on some themes and services.

    A row exists only once the address has confirmed (double opt-in): until then the request
    lives only in the signed link sent to it. Unsubscribing deletes the row.
    """

    email = models.EmailField("e-mail address", unique=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="+")
    services = models.ManyToManyField(Service, blank=True, related_name="+", verbose_name="services")
    confirmed_at = models.DateTimeField()
    # The day the last weekly digest was sent (or found nothing new): the next one starts there.
    last_digest_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")),
                name="alerts_subscription_email_lower",
                violation_error_message="E-mail addresses are kept in lower case.",
            ),
        ]

    def __str__(self):
        return self.email
