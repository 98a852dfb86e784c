"""What belongs to board staff rather than to one case: the board's setting, calendars, reminders."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases.models.case import Case


class CaseSettings(models.Model):
    """The board's own choices about the statutory clock. There is only one."""

    singleton = models.BooleanField(default=True, editable=False)
    panel_copy_lead_days = models.PositiveSmallIntegerField(
        "working days between sending the report to the panel and publishing it",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="The copy to the panel and the Secretary of State is due this many working days "
        "before the report's publication date.",
    )

    history = HistoricalRecords(excluded_fields=["singleton"])

    class Meta:
        verbose_name = verbose_name_plural = "statutory clock settings"
        constraints = [
            models.UniqueConstraint(fields=["singleton"], name="one_case_settings"),
            models.CheckConstraint(
                condition=Q(panel_copy_lead_days__gte=1, panel_copy_lead_days__lte=60),
                name="case_settings_lead_days_range",
                violation_error_message="The lead time must be between 1 and 60 working days.",
            ),
        ]

    def __str__(self):
        return "Statutory clock settings"

    @classmethod
    def current(cls):
        return cls.objects.first() or cls()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a staff member's private calendar address. Renewing it ends the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["token"])

    def __str__(self):
        return f"Calendar address of {self.user}"


class ReminderSent(models.Model):
    """A reminder e-mailed about one deadline in one state, so that it is never sent twice."""

    class Status(models.TextChoices):
        DUE_SOON = "due_soon", "Due within 3 working days"
        OVERDUE = "overdue", "Overdue"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reminders")
    deadline = models.CharField(max_length=20)
    status = models.CharField(max_length=10, choices=Status)
    due_on = models.DateField()
    recipients = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "reminder sent"
        verbose_name_plural = "reminders sent"
        constraints = [
            # A corrected date gives a new due date, and so a reminder of its own.
            models.UniqueConstraint(
                fields=["case", "deadline", "status", "due_on"], name="reminder_once_per_deadline_state"
            ),
        ]

    def __str__(self):
        return f"{self.case}: {self.deadline} {self.status}"
