"""Reverting to an earlier version from the history is an edit like any other.

It needs the right to change the object as it is now (so nothing published is reverted),
never brings back a publication state, and is validated like a save.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from reviews.models import Review
from reviews.publication import review_transition, theme_guidance_transition
from tests.factories import ManagerFactory, OfficerFactory, ReviewFactory, ThemeFactory
from tests.reviews.test_history_and_concurrency import edit_form

pytestmark = pytest.mark.django_db

DRAFT, AWAITING, PUBLISHED = Review.State.DRAFT, Review.State.AWAITING_APPROVAL, Review.State.PUBLISHED


def revert_url(obj, record):
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, record.history_id]
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def review_with_a_draft_version(state):
    """A review whose first version was a draft with other words, now in ``state``."""
    review = ReviewFactory(history=True, state=DRAFT, published_on=None, summary="The draft's words.")
    first = review.history.earliest()
    review.summary = "The words as they are now."
    review.save()
    if state != DRAFT:
        review = review_transition(review=review, name="submit", by=OfficerFactory())
    if state == PUBLISHED:
        review = review_transition(review=review, name="publish", by=ManagerFactory())
    return Review.objects.get(pk=review.pk), first


@pytest.mark.parametrize("person", [OfficerFactory, ManagerFactory])
def test_nobody_reverts_a_published_review_to_a_draft_version(client, person):
    review, first = review_with_a_draft_version(PUBLISHED)
    client.force_login(person())
    page = client.get(revert_url(review, first))
    assert page.status_code == 200 and 'name="_save"' not in page.text  # shown, read-only
    response = client.post(
        revert_url(review, first), edit_form(review, review.version, summary="The draft's words.")
    )
    assert response.status_code == 403
    review.refresh_from_db()
    assert (review.state, review.summary) == (PUBLISHED, "The words as they are now.")
    assert Review.objects.public().filter(pk=review.pk).exists()


def test_an_officer_cannot_revert_a_review_awaiting_approval(client):
    review, first = review_with_a_draft_version(AWAITING)
    client.force_login(OfficerFactory())
    response = client.post(
        revert_url(review, first), edit_form(review, review.version, summary="The draft's words.")
    )
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.summary == "The words as they are now."


def test_an_officer_reverts_a_draft_review_and_it_is_recorded(client):
    officer = OfficerFactory()
    review, first = review_with_a_draft_version(DRAFT)
    client.force_login(officer)
    response = client.post(
        revert_url(review, first), edit_form(review, review.version, summary="The draft's words.")
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.summary == "The draft's words."
    latest = review.history.first()
    assert latest.history_user == officer
    assert latest.history_change_reason.startswith("Reverted to the version of")


def test_a_manager_reverting_a_submitted_review_keeps_its_state_and_may_no_longer_approve_it(client):
    manager = ManagerFactory()
    review, first = review_with_a_draft_version(AWAITING)
    submitter = review.submitted_by
    client.force_login(manager)
    data = edit_form(review, review.version, summary="The draft's words.", published_on="2001-01-01")
    response = client.post(revert_url(review, first), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.summary == "The draft's words."
    assert (review.state, review.submitted_by, review.published_on) == (AWAITING, submitter, None)
    page = client.get(reverse("admin:reviews_review_change", args=[review.pk]))
    assert "You changed this review after it was submitted" in page.text
    assert "Approve and publish" not in page.text


def test_a_revert_is_validated_like_a_save_and_a_stale_one_is_refused(client):
    review, first = review_with_a_draft_version(DRAFT)
    client.force_login(OfficerFactory())
    invalid = edit_form(
        review, review.version, summary="x", commissioned_on="2026-06-01", completed_on="2026-01-01"
    )
    response = client.post(revert_url(review, first), invalid)
    assert any(
        "not restored" in m and "cannot be completed before it was commissioned" in m
        for m in messages_of(response)
    )
    stale = client.post(
        revert_url(review, first), edit_form(review, review.version - 1, summary="The draft's words.")
    )
    assert any("Someone else changed this review" in m for m in messages_of(stale))
    review.refresh_from_db()
    assert review.summary == "The words as they are now."


def test_reverting_an_unknown_version_or_object_is_not_found(client):
    review, first = review_with_a_draft_version(DRAFT)
    client.force_login(OfficerFactory())
    data = edit_form(review, review.version)
    assert client.post(f"/admin/reviews/review/{review.pk}/history/abc/", data).status_code == 404
    assert client.post(f"/admin/reviews/review/abc/history/{first.history_id}/", data).status_code == 404


# --- themes ----------------------------------------------------------------------------------------


def theme_with_approved_guidance():
    theme = ThemeFactory(history=True)
    theme.proposed_guidance = "Approved guidance."
    theme.save()
    theme = theme_guidance_transition(theme=theme, name="propose", by=OfficerFactory())
    return theme_guidance_transition(theme=theme, name="approve", by=ManagerFactory())


@pytest.mark.parametrize("person", [OfficerFactory, ManagerFactory])
def test_reverting_a_theme_never_brings_back_its_old_guidance(client, person):
    theme = theme_with_approved_guidance()
    before_approval = theme.history.filter(guidance="").first()
    client.force_login(person())
    data = {"name": theme.name, "slug": theme.slug, "proposed_guidance": "", "guidance": ""}
    response = client.post(revert_url(theme, before_approval), data)
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.guidance == "Approved guidance."
    assert theme.guidance_state == theme.GuidanceState.CURRENT


def test_an_officer_cannot_revert_a_theme_whose_guidance_awaits_approval(client):
    theme = ThemeFactory(history=True)
    first = theme.history.earliest()
    theme.proposed_guidance = "Proposed."
    theme.save()
    theme_guidance_transition(theme=theme, name="propose", by=OfficerFactory())
    client.force_login(OfficerFactory())
    data = {"name": theme.name, "slug": theme.slug, "proposed_guidance": ""}
    assert client.post(revert_url(theme, first), data).status_code == 403
    theme.refresh_from_db()
    assert theme.proposed_guidance == "Proposed."
