"""Who a case is about (pseudonyms only), the agencies asked for their part, and progress checks."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from cases.models.case import PLAUSIBLE, Case
from reviews.models import Service
from reviews.models.bounds import NOTE, length_at_most
from reviews.models.review import ChildAgeBand, ChildSex

MAX_CHILDREN = 4  # one notification covers up to 4 children
FIFTH_CHILD = "One notification covers up to 4 children: notify a fifth child in a notification of its own."


class CaseChild(models.Model):
    """A child in a notification, known only by a pseudonym, as in a review (``reviews.Child``)."""

    class Outcome(models.TextChoices):
        DIED = "died", "Died"
        SERIOUS_HARM = "serious_harm", "Seriously harmed"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="children")
    # Numbered 1 to 4 in its notification, so that the database itself refuses a fifth child.
    position = models.PositiveSmallIntegerField(editable=False)
    pseudonym = models.CharField(
        max_length=60,
        help_text="Never the child's real name: “Child M”. No names, dates of birth or addresses.",
    )
    age_years = models.PositiveSmallIntegerField("age (years)", null=True, blank=True)
    age_band = models.CharField(max_length=10, choices=ChildAgeBand, blank=True)
    sex = models.CharField(max_length=10, choices=ChildSex, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome)
    looked_after = models.BooleanField("looked after", default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        verbose_name = "child"
        verbose_name_plural = "children (pseudonyms only)"
        constraints = [
            models.UniqueConstraint(fields=["case", "position"], name="case_child_position_unique"),
            models.UniqueConstraint(fields=["case", "pseudonym"], name="case_child_pseudonym_unique"),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=MAX_CHILDREN),
                name="case_child_at_most_four",
                violation_error_message=FIFTH_CHILD,
            ),
            models.CheckConstraint(
                condition=Q(age_years__isnull=True) | Q(age_years__lte=25),
                name="case_child_age_plausible",
                violation_error_message="Age must be between 0 and 25 years.",
            ),
        ]

    def __str__(self):
        return self.pseudonym

    def save(self, *args, **kwargs):
        # Numbered at the moment of saving, so that children added together get a number each.
        if self.position is None:
            self.position = self._free_position()
            if self.position is None:
                raise ValidationError(FIFTH_CHILD)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.position is None and self.case_id is not None and self._free_position() is None:
            raise ValidationError(FIFTH_CHILD)

    def _free_position(self):
        taken = set(CaseChild.objects.filter(case_id=self.case_id).values_list("position", flat=True))
        return next((n for n in range(1, MAX_CHILDREN + 1) if n not in taken), None)


class CaseAgency(models.Model):
    """An agency asked for its chronology or summary for the rapid review, and when it replied."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agencies")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+", verbose_name="agency")
    asked_on = models.DateField("asked", null=True, blank=True, validators=PLAUSIBLE)
    replied_on = models.DateField("replied", null=True, blank=True, validators=PLAUSIBLE)

    history = HistoricalRecords()

    class Meta:
        ordering = ["service__name"]
        verbose_name = "agency asked for its chronology"
        verbose_name_plural = "agencies asked for their chronologies"
        constraints = [
            models.UniqueConstraint(fields=["case", "service"], name="case_agency_unique"),
            models.CheckConstraint(
                condition=Q(replied_on__isnull=True)
                | Q(asked_on__isnull=True)
                | Q(replied_on__gte=F("asked_on")),
                name="case_agency_replied_after_asked",
                violation_error_message="The date the agency replied cannot be before the date it was asked.",
            ),
        ]

    def __str__(self):
        return str(self.service)


class ProgressCheck(models.Model):
    """The partners' regular look at how a local review is going."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="progress_checks")
    checked_on = models.DateField("date", validators=PLAUSIBLE)
    note = models.TextField(max_length=NOTE, help_text="What was reported, and any concern.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["checked_on", "id"]
        verbose_name = "progress check"
        constraints = [length_at_most("note", NOTE, name="case_progress_note_length", label="The note")]

    def __str__(self):
        return f"Progress check of {self.checked_on:%d %B %Y}"
