"""The demo cases show every state of the clock whatever the day, and loading them twice adds nothing."""

import datetime

import pytest
import time_machine

from cases.deadlines import Key, Rag
from cases.models import Case
from demo.cases import cases_demo_ensure
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "day", [datetime.date(2026, 12, 24), datetime.date(2027, 4, 3)]
)  # Christmas Eve; a Saturday
def test_the_demo_shows_each_state_of_the_clock(day):
    review = ReviewFactory(reference="PR-2013-01", published_on=datetime.date(2013, 9, 16))
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(9), datetime.UTC), tick=False):
        assert cases_demo_ensure() == "Demo cases: 5 added."
        assert cases_demo_ensure() == "Demo cases: 0 added."
        cases = {case.reference: case for case in Case.objects.all()}
        due = cases["SI-DEMO-01"].next_deadline_due
        assert due.key == Key.NOTIFICATION and 0 <= (due.due_on - day).days <= 7
        overdue = cases["SI-DEMO-02"].next_deadline_due
        assert overdue.key == Key.RAPID_REVIEW and overdue.rag() == Rag.RED
        assert not cases["SI-DEMO-03"].is_open and cases["SI-DEMO-03"].decision == Case.Decision.NO_FURTHER
        lcspr = cases["SI-DEMO-04"]
        assert lcspr.is_open and 0 < (lcspr.publication_due_on - day).days <= 14
        assert cases["SI-DEMO-05"].review == review and not cases["SI-DEMO-05"].is_open
