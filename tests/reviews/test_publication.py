"""The publication workflow: roles, the four-eyes rule, reasons, and who did what when."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from reviews.models import Review
from reviews.publication import REVIEW, review_transition
from reviews.workflow import transitions_allowed
from tests.factories import ManagerFactory, OfficerFactory, PractitionerFactory, ReviewFactory

pytestmark = pytest.mark.django_db

DRAFT, AWAITING, PUBLISHED = Review.State.DRAFT, Review.State.AWAITING_APPROVAL, Review.State.PUBLISHED
WITHDRAWN, NFP = Review.State.WITHDRAWN, Review.State.NOT_FOR_PUBLICATION


def draft():
    return ReviewFactory(state=DRAFT, published_on=None)


def names(review, user):
    return {t.name for t in transitions_allowed(workflow=REVIEW, obj=review, user=user)}


def test_two_people_take_a_review_from_draft_to_published():
    officer, manager = OfficerFactory(), ManagerFactory()
    review = review_transition(review=draft(), name="submit", by=officer)
    assert (review.state, review.submitted_by) == (AWAITING, officer)
    review = review_transition(review=review, name="publish", by=manager)
    assert (review.state, review.decided_by) == (PUBLISHED, manager)
    assert review.published_on is not None
    assert Review.objects.public().filter(pk=review.pk).exists()


def test_a_manager_cannot_approve_what_they_submitted():
    manager = ManagerFactory()
    review = review_transition(review=draft(), name="submit", by=manager)
    assert "publish" not in names(review, manager)
    with pytest.raises(PermissionDenied, match="another board manager must approve it"):
        review_transition(review=review, name="publish", by=manager)
    review.refresh_from_db()
    assert review.state == AWAITING


def test_an_officer_cannot_publish_withdraw_or_decide_not_to_publish():
    officer = OfficerFactory()
    awaiting = review_transition(review=draft(), name="submit", by=ManagerFactory())
    assert names(awaiting, officer) == set()
    for name in ["publish", "return_to_draft", "not_for_publication"]:
        with pytest.raises(PermissionDenied, match="Only a board manager"):
            review_transition(review=awaiting, name=name, by=officer, reason="because")
    published = ReviewFactory(state=PUBLISHED)
    with pytest.raises(PermissionDenied):
        review_transition(review=published, name="withdraw", by=officer, reason="because")


def test_practitioners_can_do_nothing():
    practitioner = PractitionerFactory()
    for state in Review.State:
        assert names(ReviewFactory(state=state), practitioner) == set()


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (DRAFT, {"submit", "not_for_publication"}),
        (AWAITING, {"publish", "return_to_draft", "not_for_publication"}),
        (PUBLISHED, {"withdraw"}),
        (WITHDRAWN, {"return_to_draft", "not_for_publication"}),
        (NFP, {"return_to_draft"}),
    ],
)
def test_a_manager_is_offered_exactly_the_transitions_of_each_state(state, expected):
    review = ReviewFactory(state=state, submitted_by=OfficerFactory())
    assert names(review, ManagerFactory()) == expected


def test_withdrawing_needs_a_reason_and_hides_the_review_at_once():
    manager = ManagerFactory()
    review = ReviewFactory(state=PUBLISHED)
    with pytest.raises(ValidationError, match="Give a reason"):
        review_transition(review=review, name="withdraw", by=manager, reason="  ")
    review_transition(review=review, name="withdraw", by=manager, reason="Family asked; legal advice.")
    review.refresh_from_db()
    assert review.state == WITHDRAWN and review.decision_note == "Family asked; legal advice."
    assert not Review.objects.public().filter(pk=review.pk).exists()


def test_not_for_publication_records_the_reason():
    review = review_transition(
        review=draft(), name="not_for_publication", by=ManagerFactory(), reason="To protect the victim."
    )
    assert review.not_for_publication_reason == "To protect the victim."


def test_a_transition_from_the_wrong_state_is_refused_plainly():
    with pytest.raises(ValidationError, match="A review that is published cannot be submitted for approval."):
        review_transition(review=ReviewFactory(state=PUBLISHED), name="submit", by=OfficerFactory())


def test_each_transition_is_in_the_history_with_its_actor():
    officer, manager = OfficerFactory(), ManagerFactory()
    review = review_transition(review=draft(), name="submit", by=officer)
    review_transition(review=review, name="publish", by=manager)
    latest = review.history.first()
    assert latest.history_user == manager
    assert latest.state == PUBLISHED
    assert latest.history_change_reason == "Approve and publish"


def test_a_long_reason_is_kept_in_full_in_the_history():
    reason = "The family could be identified from the circumstances described in the report. " * 4
    review = review_transition(review=draft(), name="not_for_publication", by=ManagerFactory(), reason=reason)
    assert review.history.first().history_change_reason == f"Decide not to publish: {reason.strip()}"


# --- the same rules through the admin ------------------------------------------------------------


def transition_url(review, name):
    return reverse("admin:reviews_review_transition", args=[review.pk, name])


def test_admin_buttons_offer_only_allowed_transitions(client):
    officer = OfficerFactory()
    client.force_login(officer)
    page = client.get(reverse("admin:reviews_review_change", args=[draft().pk]))
    assert "Submit for approval" in page.text
    assert "Approve and publish" not in page.text and "Decide not to publish" not in page.text


def test_admin_four_eyes_journey(client):
    officer, manager, other_manager = OfficerFactory(), ManagerFactory(), ManagerFactory()
    review = draft()
    client.force_login(officer)
    assert client.post(transition_url(review, "submit")).status_code == 302
    client.force_login(manager)
    response = client.post(transition_url(review, "publish"))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.state == PUBLISHED

    # The refusal is explained, and nothing changes.
    second = review_transition(review=draft(), name="submit", by=other_manager)
    client.force_login(other_manager)
    page = client.get(transition_url(second, "publish"))
    assert "another board manager must approve it" in page.text
    client.post(transition_url(second, "publish"))
    second.refresh_from_db()
    assert second.state == AWAITING


def test_admin_withdraw_asks_for_a_reason_and_keeps_the_page(client):
    manager = ManagerFactory()
    review = ReviewFactory(state=PUBLISHED)
    client.force_login(manager)
    page = client.post(transition_url(review, "withdraw"), {"reason": ""})
    assert page.status_code == 200 and "Give a reason" in page.text
    review.refresh_from_db()
    assert review.state == PUBLISHED


def test_officer_cannot_edit_a_review_awaiting_approval_but_a_manager_can(client):
    review = ReviewFactory(state=AWAITING, published_on=None)
    url = reverse("admin:reviews_review_change", args=[review.pk])
    client.force_login(OfficerFactory())
    page = client.get(url)
    assert "only a board manager can change it" in page.text
    assert 'name="_save"' not in page.text
    assert client.post(url, {"title": "Changed"}).status_code == 403
    client.force_login(ManagerFactory())
    assert 'name="_save"' in client.get(url).text


@pytest.mark.parametrize("role", [OfficerFactory, ManagerFactory])
def test_nobody_edits_a_published_review_directly_and_is_told_a_save_is_a_correction(client, role):
    review = ReviewFactory(state=PUBLISHED, title="As published")
    url = reverse("admin:reviews_review_change", args=[review.pk])
    client.force_login(role())
    page = client.get(url)
    assert page.status_code == 200
    assert "Saving this page keeps your changes as a correction" in page.text
    assert client.post(url, {"title": "Changed"}).status_code == 200  # refused, with the reasons
    review.refresh_from_db()
    assert review.title == "As published"


def test_state_cannot_be_set_by_posting_the_form(client, officer):
    from tests.reviews.test_admin import review_form

    client.force_login(officer)
    client.post(
        reverse("admin:reviews_review_add"), review_form(state="published", published_on="2026-01-01")
    )
    assert Review.objects.get(reference="PR-2026-01").state == DRAFT


def test_unknown_transition_name_is_a_message_not_an_error(client):
    client.force_login(ManagerFactory())
    response = client.get(transition_url(draft(), "explode"), follow=True)
    assert response.status_code == 200
    assert "That action does not exist." in response.text
