"""The rapid review's decision: an officer proposes, a manager who did not propose agrees, with reasons."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.models import Case
from cases.workflow import case_decision_transition
from tests.cases.factories import CaseFactory
from tests.factories import ManagerFactory, OfficerFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def case():
    return CaseFactory(
        aware_on=D(2026, 3, 2),
        notified_on=D(2026, 3, 4),
        rapid_review_on=D(2026, 3, 20),
        decision=Case.Decision.LCSPR,
        decision_on=D(2026, 3, 20),
        decision_reasons="Learning for every agency.",
    )


def test_officer_proposes_another_manager_agrees_and_the_clock_starts(case):
    officer, manager = OfficerFactory(), ManagerFactory()
    case_decision_transition(case=case, name="propose", by=officer)
    with pytest.raises(PermissionDenied, match="Only a board manager"):
        case_decision_transition(case=case, name="agree", by=officer, reason="Fine")
    with pytest.raises(ValidationError, match="Give the reasons"):
        case_decision_transition(case=case, name="agree", by=manager)
    case = case_decision_transition(case=case, name="agree", by=manager, reason="Criteria met.")
    assert case.decision_state == Case.State.AGREED and case.publication_due_on == D(2026, 9, 20)
    last = case.history.first()
    assert last.history_user == manager and "Criteria met." in last.history_change_reason


def test_a_manager_never_agrees_a_decision_they_proposed(case):
    manager = ManagerFactory()
    case_decision_transition(case=case, name="propose", by=manager)
    with pytest.raises(PermissionDenied, match="proposed this decision yourself"):
        case_decision_transition(case=case, name="agree", by=manager, reason="Mine")


def test_an_incomplete_decision_cannot_be_proposed(case):
    case.decision_reasons = ""
    case.save()
    with pytest.raises(ValidationError, match="Record the reasons for it first"):
        case_decision_transition(case=case, name="propose", by=OfficerFactory())


def test_the_admin_offers_the_manager_the_agree_button_with_a_reason_box(client, case):
    case_decision_transition(case=case, name="propose", by=OfficerFactory())
    manager = ManagerFactory()
    client.force_login(manager)
    page = client.get(f"/admin/cases/case/{case.pk}/change/")
    assert "Agree the decision" in page.text
    url = f"/admin/cases/case/{case.pk}/transition/agree/"
    refused = client.post(url, {"reason": ""})
    assert "Give the reasons" in refused.text
    client.post(url, {"reason": "Criteria met."})
    case.refresh_from_db()
    assert case.decision_state == Case.State.AGREED and case.decision_decided_by == manager


def test_an_agreed_decision_is_read_only_in_the_admin_until_a_manager_reopens_it(client, case):
    case_decision_transition(case=case, name="propose", by=OfficerFactory())
    case_decision_transition(case=case, name="agree", by=ManagerFactory(), reason="Criteria met.")
    client.force_login(OfficerFactory())
    page = client.get(f"/admin/cases/case/{case.pk}/change/")
    assert page.status_code == 200 and 'name="decision_reasons"' not in page.text
    assert 'name="reviewer"' in page.text  # the rest of the case is still entered as it goes
    assert "Publish the final report: due 20 September 2026" in page.text


def test_a_manager_changing_the_lead_time_moves_every_open_case(client, case):
    case.decision_state = Case.State.AGREED
    case.save()
    client.force_login(ManagerFactory())
    response = client.post("/admin/cases/casesettings/add/", {"panel_copy_lead_days": "10"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.panel_copy_due_on == D(2026, 9, 7)
    refused = client.post("/admin/cases/casesettings/add/", {"panel_copy_lead_days": "10"})
    assert refused.status_code == 403  # there is only one set of settings
