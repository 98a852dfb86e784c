"""What's due renders with the same number of queries for 3 cases as for 30."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Case
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("cases:case_list"))
    assert response.status_code == 200
    return len(captured), response


def _cases(n, start):
    for i in range(n):
        CaseFactory(
            aware_on=datetime.date(2026, 1, 5) + datetime.timedelta(days=i),
            notified_on=datetime.date(2026, 1, 7) + datetime.timedelta(days=i),
            reference=f"SI-Q-{start + i:03d}",
        )


def test_whats_due_queries_do_not_grow_with_the_cases(officer_client):
    _cases(3, 0)
    few, _ = _queries(officer_client)
    _cases(27, 3)
    many, response = _queries(officer_client)
    assert few == many
    assert "30 open cases, page 1 of 2" in response.text and Case.objects.count() == 30
    assert response.text.count("SI-Q-") == 25  # a screenful, the nearest dates first


def test_overdue_cases_come_first(officer_client):
    CaseFactory(reference="SI-LATER", aware_on=datetime.date(2099, 1, 5))
    CaseFactory(reference="SI-OVERDUE", aware_on=datetime.date(2026, 1, 5))
    text = officer_client.get(reverse("cases:case_list")).text
    assert text.index("SI-OVERDUE") < text.index("SI-LATER")
    assert "Overdue by" in text
