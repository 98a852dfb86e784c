"""Reminders: one digest per lead, never the same reminder twice, a dry run sends nothing."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from actions.models import Reminder
from tests.actions.factories import ActionFactory
from tests.factories import ManagerFactory

NOW = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()


@pytest.fixture
def due_and_overdue(police, owner):
    return [
        ActionFactory(
            owner_group=police,
            lead=owner,
            target_date=TODAY - datetime.timedelta(days=3),
            text="Audit the referrals",
        ),
        ActionFactory(
            owner_group=police,
            lead=owner,
            target_date=TODAY + datetime.timedelta(days=14),
            text="Train the night shift",
        ),
        ActionFactory(
            owner_group=police,
            lead=owner,
            target_date=TODAY + datetime.timedelta(days=15),
            text="Not due yet",
        ),
    ]


def _run(*args):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("send_action_reminders", *args, stdout=out)
    return out.getvalue()


def test_one_digest_per_lead_with_links_and_never_twice(due_and_overdue, owner, settings):
    settings.SITE_URL = "https://scp.example"
    _run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert "Audit the referrals" in message.body and "Train the night shift" in message.body
    assert "Not due yet" not in message.body
    assert f"https://scp.example/actions/{due_and_overdue[0].pk}/" in message.body
    _run()
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 2


def test_a_dry_run_prints_what_it_would_send_and_sends_nothing(due_and_overdue, owner):
    output = _run("--dry-run")
    assert f"Would send: {owner.email}" in output and "Audit the referrals" in output
    assert mail.outbox == [] and not Reminder.objects.exists()


def test_an_action_due_soon_is_reminded_again_once_overdue(due_and_overdue):
    _run()
    with time_machine.travel(NOW + datetime.timedelta(days=15), tick=False):
        call_command("send_action_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    assert "Train the night shift" in mail.outbox[1].body and "Overdue" in mail.outbox[1].body


def test_managers_get_a_weekly_summary_of_overdue_actions_by_owner(due_and_overdue):
    manager = ManagerFactory()
    _run("--weekly")
    summary = [m for m in mail.outbox if m.to == [manager.email]]
    assert len(summary) == 1
    assert "Police: 1" in summary[0].body and "Audit the referrals" in summary[0].body
