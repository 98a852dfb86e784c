"""The statutory clock: each deadline of a case, worked out from the dates entered.

Due dates are stored on the case (so that lists sort and count them in the database) but are
never typed: ``deadlines_fill`` works them out again on every save. Whether a deadline was met,
met late or is overdue is always read from the stored dates, so a deadline met late stays late.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.utils import timezone

from cases.working_days import months_add, working_days_add, working_days_between

NOTIFICATION_DAYS = 5  # working days from becoming aware
RAPID_REVIEW_DAYS = 15  # working days from the notification
PUBLICATION_MONTHS = 6  # from the decision to hold a local review
SOON = 3  # working days: amber, and a reminder


class Key(models.TextChoices):
    NOTIFICATION = "notification", "Notify the national panel"
    RAPID_REVIEW = "rapid_review", "Rapid review to the panel"
    PANEL_COPY = "panel_copy", "Report to the panel and Secretary of State"
    PUBLICATION = "publication", "Publish the final report"


# The stored due date and the date that meets it, for each deadline.
FIELDS = {
    Key.NOTIFICATION: ("notification_due_on", "notified_on"),
    Key.RAPID_REVIEW: ("rapid_review_due_on", "rapid_review_on"),
    Key.PANEL_COPY: ("panel_copy_due_on", "sent_to_panel_on"),
    Key.PUBLICATION: ("publication_due_on", "published_on"),
}


class Rag(models.TextChoices):
    GREEN = "green", "On track"
    AMBER = "amber", "Due soon"
    RED = "red", "Overdue or late"


@dataclass(frozen=True)
class Deadline:
    key: str
    due_on: datetime.date
    done_on: datetime.date | None
    basis: str  # how the due date was worked out, in words

    @property
    def label(self) -> str:
        return Key(self.key).label

    @property
    def late(self) -> bool:
        return self.done_on is not None and self.done_on > self.due_on

    def days_left(self, today=None) -> int | None:
        """Working days from today to the due date; negative once overdue; ``None`` once met."""
        if self.done_on is not None:
            return None
        if today is None:
            return self._days_left_today
        return working_days_between(today, self.due_on)

    @cached_property
    def _days_left_today(self) -> int:
        return working_days_between(timezone.localdate(), self.due_on)

    def rag(self, today=None) -> Rag:
        if self.done_on is not None:
            return Rag.RED if self.late else Rag.GREEN
        left = self.days_left(today)
        return Rag.RED if left < 0 else Rag.AMBER if left <= SOON else Rag.GREEN

    def status(self, today=None) -> str:
        """The deadline in words: “Met on time”, “Met 2 working days late”, “Overdue by 1 working day”."""
        if self.done_on is not None:
            if not self.late:
                return "Met on time"
            return f"Met {_days(working_days_between(self.due_on, self.done_on))} late"
        left = self.days_left(today)
        if left < 0:
            return f"Overdue by {_days(-left)}"
        if left == 0:
            return "Due today"
        return f"{_days(left)} left"


def _days(n: int) -> str:
    return f"{n} working day{'' if n == 1 else 's'}"


def _d(day) -> str:
    return f"{day.day} {day:%B %Y}"


def case_deadlines(case) -> list[Deadline]:
    """The deadlines that apply to ``case`` now, in statutory order, from its stored due dates."""
    deadlines = []
    for key, (due_field, done_field) in FIELDS.items():
        due_on = getattr(case, due_field)
        if due_on is None:
            continue
        done_on = getattr(case, done_field)
        if key == Key.PUBLICATION and case.publication_withheld:
            done_on = case.improvements_published_on
        deadlines.append(Deadline(key, due_on, done_on, _basis(case, key)))
    return deadlines


def _basis(case, key) -> str:
    if key == Key.NOTIFICATION:
        return (
            f"{NOTIFICATION_DAYS} working days after the local authority became aware ({_d(case.aware_on)})"
        )
    if key == Key.RAPID_REVIEW:
        return f"{RAPID_REVIEW_DAYS} working days after the notification ({_d(case.notified_on)})"
    if key == Key.PUBLICATION:
        basis = f"{PUBLICATION_MONTHS} months after the decision to hold the review ({_d(case.decision_on)})"
        if case.publication_withheld:
            basis += (
                "; the partners decided not to publish the report, so the improvements are published instead"
            )
        return basis
    lead = working_days_between(case.panel_copy_due_on, case.publication_due_on)
    return f"{_days(lead)} before the report is due to be published ({_d(case.publication_due_on)})"


def deadlines_fill(case, lead_days: int | None = None) -> None:
    """Work out and set the case's due dates, its next statutory date and whether it is open."""
    from cases.models import CaseSettings

    if lead_days is None:
        lead_days = CaseSettings.current().panel_copy_lead_days
    case.notification_due_on = working_days_add(case.aware_on, NOTIFICATION_DAYS) if case.aware_on else None
    case.rapid_review_due_on = (
        working_days_add(case.notified_on, RAPID_REVIEW_DAYS) if case.notified_on else None
    )
    holds_review = case.holds_lcspr and case.decision_on is not None
    case.publication_due_on = months_add(case.decision_on, PUBLICATION_MONTHS) if holds_review else None
    publishes = holds_review and not case.publication_withheld
    case.panel_copy_due_on = working_days_add(case.publication_due_on, -lead_days) if publishes else None

    pending = [d for d in case_deadlines(case) if d.done_on is None]
    nearest = min(pending, key=lambda d: d.due_on, default=None)
    case.next_due_on = nearest.due_on if nearest else None
    case.next_deadline = nearest.key if nearest else ""
    case.is_open = bool(pending) or not _closed(case)


def _closed(case) -> bool:
    """Every deadline met: closed once the decision is agreed and, for a local review, it is out."""
    if case.decision_state != case.State.AGREED or not case.rapid_review_on:
        return False
    if case.decision != case.Decision.LCSPR:
        return True
    return bool(case.published_on or (case.publication_withheld and case.improvements_published_on))
