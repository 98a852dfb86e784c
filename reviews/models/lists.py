"""The board's controlled lists: themes, services (agencies) and owner groups.

They are editable in the admin so that a board can use its own words, and seeded
by a data migration with the lists in the domain description.
"""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Theme(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    guidance = models.TextField(
        blank=True,
        help_text="The board's short guidance on this issue for practitioners. "
        "Shown at the top of the theme page. Markdown: use * for bullets.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reviews:theme_detail", kwargs={"slug": self.slug})


class Service(models.Model):
    """An agency or service that a lesson applies to, so practitioners can find theirs."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "service (agency)"
        verbose_name_plural = "services (agencies)"

    def __str__(self):
        return self.name


class OwnerGroup(models.Model):
    """Who owns a recommendation: all agencies, one agency, or a sub-group of the board."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True, help_text="What this group is and who chairs it.")
    order = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers are listed first in newsletters and on review pages."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "owner group"

    def __str__(self):
        return self.name
