"""The board's own words for the publication check, and the approvals of what it found.

An acceptance is bound to the findings it was given for (their fingerprint): a later change
that brings a new finding needs a new decision, while fixing the text needs none.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Term(models.Model):
    class Kind(models.TextChoices):
        SAFE = "safe", "Safe: never flag it (e.g. an agency's name)"
        SENSITIVE = "sensitive", "Sensitive: always flag it (e.g. a local place known from the case)"

    text = models.CharField(
        "word or phrase",
        max_length=100,
        help_text="Matched as whole words, ignoring capitals, e.g. “Northshire Police” or “Ashgrove”.",
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.SAFE)
    note = models.CharField("why", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "text"]
        verbose_name = "safe or sensitive word"
        verbose_name_plural = "safe and sensitive words"
        constraints = [
            models.UniqueConstraint(
                Lower("text"),
                name="disclosure_term_once",
                violation_error_message="This word or phrase is already on the list.",
            ),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="disclosure_term_not_empty",
                violation_error_message="Enter a word.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["safe", "sensitive"]),
                name="disclosure_term_kind_valid",
                violation_error_message="Choose whether the word is safe or sensitive.",
            ),
        ]

    def __str__(self):
        return self.text


class DisclosureAcceptanceQuerySet(models.QuerySet):
    def of(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class DisclosureAcceptance(models.Model):
    """A board manager's recorded reason why what the check found is safe to publish."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    fingerprint = models.CharField(max_length=64)
    findings = models.JSONField(default=list, help_text="What the check found, as it was accepted.")
    reason = models.TextField("why it is safe to publish", max_length=2000)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    objects = DisclosureAcceptanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-accepted_at", "-id"]
        verbose_name = "accepted finding of the publication check"
        verbose_name_plural = "accepted findings of the publication check"
        indexes = [models.Index(fields=["content_type", "object_id", "-accepted_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="disclosure_acceptance_has_reason",
                violation_error_message="Say why what the check found is safe to publish.",
            ),
        ]

    def __str__(self):
        return f"{self.target}: accepted by {self.accepted_by}"
