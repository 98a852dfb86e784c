"""The private calendar address: every deadline, the case reference only, and 404 once stopped."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from cases.models import CalendarToken, CaseChild
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def case():
    case = CaseFactory(reference="SI-CAL-01", aware_on=D(2025, 12, 23), notified_on=D(2026, 1, 2))
    CaseChild.objects.create(case=case, pseudonym="Child Quill", outcome="died")
    return case


def _address(client):
    client.post(reverse("cases:calendar"), {"action": "renew"})
    return reverse(
        "cases:calendar_feed",
        args=[client.get(reverse("cases:calendar")).context["address"].split("/")[-1][:-4]],
    )


def test_the_feed_parses_and_holds_each_deadline_by_reference_only(officer_client, client, case):
    address = _address(officer_client)
    client.logout()
    response = client.get(address)  # a calendar app does not sign in
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = {
        str(e["summary"]): e.decoded("dtstart") for e in Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert events == {
        "SI-CAL-01: Notify the national panel (done)": D(2026, 1, 2),
        "SI-CAL-01: Rapid review to the panel": D(2026, 1, 23),
    }
    assert b"Child Quill" not in response.content and b"Child Z" not in response.content


def test_a_wrong_renewed_or_revoked_address_is_not_found(officer_client, client, officer, case):
    assert client.get(reverse("cases:calendar_feed", args=["not-the-token"])).status_code == 404
    first = _address(officer_client)
    second = _address(officer_client)
    assert first != second
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200
    officer_client.post(reverse("cases:calendar"), {"action": "revoke"})
    assert client.get(second).status_code == 404
    assert not CalendarToken.objects.filter(user=officer).exists()


def test_the_address_stops_working_when_its_holder_leaves_the_staff(officer_client, client, officer, case):
    address = _address(officer_client)
    officer.is_staff = False
    officer.save()
    assert client.get(address).status_code == 404
