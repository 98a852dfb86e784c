"""A review that is not published for everyone never reaches a newsletter's PDF or page."""

import pytest
from django.urls import reverse

from briefings.models import Newsletter
from briefings.services import newsletter_create
from reviews.models import Review
from tests.briefings.conftest import refreshed
from tests.briefings.pdfs import pdf_of
from tests.briefings.workflow import approve_and_publish
from tests.factories import ChildFactory, KeyIssueFactory, LessonFactory, RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

SECRET = "Zebra-crossing secret detail"
HIDDEN_STATES = [
    (state, visibility)
    for state in Review.State.values
    for visibility in Review.Visibility.values
    if (state, visibility) != (Review.State.PUBLISHED, Review.Visibility.PUBLIC)
]


def hidden_review_with_secrets(**fields):
    review = ReviewFactory(title=f"{SECRET} title", summary=f"{SECRET} in the summary", **fields)
    ChildFactory(review=review, pseudonym="Child Zebra")
    KeyIssueFactory(review=review, text=f"{SECRET} as a key issue")
    LessonFactory(review=review, text=f"{SECRET} as a lesson")
    RecommendationFactory(review=review, text=f"{SECRET} as a recommendation")
    return review


def make_hidden(review, state, visibility):
    # As an officer's change would: through save(), so updated_at moves as it does in the admin.
    review.state, review.visibility = state, visibility
    review.not_for_publication_reason = "To protect the victim." if state == "not_for_publication" else ""
    review.save()


@pytest.fixture
def mixed_newsletter(board, editor):
    shown = ReviewFactory(title="Shown review", summary="Everyone may read this.")
    secret = hidden_review_with_secrets()
    newsletter, _ = newsletter_create(
        data={"slug": "mixed", "title": "Mixed", "issue_date": "2024-05-01"},
        review_references=[shown.reference, secret.reference],
    )
    return approve_and_publish(newsletter=newsletter, by=editor), secret


@pytest.mark.parametrize(("state", "visibility"), HIDDEN_STATES)
def test_a_review_hidden_after_publication_vanishes_from_the_pdf_and_page(
    client, practitioner_client, mixed_newsletter, state, visibility
):
    newsletter, secret = mixed_newsletter
    assert SECRET in pdf_of(client.get(newsletter.get_pdf_url())).text  # while it was public
    kept_while_public = refreshed(newsletter).pdf_name

    make_hidden(secret, state, visibility)
    for reader in (client, practitioner_client):  # a signed-in practitioner gets the public PDF too
        pdf = pdf_of(reader.get(newsletter.get_pdf_url()))
        assert SECRET not in pdf.text
        assert "Zebra" not in pdf.text
        assert "Shown review" in pdf.text
        page = reader.get(newsletter.get_absolute_url())
        assert page.status_code == 200
        assert "Zebra" not in page.text
        assert "Shown review" in page.text
    # The kept file that still held the review is gone from storage, not just no longer served.
    assert refreshed(newsletter).pdf_name != kept_while_public
    from django.core.files.storage import default_storage

    assert not default_storage.exists(kept_while_public)


@pytest.mark.parametrize(("state", "visibility"), HIDDEN_STATES)
def test_a_draft_preview_leaves_out_hidden_reviews_even_for_staff(editor_client, board, state, visibility):
    secret = hidden_review_with_secrets(state=state, visibility=visibility)
    newsletter, _ = newsletter_create(
        data={"slug": "preview", "title": "Preview", "issue_date": "2024-05-01"},
        review_references=[secret.reference],
    )
    pdf = pdf_of(editor_client.get(newsletter.get_pdf_url()))
    assert "in the summary" not in pdf.text and "as a lesson" not in pdf.text
    assert "Child Zebra" not in pdf.text
    # The officer is told, by reference, which review was left out and why.
    assert secret.reference in pdf.text
    page = editor_client.get(newsletter.get_absolute_url())
    assert "These reviews are not published for everyone" in page.text
    assert "as a lesson" not in page.text


@pytest.mark.parametrize("state", [s for s in Newsletter.State.values if s != Newsletter.State.PUBLISHED])
def test_an_unpublished_newsletter_is_not_found_by_the_public(client, practitioner_client, board, state):
    newsletter = Newsletter.objects.create(slug="n", title="Not yet", issue_date="2024-05-01", state=state)
    for reader in (client, practitioner_client):
        assert reader.get(newsletter.get_absolute_url()).status_code == 404
        assert reader.get(newsletter.get_pdf_url()).status_code == 404
        assert "Not yet" not in reader.get(reverse("briefings:newsletter_list")).text


@pytest.mark.parametrize(("state", "visibility"), HIDDEN_STATES)
def test_briefing_pdf_of_a_hidden_review_is_not_found_by_the_public(client, board, state, visibility):
    review = hidden_review_with_secrets(state=state, visibility=visibility)
    response = client.get(reverse("briefings:review_briefing_pdf", kwargs={"slug": review.slug}))
    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_partner_only_briefing_is_for_signed_in_practitioners_and_never_kept(
    practitioner_client, board, media_root
):
    review = hidden_review_with_secrets(visibility=Review.Visibility.PARTNERS)
    response = practitioner_client.get(reverse("briefings:review_briefing_pdf", kwargs={"slug": review.slug}))
    pdf = pdf_of(response)
    assert SECRET in pdf.text
    assert "Not for public circulation" in pdf.text
    assert "no-store" in response["Cache-Control"]
    # Nothing of it is written to media storage, where a web server might serve it to anyone.
    assert not list(media_root.rglob("*.pdf"))
