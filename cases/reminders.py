"""Reminders of statutory deadlines due within 3 working days, or overdue, e-mailed to board staff.

Each deadline is reminded once in each state (due soon, then overdue): what was sent is
recorded, so running the command again, or twice a day, sends nothing new. A corrected date
gives a new due date, which is reminded afresh. The e-mail names cases by reference only.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from cases.deadlines import SOON, Deadline, case_deadlines
from cases.models import Case, ReminderSent
from cases.working_days import working_days_add

Status = ReminderSent.Status


@dataclass(frozen=True)
class Due:
    case: Case
    deadline: Deadline
    status: str

    def line(self, today) -> str:
        d = self.deadline
        return f"{self.case.reference}: {d.label}, due {d.due_on.day} {d.due_on:%B %Y} ({d.status(today)})"


def reminders_due(*, today) -> list[Due]:
    """The deadlines to remind about today that have not been reminded in their present state."""
    horizon = working_days_add(today, SOON)
    cases = list(Case.objects.open().filter(next_due_on__lte=horizon).order_by("next_due_on", "reference"))
    sent = set(
        ReminderSent.objects.filter(case__in=cases).values_list("case_id", "deadline", "status", "due_on")
    )
    found = []
    for case in cases:
        for deadline in case_deadlines(case):
            if deadline.done_on is not None or deadline.due_on > horizon:
                continue
            status = Status.OVERDUE if deadline.due_on < today else Status.DUE_SOON
            if (case.pk, deadline.key, status, deadline.due_on) not in sent:
                found.append(Due(case, deadline, status))
    return found


def reminder_recipients() -> list[str]:
    """The board's staff who may see cases, with an e-mail address."""
    holds = Q(groups__permissions__codename="view_case", groups__permissions__content_type__app_label="cases")
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return sorted(set(users.filter(holds | Q(is_superuser=True)).values_list("email", flat=True)))


def reminders_send(*, today, dry_run: bool = False, site_url: str = "") -> list[str]:
    """E-mail one digest to each recipient and record what was sent; return what was (or would be) sent."""
    items = reminders_due(today=today)
    recipients = reminder_recipients()
    if not items:
        return []
    report = [f"To {len(recipients)} recipient(s): {', '.join(recipients)}", *(i.line(today) for i in items)]
    if dry_run or not recipients:
        return report
    overdue = sum(i.status == Status.OVERDUE for i in items)
    subject = f"Statutory deadlines: {overdue} overdue, {len(items) - overdue} due within {SOON} working days"
    body = "\n".join(
        [
            "These statutory deadlines are overdue or due within 3 working days:",
            "",
            *(f"- {i.line(today)}" for i in items),
            "",
            f"What's due: {site_url.rstrip('/')}{reverse('cases:case_list')}",
        ]
    )
    with transaction.atomic():
        ReminderSent.objects.bulk_create(
            [
                ReminderSent(
                    case=i.case,
                    deadline=i.deadline.key,
                    status=i.status,
                    due_on=i.deadline.due_on,
                    recipients=len(recipients),
                )
                for i in items
            ]
        )
        for address in recipients:
            send_mail(subject, body, None, [address])
    return report
