"""Officers enter actions in the admin; a manager signs one off there with the shared workflow's page."""

import pytest
from django.urls import reverse

from actions.models import Action
from actions.workflow import action_transition
from tests.factories import ManagerFactory


@pytest.fixture
def completed(action, owner):
    return action_transition(action=action, name="complete", by=owner)


def test_the_admin_lists_actions_with_their_rag(officer_client, action):
    page = officer_client.get(reverse("admin:actions_action_changelist")).content.decode()
    assert action.text[:30] in page and "rag-" in page


def test_a_manager_signs_off_in_the_admin_with_the_outcome(client, completed):
    client.force_login(ManagerFactory())
    change = client.get(reverse("admin:actions_action_change", args=[completed.pk])).content.decode()
    url = reverse("admin:actions_action_transition", args=[completed.pk, "sign_off"])
    assert url in change
    assert "What changed for children and practitioners" in client.get(url).content.decode()
    response = client.post(
        url, {"outcome": "Every strategy discussion now includes the school.", "reason": ""}
    )
    assert response.status_code == 302
    completed.refresh_from_db()
    assert completed.state == Action.State.SIGNED_OFF


def test_the_admin_offers_no_sign_off_to_the_manager_who_marked_it_complete(client, action):
    manager = ManagerFactory()
    action_transition(action=action, name="complete", by=manager)
    client.force_login(manager)
    change = client.get(reverse("admin:actions_action_change", args=[action.pk])).content.decode()
    assert reverse("admin:actions_action_transition", args=[action.pk, "sign_off"]) not in change
    assert "another board manager must sign it off" in change
