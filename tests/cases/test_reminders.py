"""Reminders: due within 3 working days or overdue, once per deadline state, a dry run sends nothing."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from cases.models import ReminderSent
from tests.cases.factories import CaseFactory
from tests.factories import OfficerFactory, PractitionerFactory

pytestmark = pytest.mark.django_db
D = datetime.date
MONDAY = datetime.datetime(2026, 3, 9, 8, tzinfo=datetime.UTC)


@pytest.fixture
def cases():
    return [
        CaseFactory(reference="SI-SOON", aware_on=D(2026, 3, 5)),  # due Thu 12 Mar: 3 working days
        CaseFactory(reference="SI-LATE", aware_on=D(2026, 2, 26)),  # due Thu 5 Mar: overdue
        CaseFactory(reference="SI-LATER", aware_on=D(2026, 3, 6)),  # due Fri 13 Mar: 4 working days
    ]


def _run(*args, when=MONDAY):
    out = io.StringIO()
    with time_machine.travel(when, tick=False):
        call_command("send_case_reminders", *args, stdout=out)
    return out.getvalue()


def test_officers_get_one_digest_and_never_the_same_reminder_twice(cases):
    officer = OfficerFactory()
    PractitionerFactory()
    _run()
    assert [m.to for m in mail.outbox] == [[officer.email]]
    body = mail.outbox[0].body
    assert "SI-SOON" in body and "SI-LATE" in body and "SI-LATER" not in body
    assert "Overdue by 2 working days" in body
    assert "Child Z" not in body
    assert "No reminder to send." in _run()
    assert len(mail.outbox) == 1 and ReminderSent.objects.count() == 2


def test_a_dry_run_prints_and_sends_and_records_nothing(cases):
    OfficerFactory()
    output = _run("--dry-run")
    assert "Would send:" in output and "SI-LATE" in output
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_a_deadline_due_soon_is_reminded_again_once_overdue(cases):
    OfficerFactory()
    _run()
    _run(when=MONDAY + datetime.timedelta(days=4))  # Friday 13: SI-SOON overdue, SI-LATER due today
    assert len(mail.outbox) == 2
    second = mail.outbox[1].body
    assert "SI-SOON" in second and "SI-LATER" in second and "SI-LATE:" not in second
