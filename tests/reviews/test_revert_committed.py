"""Saves and reverts as they run in production: each request in its own committed transaction.

The stale-save check locks the review's row; on PostgreSQL a lock outside a transaction is
an error, which ordinary tests (each inside one transaction) would never show.
"""

import pytest
from django.urls import reverse

from reviews.models import Review
from tests.factories import OfficerFactory, ReviewFactory
from tests.reviews.test_history_and_concurrency import edit_form

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_officer_reverts_a_draft_review_in_a_committed_request(client):
    review = ReviewFactory(history=True, state=Review.State.DRAFT, published_on=None, summary="First words.")
    first = review.history.earliest()
    review.summary = "Second words."
    review.save()
    client.force_login(OfficerFactory())
    url = reverse("admin:reviews_review_simple_history", args=[review.pk, first.history_id])
    response = client.post(url, edit_form(review, review.version, summary="First words."))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.summary == "First words."


def test_an_officer_saves_a_review_in_a_committed_request(client):
    review = ReviewFactory(history=True, state=Review.State.DRAFT, published_on=None)
    client.force_login(OfficerFactory())
    url = reverse("admin:reviews_review_change", args=[review.pk])
    assert client.post(url, edit_form(review, review.version, summary="Saved.")).status_code == 302
    review.refresh_from_db()
    assert review.summary == "Saved."
