"""The board's controlled lists: themes, services (agencies) and owner groups.

They are editable in the admin so that a board can use its own words, and seeded
by a data migration with the lists in the domain description.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from reviews.markdown import validate_markdown
from reviews.models.bounds import GUIDANCE, NOTE, length_at_most


class GuidanceState(models.TextChoices):
    CURRENT = "current", "Up to date"
    PROPOSED = "proposed", "Awaiting approval"


def _person(help_text=""):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=help_text,
    )


class Theme(models.Model):
    """A theme of the lessons library, with the board's guidance on it.

    The guidance is public, so it changes like anything published: an officer writes the
    proposed guidance and proposes it, and a board manager who did not write it approves
    it, which puts it on the theme page (see ``reviews/publication.py``).
    """

    GuidanceState = GuidanceState

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    guidance = models.TextField(
        blank=True,
        editable=False,
        max_length=GUIDANCE,
        help_text="The board's short guidance on this issue for practitioners, as shown at the top "
        "of the theme page. Changed only by approving proposed guidance.",
    )
    proposed_guidance = models.TextField(
        blank=True,
        max_length=GUIDANCE,
        validators=[validate_markdown],
        help_text="New guidance for the theme page, shown there once a board manager approves it. "
        "Markdown: use * for bullets.",
    )
    guidance_state = models.CharField(
        "guidance", max_length=10, choices=GuidanceState, default=GuidanceState.CURRENT, editable=False
    )
    guidance_proposed_by = _person()
    guidance_proposed_at = models.DateTimeField(null=True, blank=True, editable=False)
    guidance_decided_by = _person("The manager who last approved or sent back proposed guidance.")
    guidance_decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    guidance_decision_note = models.TextField(blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(guidance_state__in=GuidanceState.values), name="theme_guidance_state_valid"
            ),
            length_at_most("guidance", GUIDANCE, name="theme_guidance_length", label="The guidance"),
            length_at_most(
                "proposed_guidance", GUIDANCE, name="theme_proposed_guidance_length", label="The guidance"
            ),
        ]

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
    description = models.TextField(
        blank=True, max_length=NOTE, help_text="What this group is and who chairs it."
    )
    order = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers are listed first in newsletters and on review pages."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "owner group"
        constraints = [
            length_at_most(
                "description", NOTE, name="owner_group_description_length", label="The description"
            )
        ]

    def __str__(self):
        return self.name
