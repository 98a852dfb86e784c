"""Bad input in the admin: a plain message naming both dates, the typed form kept, never a 500."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cases.models import Case, CaseChild
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db
ADD = "/admin/cases/case/add/"


def _form(**fields):
    data = {
        "reference": "SI-TYPED-77",
        "incident": "serious_harm",
        "aware_on": "2026-03-10",
        "outline": "Typed outline that must survive.",
    }
    for prefix in ("children", "agencies", "progress_checks"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | fields


def test_a_notification_before_awareness_is_refused_naming_both_dates(officer_client):
    response = officer_client.post(ADD, _form(notified_on="2026-03-09"))
    assert response.status_code == 200
    assert (
        "The date the panel was notified cannot be before the date the local authority became aware"
        in response.text
    )
    assert 'value="SI-TYPED-77"' in response.text and "Typed outline that must survive." in response.text
    assert not Case.objects.exists()


def test_a_decision_before_the_rapid_review_is_refused(officer_client):
    response = officer_client.post(
        ADD,
        _form(
            notified_on="2026-03-11", rapid_review_on="2026-03-20", decision="lcspr", decision_on="2026-03-19"
        ),
    )
    assert "The date of the decision cannot be before the date of the rapid review" in response.text
    assert not Case.objects.exists()


@pytest.mark.parametrize("typed", ["2026-02-31", "20026-01-01", "1926-01-01", "yesterday"])
def test_impossible_dates_are_refused_in_the_form(officer_client, typed):
    response = officer_client.post(ADD, _form(aware_on=typed))
    assert response.status_code == 200
    assert "errornote" in response.text and not Case.objects.exists()


def test_a_fifth_child_in_one_notification_is_refused(officer_client):
    children = {"children-TOTAL_FORMS": "5"}
    for n in range(5):
        children |= {f"children-{n}-pseudonym": f"Child {n}", f"children-{n}-outcome": "serious_harm"}
    response = officer_client.post(ADD, _form(**children))
    assert "One notification covers up to 4 children" in response.text
    assert not Case.objects.exists()
    assert 'value="Child 4"' in response.text


def test_the_database_itself_refuses_a_fifth_child():
    case = CaseFactory()
    for n in range(4):
        CaseChild.objects.create(case=case, pseudonym=f"Child {n}", outcome="died")
    with pytest.raises(ValidationError, match="up to 4 children"):
        CaseChild(case=case, pseudonym="Child 5", outcome="died").full_clean()
    with pytest.raises(ValidationError, match="up to 4 children"):
        CaseChild.objects.create(case=case, pseudonym="Child 5", outcome="died")
    assert sorted(case.children.values_list("position", flat=True)) == [1, 2, 3, 4]


def test_an_officer_records_a_case_with_children_and_the_history_names_them(officer_client, officer):
    children = {"children-TOTAL_FORMS": "2"}
    for n in range(2):
        children |= {f"children-{n}-pseudonym": f"Child {n}", f"children-{n}-outcome": "serious_harm"}
    response = officer_client.post(ADD, _form(**children))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.notification_due_on == datetime.date(2026, 3, 17)
    assert case.children.count() == 2 and case.history.first().history_user == officer
