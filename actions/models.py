"""The action plan: what agencies do about a recommendation, how they evidence it, who signs it off.

An action's state moves only through its workflow (``actions.workflow``); its red, amber or
green is computed from its dates (``actions.querysets``), never stored.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from actions.querysets import ActionQuerySet
from actions.validators import EVIDENCE_HELP, MaxFileSize, validate_evidence
from reviews.models import OwnerGroup, Recommendation
from reviews.models.bounds import FINDING, NOTE, length_at_most


class OwnerMembership(models.Model):
    """An action owner: the person who reports on their agency's or group's actions."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="owner_memberships"
    )
    owner_group = models.ForeignKey(OwnerGroup, on_delete=models.CASCADE, related_name="memberships")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "action owner"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "owner_group"],
                name="one_membership_per_owner_group",
                violation_error_message="This person already reports for this owner group.",
            )
        ]

    def __str__(self):
        return f"{self.user} for {self.owner_group}"


class PlanSettings(models.Model):
    """The board's choices for its action plan. There is only one."""

    singleton = models.BooleanField(default=True, editable=False)
    amber_days = models.PositiveSmallIntegerField(
        "amber within (days)",
        default=30,
        help_text="An open action due within this many days shows amber.",
    )
    # Raised by every change to an action (actions/signals.py, ActionQuerySet): the counts beside
    # the plan are kept in the cache under it (actions/summary.py). Read with amber_days, in the
    # query every plan page makes anyway.
    version = models.BigIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["singleton", "version"])

    class Meta:
        verbose_name = verbose_name_plural = "action plan settings"
        constraints = [
            models.UniqueConstraint(fields=["singleton"], name="one_plan_settings"),
            models.CheckConstraint(condition=Q(singleton=True), name="plan_settings_singleton_true"),
        ]

    def __str__(self):
        return "Action plan settings"

    @classmethod
    def amber(cls) -> int:
        return cls.current()[0]

    @classmethod
    def current(cls) -> tuple[int, int]:
        """``(amber_days, version)`` in one read."""
        return cls.objects.values_list("amber_days", "version").first() or (30, 0)

    @classmethod
    def version_raise(cls):
        """Mark the plan's cached counts stale, from inside the writer's transaction."""
        if not cls.objects.update(version=models.F("version") + 1):
            cls.objects.get_or_create(singleton=True, defaults={"version": 1})


class Action(models.Model):
    class State(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed, awaiting sign-off"
        SIGNED_OFF = "signed_off", "Signed off"
        NOT_IMPLEMENTED = "not_implemented", "Not implemented"

    OPEN = (State.NOT_STARTED, State.IN_PROGRESS)
    CLOSED = (State.SIGNED_OFF, State.NOT_IMPLEMENTED)

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField("what will be done", max_length=FINDING)
    owner_group = models.ForeignKey(
        OwnerGroup,
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name="owner",
        help_text="The agency or board group that carries it out.",
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="actions_led",
        help_text="The named person who answers for it; reminders go to them.",
    )
    target_date = models.DateField()
    state = models.CharField(max_length=20, choices=State, default=State.NOT_STARTED)
    at_risk = models.BooleanField(
        default=False, help_text="Marked by the owner when the target date may be missed: shows amber."
    )
    outcome = models.TextField(
        blank=True, max_length=FINDING, help_text="What changed for children and practitioners."
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True, max_length=NOTE)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["target_date", "id"]
        permissions = [
            ("report_action", "Report progress on actions and mark them complete"),
            ("sign_off_action", "Sign off actions and accept them as not implemented"),
        ]
        indexes = [
            models.Index(fields=["state", "target_date"], name="action_state_due"),
            models.Index(fields=["target_date", "id"], name="action_due"),
        ]
        constraints = [
            length_at_most("text", FINDING, name="action_text_length", label="What will be done"),
            length_at_most("outcome", FINDING, name="action_outcome_length", label="The outcome"),
            models.CheckConstraint(
                condition=~Q(state="signed_off") | ~Q(outcome=""),
                name="action_signed_off_has_outcome",
                violation_error_message="Record the outcome before signing the action off.",
            ),
            models.CheckConstraint(
                condition=~Q(state="not_implemented") | ~Q(decision_note=""),
                name="action_not_implemented_has_reason",
                violation_error_message="Record why the action is not implemented.",
            ),
        ]

    def __str__(self):
        words = self.text.split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")

    def get_absolute_url(self):
        return reverse("actions:action_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN

    def rag(self, today: datetime.date, amber_days: int) -> str:
        """Red, amber or green: the same rule as ``ActionQuerySet.with_rag`` for one action."""
        if self.state not in self.OPEN:
            return RAG.NONE
        if self.target_date < today:
            return RAG.RED
        if self.at_risk or self.target_date <= today + datetime.timedelta(days=amber_days):
            return RAG.AMBER
        return RAG.GREEN


class RAG(models.TextChoices):
    RED = "red", "Red: overdue"
    AMBER = "amber", "Amber: due soon or at risk"
    GREEN = "green", "Green: on track"
    NONE = "done", "Done"


def evidence_path(update, filename):
    return f"evidence/{update.action_id}/{filename}"


class ProgressUpdate(models.Model):
    """A dated note by the owner, with its evidence: words, a link or a file."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    written_on = models.DateField("date", default=datetime.date.today)
    note = models.TextField("progress", max_length=NOTE)
    link = models.URLField("link to evidence", blank=True, max_length=500)
    evidence = models.FileField(
        "evidence file",
        upload_to=evidence_path,
        blank=True,
        help_text=EVIDENCE_HELP,
        validators=[validate_evidence, MaxFileSize(10)],
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-written_on", "-id"]
        verbose_name = "progress update"
        constraints = [length_at_most("note", NOTE, name="progress_note_length", label="The progress note")]

    def __str__(self):
        return f"{self.written_on:%d %B %Y}: {self.note[:60]}"


class Reminder(models.Model):
    """A reminder e-mailed to an action's lead: one per action, due state and target date."""

    class Due(models.TextChoices):
        DUE_SOON = "due_soon", "Due within 14 days"
        OVERDUE = "overdue", "Overdue"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    due = models.CharField(max_length=10, choices=Due)
    target_date = models.DateField(help_text="The target date the reminder was about.")
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["action", "due", "target_date"],
                name="one_reminder_per_due_state",
                violation_error_message="This reminder was sent already.",
            )
        ]

    def __str__(self):
        return f"{self.get_due_display()}: {self.action} to {self.sent_to}"


class BoardResponseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Board staff see every response (drafts marked so); everyone else the published ones."""
        from actions.querysets import is_board_staff

        return self if is_board_staff(user) else self.filter(published=True)


class BoardResponse(models.Model):
    """What the board did in response to the learning of reviews or themes: "What has changed since"."""

    class Kind(models.TextChoices):
        STRATEGY = "strategy", "Strategy"
        TOOL = "tool", "Tool or guidance"
        TRAINING = "training", "Training programme"
        FOCUS_GROUP = "focus_group", "Focus group"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=NOTE)
    responded_on = models.DateField("date")
    places = models.PositiveIntegerField("number of places", null=True, blank=True, help_text="For training.")
    impact = models.CharField(
        "impact figure",
        max_length=200,
        blank=True,
        help_text="Optional, e.g. “92% of attendees say they now ask about fathers at booking”.",
    )
    reviews = models.ManyToManyField("reviews.Review", blank=True, related_name="board_responses")
    themes = models.ManyToManyField("reviews.Theme", blank=True, related_name="board_responses")
    published = models.BooleanField(default=False, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = BoardResponseQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[reviews, themes])

    class Meta:
        ordering = ["-responded_on", "-id"]
        verbose_name = "board response to learning"
        verbose_name_plural = "board responses to learning"
        permissions = [("publish_boardresponse", "Publish board responses to learning")]
        constraints = [
            length_at_most(
                "description", NOTE, name="board_response_description_length", label="The description"
            ),
        ]

    def __str__(self):
        return self.title


class Dissemination(models.Model):
    """A team's record that it discussed a review's 7-minute briefing, and what it will change."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="disseminations")
    agency = models.CharField(max_length=200)
    team = models.CharField(max_length=200)
    discussed_on = models.DateField("date discussed", default=datetime.date.today)
    staff_count = models.PositiveIntegerField("number of staff")
    changes = models.TextField("what you will do differently", max_length=NOTE)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-discussed_on", "-id"]
        verbose_name = "briefing discussed by a team"
        verbose_name_plural = "briefings discussed by teams"
        constraints = [
            models.CheckConstraint(
                condition=Q(staff_count__gte=1),
                name="dissemination_staff_count_positive",
                violation_error_message="Give the number of staff who took part: at least 1.",
            ),
            length_at_most(
                "changes", NOTE, name="dissemination_changes_length", label="What you will do differently"
            ),
        ]

    def __str__(self):
        return f"{self.team}, {self.agency}: {self.review}"
