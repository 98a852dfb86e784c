"""A serious incident and the statutory process that follows it, up to the published review."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cases.querysets import CaseQuerySet
from reviews.models.bounds import BACKGROUND, NOTE, length_at_most

# A typing slip (the year 20026, or 1926) is refused at once: every deadline is counted from these.
PLAUSIBLE = [
    MinValueValidator(datetime.date(2000, 1, 1), "Enter a date from the year 2000 onwards."),
    MaxValueValidator(datetime.date(2099, 12, 31), "Enter a date before the year 2100."),
]


def _date(label, help_text=""):
    return models.DateField(label, null=True, blank=True, validators=PLAUSIBLE, help_text=help_text)


def _text(label, help_text="", limit=BACKGROUND):
    return models.TextField(label, blank=True, max_length=limit, help_text=help_text)


COMPUTED = (
    "notification_due_on",
    "rapid_review_due_on",
    "panel_copy_due_on",
    "publication_due_on",
    "next_due_on",
    "next_deadline",
    "is_open",
)


class Incident(models.TextChoices):
    DIED = "died", "A child died (abuse or neglect known or suspected)"
    SERIOUS_HARM = "serious_harm", "A child was seriously harmed (abuse or neglect known or suspected)"
    LOOKED_AFTER_DIED = "looked_after_died", "A looked-after child died"


class Decision(models.TextChoices):
    LCSPR = "lcspr", "A local child safeguarding practice review (LCSPR)"
    OTHER_REVIEW = "other_review", "Another kind of learning review"
    NO_FURTHER = "no_further", "No further review"


class CaseState(models.TextChoices):
    """Where the rapid review's decision stands in the four-eyes workflow (``cases.workflow``)."""

    RECORDING = "recording", "Being recorded"
    PROPOSED = "proposed", "Awaiting a manager"
    AGREED = "agreed", "Agreed"


class PanelAnswer(models.TextChoices):
    AGREED = "agreed", "The panel agreed"
    DISAGREED = "disagreed", "The panel did not agree"


def _after(later, earlier, name, message):
    """A database check that ``later`` is not before ``earlier`` (either may still be empty)."""
    return models.CheckConstraint(
        condition=Q(**{f"{later}__isnull": True})
        | Q(**{f"{earlier}__isnull": True})
        | Q(**{f"{later}__gte": F(earlier)}),
        name=name,
        violation_error_message=message,
    )


