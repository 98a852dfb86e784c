"""A review the board decided not to publish may carry one public sentence: only that sentence,
the kind of review and a year are shown, and nothing else of the review anywhere."""

import datetime

import pytest
from django.urls import reverse

from reviews.models import Review
from tests.factories import ChildFactory, LessonFactory, ReviewFactory

pytestmark = pytest.mark.django_db

NOTE = "The board decided not to publish this review to protect a sibling; its learning is in our training."


@pytest.fixture
def withheld():
    review = ReviewFactory(
        title="Child Secret: practice review",
        slug="child-secret",
        kind=Review.Kind.PRACTICE,
        state=Review.State.NOT_FOR_PUBLICATION,
        published_on=None,
        commissioned_on=datetime.date(2022, 9, 1),
        completed_on=datetime.date(2023, 5, 1),
        summary="Withheld background words.",
        public_note=NOTE,
    )
    ChildFactory(review=review, pseudonym="Child Hidden")
    LessonFactory(review=review, text="A withheld lesson about dental neglect.")
    return review


def test_the_reviews_page_lists_only_the_note_the_kind_and_the_year(client, withheld):
    ReviewFactory(state=Review.State.NOT_FOR_PUBLICATION, published_on=None, title="Child Quiet: no note")
    ReviewFactory(state=Review.State.DRAFT, published_on=None, public_note="A draft's note is not shown.")
    page = client.get(reverse("reviews:review_list")).text
    assert NOTE.replace("'", "&#x27;") in page
    assert "Special / practice review, 2023" in page
    for secret in [
        "Child Secret",
        "child-secret",
        "Child Hidden",
        "withheld lesson",
        "Child Quiet",
        "draft&#x27;s",
    ]:
        assert secret not in page, secret


def test_nothing_else_of_a_withheld_review_leaks(client, withheld):
    assert client.get(withheld.get_absolute_url()).status_code == 404
    assert client.get(reverse("briefings:review_briefing", args=[withheld.slug])).status_code == 404
    assert client.get(reverse("briefings:review_briefing_pdf", args=[withheld.slug])).status_code == 404
    search = client.get(reverse("reviews:lesson_list"), {"q": "dental neglect"}).text
    assert "withheld lesson" not in search and "Child Secret" not in search
    sitemap = client.get("/sitemap.xml").text
    assert "child-secret" not in sitemap


def test_the_public_notes_are_read_as_the_note_kind_and_year_only(withheld):
    (note,) = Review.objects.public_notes()
    assert note == {"kind": Review.Kind.PRACTICE, "year": 2023, "public_note": NOTE}


def test_a_manager_writes_the_public_note_when_deciding_not_to_publish(client):
    from reviews.publication import review_transition
    from tests.factories import ManagerFactory, OfficerFactory

    review = review_transition(
        review=ReviewFactory(state=Review.State.DRAFT, published_on=None), name="submit", by=OfficerFactory()
    )
    client.force_login(ManagerFactory())
    url = reverse("admin:reviews_review_transition", args=[review.pk, "not_for_publication"])
    assert "Public note (optional)" in client.get(url).text
    response = client.post(url, {"reason": "To protect a sibling.", "public_note": NOTE})
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.state, review.public_note) == (Review.State.NOT_FOR_PUBLICATION, NOTE)
    client.logout()
    assert NOTE.replace("'", "&#x27;") in client.get(reverse("reviews:review_list")).text
