"""Deadlines worked out from the dates, recomputed on correction, and late stays late."""

import datetime

import pytest
import time_machine

from cases.deadlines import Key, Rag, case_deadlines
from cases.models import Case, CaseSettings
from cases.services import case_settings_save
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _deadline(case, key):
    return next(d for d in case_deadlines(case) if d.key == key)


def test_correcting_the_awareness_date_moves_every_later_deadline():
    case = CaseFactory(aware_on=D(2025, 12, 23))
    assert case.notification_due_on == D(2026, 1, 2)
    case.notified_on = D(2026, 1, 2)
    case.save()
    assert case.rapid_review_due_on == D(2026, 1, 23)
    assert case.next_deadline == Key.RAPID_REVIEW
    # Corrected: the authority became aware earlier; the notification on 2 Jan was then late.
    case.aware_on = D(2025, 12, 19)
    case.save()
    case.refresh_from_db()
    # Fri 19 Dec: Mon 22 (1), Tue 23 (2), Wed 24 (3), Christmas and Boxing Day, Mon 29 (4), Tue 30 (5).
    assert case.notification_due_on == D(2025, 12, 30)
    notification = _deadline(case, Key.NOTIFICATION)
    assert notification.late and notification.status() == "Met 2 working days late"
    assert notification.rag() == Rag.RED
    # Correcting the notification date moves the rapid review's.
    case.notified_on = D(2025, 12, 30)
    case.save()
    # Wed 31 (1), New Year's Day, Fri 2 (2), two weeks (12), Mon 19, Tue 20, Wed 21 Jan (15).
    assert case.rapid_review_due_on == D(2026, 1, 21)
    assert not _deadline(case, Key.NOTIFICATION).late


@time_machine.travel(datetime.datetime(2026, 4, 2, 9, tzinfo=datetime.UTC), tick=False)
def test_days_left_and_rag_count_working_days_from_today():
    # Tue 31 Mar: Wed 1 (1), Thu 2 (2), Good Friday and Easter Monday, Tue 7 (3) … Thu 9 Apr (5).
    case = CaseFactory(aware_on=D(2026, 3, 31))
    deadline = _deadline(case, Key.NOTIFICATION)
    assert deadline.due_on == D(2026, 4, 9)
    assert deadline.days_left() == 3 and deadline.status() == "3 working days left"
    assert deadline.rag() == Rag.AMBER
    overdue = _deadline(CaseFactory(aware_on=D(2026, 3, 24)), Key.NOTIFICATION)  # due Tue 31 Mar
    assert overdue.status() == "Overdue by 2 working days" and overdue.rag() == Rag.RED


def test_an_agreed_local_review_is_due_six_months_after_the_decision_and_the_copy_before():
    case = CaseFactory(
        aware_on=D(2026, 3, 2),
        notified_on=D(2026, 3, 4),
        rapid_review_on=D(2026, 3, 20),
        decision=Case.Decision.LCSPR,
        decision_on=D(2026, 3, 20),
        decision_reasons="Learning for every agency.",
    )
    assert case.publication_due_on is None  # not until a manager agrees it
    case.decision_state = Case.State.AGREED
    case.save()
    assert case.publication_due_on == D(2026, 9, 20)
    # 7 working days before Sun 20 Sep 2026: Fri 18 (1) … Thu 10 Sep (7).
    assert case.panel_copy_due_on == D(2026, 9, 10)
    assert case.next_deadline == Key.PANEL_COPY and case.is_open
    case_settings_save(settings=CaseSettings(panel_copy_lead_days=10), by=None)
    case.refresh_from_db()
    assert case.panel_copy_due_on == D(2026, 9, 7)  # … Wed 9 (8), Tue 8 (9), Mon 7 (10)
    case.sent_to_panel_on = D(2026, 9, 1)
    case.published_on = D(2026, 9, 18)
    case.save()
    assert not case.is_open and case.next_due_on is None


def test_a_decision_of_no_further_review_closes_the_case_once_agreed():
    case = CaseFactory(
        notified_on=D(2026, 3, 4),
        rapid_review_on=D(2026, 3, 20),
        decision=Case.Decision.NO_FURTHER,
        decision_on=D(2026, 3, 20),
        decision_reasons="No systemic learning.",
    )
    assert case.is_open  # the decision is not agreed yet
    case.decision_state = Case.State.AGREED
    case.save()
    assert not case.is_open