class Case(models.Model):
    """A serious incident notification and its statutory process. Staff only; never public.

    The due dates (``*_due_on``) are never typed: ``cases.deadlines`` works them out from the
    dates entered, again on every save, so correcting an earlier date moves every later deadline.
    """

    Incident = Incident
    Decision = Decision
    State = CaseState
    PanelAnswer = PanelAnswer

    reference = models.CharField(
        max_length=40,
        unique=True,
        help_text="The board's reference, e.g. SI-2026-04. The only detail of the case that leaves "
        "the system (in staff calendars and reminder e-mails).",
    )
    incident = models.CharField("what happened", max_length=20, choices=Incident)
    outline = _text(
        "short case outline",
        "As sent to the national panel. Use only the children's pseudonyms: no names, dates of birth "
        "or addresses.",
    )
    # 1. Serious incident notification
    aware_on = models.DateField(
        "local authority became aware",
        validators=PLAUSIBLE,
        help_text="The panel must be notified within 5 working days of this date.",
    )
    notified_on = _date("national panel notified")
    partners_told_on = _date("safeguarding partners told")
    # 2. Rapid review
    rapid_review_on = _date(
        "rapid review sent to the panel", "Due within 15 working days of the notification."
    )
    key_practice_episodes = _text("key practice episodes")
    immediate_actions = _text("immediate actions taken")
    learning_so_far = _text("learning so far")
    decision = models.CharField(max_length=20, choices=Decision, blank=True)
    decision_on = _date("date of the decision", "An LCSPR's report is due 6 months after this date.")
    decision_reasons = _text("reasons for the decision", limit=NOTE)
    decision_state = models.CharField(
        "decision", max_length=20, choices=CaseState, default=CaseState.RECORDING
    )
    decision_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_proposed_at = models.DateTimeField(null=True, blank=True)
    decision_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = _text("manager's reasons", limit=NOTE)
    panel_response_on = _date("panel's response received")
    panel_agreed = models.CharField("panel's view", max_length=10, choices=PanelAnswer, blank=True)
    panel_response = _text("panel's response", limit=NOTE)
    # 3. Local child safeguarding practice review
    reviewer = models.CharField(
        max_length=200, blank=True, help_text="The lead reviewer, e.g. an independent reviewer."
    )
    method = models.CharField(max_length=200, blank=True, help_text="e.g. SCIE Learning Together.")
    terms_of_reference = _text("terms of reference")
    commissioned_on = _date("commissioned")
    draft_received_on = _date("draft report received")
    final_received_on = _date("final report received")
    sent_to_panel_on = _date(
        "copy sent to the panel and Secretary of State", "Due before publication (see the board's lead time)."
    )
    published_on = _date("final report published", "Due within 6 months of the decision to hold the review.")
    publication_withheld = models.BooleanField(
        "partners decided not to publish the report",
        default=False,
        help_text="Only for exceptional reasons, recorded below; the improvements are published instead.",
    )
    withheld_reasons = _text("exceptional reasons for not publishing", limit=NOTE)
    improvements_published_on = _date("improvements published")
    review = models.OneToOneField(
        "reviews.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statutory_case",
        verbose_name="review in the lessons library",
        help_text="The review record the lessons library publishes, once there is one.",
    )
    # Worked out on every save by cases.deadlines: never typed.
    notification_due_on = models.DateField(editable=False, null=True)
    rapid_review_due_on = models.DateField(editable=False, null=True)
    panel_copy_due_on = models.DateField(editable=False, null=True)
    publication_due_on = models.DateField(editable=False, null=True)
    next_due_on = models.DateField("next statutory date", editable=False, null=True)
    next_deadline = models.CharField(max_length=20, editable=False, blank=True)
    is_open = models.BooleanField("open", default=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-aware_on", "-id"]
        indexes = [models.Index(fields=["is_open", "next_due_on"], name="case_whats_due")]
        permissions = [
            ("propose_decision", "Can propose a rapid review's decision"),
            ("decide_case", "Can agree or send back a rapid review's decision"),
        ]
        constraints = [
            _after(
                "notified_on",
                "aware_on",
                "case_notified_after_aware",
                "The date the panel was notified cannot be before the date the local authority became aware.",
            ),
            _after(
                "partners_told_on",
                "aware_on",
                "case_partners_told_after_aware",
                "The date the partners were told cannot be before the date the local authority became aware.",
            ),
            _after(
                "rapid_review_on",
                "notified_on",
                "case_rapid_review_after_notified",
                "The date of the rapid review cannot be before the date the panel was notified.",
            ),
            models.CheckConstraint(
                condition=Q(rapid_review_on__isnull=True) | Q(notified_on__isnull=False),
                name="case_rapid_review_needs_notification",
                violation_error_message="Enter the date the panel was notified before the date of the "
                "rapid review.",
            ),
            models.CheckConstraint(
                condition=Q(decision_on__isnull=True)
                | Q(rapid_review_on__isnull=False, decision_on__gte=F("rapid_review_on")),
                name="case_decision_after_rapid_review",
                violation_error_message="The date of the decision cannot be before the date of the rapid "
                "review (enter the rapid review's date first).",
            ),
            _after(
                "panel_response_on",
                "rapid_review_on",
                "case_panel_response_after_rapid_review",
                "The date of the panel's response cannot be before the date of the rapid review.",
            ),
            _after(
                "commissioned_on",
                "decision_on",
                "case_commissioned_after_decision",
                "The date the review was commissioned cannot be before the date of the decision.",
            ),
            _after(
                "final_received_on",
                "draft_received_on",
                "case_final_after_draft",
                "The date the final report was received cannot be before the date the draft was received.",
            ),
            _after(
                "published_on",
                "decision_on",
                "case_published_after_decision",
                "The date the report was published cannot be before the date of the decision.",
            ),
            _after(
                "improvements_published_on",
                "decision_on",
                "case_improvements_after_decision",
                "The date the improvements were published cannot be before the date of the decision.",
            ),
            models.CheckConstraint(
                condition=~Q(decision_state=CaseState.AGREED)
                | (~Q(decision="") & ~Q(decision_reasons="") & Q(decision_on__isnull=False)),
                name="case_agreed_decision_complete",
                violation_error_message="An agreed decision needs the decision, its date and its reasons.",
            ),
            models.CheckConstraint(
                condition=Q(publication_withheld=False) | ~Q(withheld_reasons=""),
                name="case_withheld_has_reasons",
                violation_error_message="Record the partners' exceptional reasons for not publishing "
                "the report.",
            ),
            models.CheckConstraint(
                condition=Q(publication_withheld=False) | Q(published_on__isnull=True),
                name="case_withheld_not_published",
                violation_error_message="A report the partners decided not to publish has no "
                "publication date: untick “not to publish” or clear the date.",
            ),
            models.CheckConstraint(condition=Q(incident__in=Incident.values), name="case_incident_valid"),
            models.CheckConstraint(condition=Q(decision_state__in=CaseState.values), name="case_state_valid"),
            models.CheckConstraint(
                condition=Q(decision="") | Q(decision__in=Decision.values), name="case_decision_valid"
            ),
            length_at_most("outline", BACKGROUND, name="case_outline_length", label="The outline"),
            length_at_most(
                "decision_reasons", NOTE, name="case_decision_reasons_length", label="The reasons"
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        from cases.deadlines import deadlines_fill  # deadlines reads the model's fields

        deadlines_fill(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *COMPUTED}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("cases:case_detail", kwargs={"pk": self.pk})

    @property
    def next_deadline_due(self):
        """The nearest deadline not yet met (from the stored dates), or ``None``."""
        from cases.deadlines import Deadline

        if self.next_due_on is None:
            return None
        return Deadline(self.next_deadline, self.next_due_on, None, "")

    @property
    def holds_lcspr(self) -> bool:
        return self.decision == Decision.LCSPR and self.decision_state == CaseState.AGREED
