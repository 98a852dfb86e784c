"""Sign-off by a second person, with the outcome; not implemented only with a reason; and the
recommendation's progress (what the public page reads) following its actions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from actions.models import Action
from actions.workflow import action_transition
from reviews.models import Recommendation
from tests.actions.factories import ActionFactory
from tests.factories import ManagerFactory, OfficerFactory

State = Action.State


@pytest.fixture
def completed(action, manager):
    return action_transition(action=action, name="complete", by=manager)


def test_the_manager_who_marked_an_action_complete_cannot_sign_it_off(completed, manager):
    with pytest.raises(PermissionDenied, match="another board manager must sign it off"):
        action_transition(
            action=completed, name="sign_off", by=manager, data={"outcome": "Fewer missed referrals."}
        )
    completed.refresh_from_db()
    assert completed.state == State.COMPLETED


def test_another_manager_signs_off_with_the_outcome_kept_in_the_history(completed):
    second = ManagerFactory()
    signed = action_transition(
        action=completed, name="sign_off", by=second, data={"outcome": "Referrals now name the child."}
    )
    assert signed.state == State.SIGNED_OFF
    assert signed.outcome == "Referrals now name the child."
    last = signed.history.first()
    assert last.history_user == second and last.history_change_reason == "Sign off"


def test_signing_off_without_an_outcome_is_refused(completed):
    with pytest.raises(ValidationError, match="Record the outcome"):
        action_transition(action=completed, name="sign_off", by=ManagerFactory(), data={"outcome": " "})


def test_an_officer_cannot_sign_off(completed):
    with pytest.raises(PermissionDenied, match="Only a board manager"):
        action_transition(action=completed, name="sign_off", by=OfficerFactory(), data={"outcome": "x"})


def test_not_implemented_needs_a_reason(action, manager):
    with pytest.raises(ValidationError, match="Give a reason"):
        action_transition(action=action, name="not_implemented", by=manager)


def test_a_recommendation_is_complete_only_when_every_action_is_closed(action, manager, police, owner):
    recommendation = action.recommendation
    second = ActionFactory(recommendation=recommendation, owner_group=police, lead=owner)
    action_transition(action=action, name="complete", by=owner)
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.IN_PROGRESS
    action_transition(
        action=action, name="sign_off", by=manager, data={"outcome": "Police referrals improved."}
    )
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.IN_PROGRESS
    action_transition(
        action=second, name="not_implemented", by=manager, reason="Superseded by the national tool."
    )
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.COMPLETE
    assert recommendation.outcome == "Police referrals improved."


def test_every_action_not_implemented_makes_the_recommendation_not_implemented_with_the_reason(
    action, manager
):
    action_transition(
        action=action, name="not_implemented", by=manager, reason="The service was decommissioned."
    )
    recommendation = Recommendation.objects.get(pk=action.recommendation_id)
    assert recommendation.status == Recommendation.Status.NOT_IMPLEMENTED
    assert recommendation.not_implemented_reason == "The service was decommissioned."


def test_the_public_review_page_shows_progress_only_when_the_board_chose_to(client, action, manager):
    action_transition(
        action=action, name="not_implemented", by=manager, reason="The service was decommissioned."
    )
    review = action.recommendation.review
    url = reverse("reviews:review_detail", args=[review.slug])
    assert "Not implemented" not in client.get(url).content.decode()
    review.show_progress_publicly = True
    review.save()
    page = client.get(url).content.decode()
    assert "Progress: <strong>Not implemented</strong>. The service was decommissioned." in page
    assert action.text not in page  # the action itself is never public


def test_the_site_sign_off_page_refuses_the_person_who_marked_it_complete_and_says_why(
    client, completed, manager
):
    client.force_login(manager)
    page = client.get(reverse("actions:action_step", args=[completed.pk, "sign_off"])).content.decode()
    assert "another board manager must sign it off" in page


def test_the_site_sign_off_page_records_the_outcome(client, completed):
    client.force_login(ManagerFactory())
    url = reverse("actions:action_step", args=[completed.pk, "sign_off"])
    response = client.post(url, {"outcome": "Strategy meetings now include schools.", "reason": ""})
    assert response.status_code == 302
    completed.refresh_from_db()
    assert completed.state == State.SIGNED_OFF and completed.outcome.startswith("Strategy meetings")


def test_an_owner_marks_their_action_complete_on_the_site(client, action, owner):
    client.force_login(owner)
    response = client.post(reverse("actions:action_step", args=[action.pk, "complete"]), {"reason": ""})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.state == State.COMPLETED and action.submitted_by == owner


def test_a_change_of_progress_reaches_the_public_page_at_once(client, action, manager):
    review = action.recommendation.review
    review.show_progress_publicly = True
    review.save()
    url = reverse("reviews:review_detail", args=[review.slug])
    assert "Progress: <strong>Not started</strong>" in client.get(url).content.decode()
    action_transition(action=action, name="not_implemented", by=manager, reason="Superseded.")
    assert "Progress: <strong>Not implemented</strong>. Superseded." in client.get(url).content.decode()
