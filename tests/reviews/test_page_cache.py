"""Whole pages kept for readers who are not signed in: exactly the page that would be made."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from django.urls import reverse

from reviews.models import Review
from tests.factories import LessonFactory, PractitionerFactory, ReviewFactory

pytestmark = pytest.mark.django_db

PAGES = ["reviews:review_list", "reviews:lesson_list", "reviews:theme_list"]


@pytest.mark.parametrize("page", PAGES)
def test_a_kept_page_changes_as_soon_as_a_review_is_published_or_withdrawn(client, page):
    review = ReviewFactory(title="Child K: first", state=Review.State.DRAFT, published_on=None)
    LessonFactory(review=review, text="Share the chronology.")
    url = reverse(page)
    assert "Child K" not in client.get(url).text
    Review.objects.filter(pk=review.pk).update(state=Review.State.PUBLISHED, published_on="2025-01-01")
    if page != "reviews:theme_list":
        assert "Child K" in client.get(url).text
    review = Review.objects.get(pk=review.pk)
    review.state = Review.State.WITHDRAWN
    review.save()
    assert "Child K" not in client.get(url).text


@pytest.mark.parametrize("page", ["reviews:review_list", "reviews:lesson_list"])
def test_a_signed_in_readers_page_is_never_kept_for_everyone_nor_the_other_way(client, page):
    review = ReviewFactory(title="Child P: partners only", visibility=Review.Visibility.PARTNERS)
    LessonFactory(review=review, text="Ask who else lives in the home.")
    url = reverse(page)
    assert "Child P" not in client.get(url).text
    client.force_login(PractitionerFactory())
    signed_in = client.get(url).text
    assert "Child P" in signed_in and "Sign out" in signed_in
    client.logout()
    page_again = client.get(url).text
    assert "Child P" not in page_again and "Sign out" not in page_again


def test_a_message_waiting_for_the_reader_is_shown_not_a_kept_page(client):
    ReviewFactory(title="Child Q")
    url = reverse("reviews:review_list")
    client.get(url)
    # A message left by the page before (e.g. after subscribing to alerts), in its cookie.
    request = RequestFactory().get(url)
    storage = CookieStorage(request)
    storage.add(constants.INFO, "Check your e-mail to confirm.")
    response = client.get("/")  # any response to carry the cookie out
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "Check your e-mail to confirm." in client.get(url).text
    assert "Check your e-mail to confirm." not in client.get(url).text  # shown once, as ever
