"""Reminders to the leads of actions, and the managers' weekly summary of overdue actions.

A lead gets one e-mail listing every action of theirs that has become due within 14 days or
overdue since the last reminder. What was sent is recorded (``Reminder``): an action is never
reminded twice for the same due state and target date, so the command may run as often as wanted.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from accounts.roles import MANAGER
from actions.models import Action, Reminder

DUE_SOON_DAYS = 14
Due = Reminder.Due


def _link(action) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("actions:action_detail", args=[action.pk])


def due_state(action, today: datetime.date) -> str | None:
    if action.target_date < today:
        return Due.OVERDUE
    if action.target_date <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return Due.DUE_SOON
    return None


def reminders_due(*, today: datetime.date) -> dict:
    """``{lead: [(action, due), …]}``: what each lead has not been reminded of yet."""
    actions = (
        Action.objects.open()
        .filter(target_date__lte=today + datetime.timedelta(days=DUE_SOON_DAYS), lead__is_active=True)
        .select_related("lead", "recommendation__review", "owner_group")
        .order_by("target_date", "id")
    )
    sent = set(Reminder.objects.filter(action__in=actions).values_list("action_id", "due", "target_date"))
    digests = defaultdict(list)
    for action in actions:
        due = due_state(action, today)
        if due and (action.pk, due, action.target_date) not in sent:
            digests[action.lead].append((action, due))
    return digests


def _digest_text(lead, items) -> str:
    lines = [f"Dear {lead.first_name or lead.email},", ""]
    for due, heading in [(Due.OVERDUE, "Overdue"), (Due.DUE_SOON, f"Due within {DUE_SOON_DAYS} days")]:
        chosen = [action for action, d in items if d == due]
        if chosen:
            lines.append(f"{heading}:")
            lines += [
                f"- {a} (due {a.target_date:%d %B %Y}, {a.owner_group.name})\n  {_link(a)}" for a in chosen
            ]
            lines.append("")
    lines.append("Post a progress update, mark an action at risk or mark it complete on its page.")
    return "\n".join(lines)


def reminders_send(*, today: datetime.date, dry_run: bool = False) -> list[str]:
    """E-mail each lead one digest and record what was sent; return a line per e-mail."""
    report = []
    for lead, items in reminders_due(today=today).items():
        subject = f"Action plan: {len(items)} action{'s' if len(items) != 1 else ''} need your attention"
        report.append(f"{lead.email}: " + "; ".join(f"{a} ({d.label.lower()})" for a, d in items))
        if dry_run:
            continue
        with transaction.atomic():
            Reminder.objects.bulk_create(
                [Reminder(action=a, due=d, target_date=a.target_date, sent_to=lead.email) for a, d in items]
            )
            send_mail(subject, _digest_text(lead, items), None, [lead.email])
    return report


def overdue_summary_send(*, today: datetime.date, dry_run: bool = False) -> list[str]:
    """The managers' weekly summary: overdue actions, grouped by owner."""
    overdue = (
        Action.objects.open()
        .filter(target_date__lt=today)
        .select_related("owner_group", "lead")
        .order_by("owner_group__name", "target_date")
    )
    by_owner = defaultdict(list)
    for action in overdue:
        by_owner[action.owner_group.name].append(action)
    managers = list(
        get_user_model().objects.filter(groups__name=MANAGER, is_active=True).values_list("email", flat=True)
    )
    if not by_owner or not managers:
        return []
    lines = [f"Overdue actions on {today:%d %B %Y}, by owner:", ""]
    for owner, actions in by_owner.items():
        lines.append(f"{owner}: {len(actions)}")
        lines += [
            f"- {a} (due {a.target_date:%d %B %Y}, lead {a.lead.get_full_name() or a.lead.email})"
            f"\n  {_link(a)}"
            for a in actions
        ]
        lines.append("")
    lines.append(
        "The whole plan: " + settings.SITE_URL.rstrip("/") + reverse("actions:plan") + "?due=overdue"
    )
    total = sum(len(a) for a in by_owner.values())
    if not dry_run:
        send_mail(
            f"Action plan: {total} overdue action{'s' if total != 1 else ''}",
            "\n".join(lines),
            None,
            managers,
        )
    return [f"weekly summary to {', '.join(managers)}: {total} overdue"]
