"""“What has changed since”: a board response is public only once a manager publishes it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from actions.models import BoardResponse
from actions.services import board_response_publish
from tests.factories import ManagerFactory, OfficerFactory, ReviewFactory, ThemeFactory


@pytest.fixture
def response(db):
    review, theme = ReviewFactory(), ThemeFactory()
    response = BoardResponse.objects.create(
        kind=BoardResponse.Kind.TRAINING,
        title="Toxic trio training for midwives",
        description="Four workshops across the county.",
        responded_on=datetime.date(2026, 5, 1),
        places=120,
        impact="92% now ask about fathers at booking",
    )
    response.reviews.add(review)
    response.themes.add(theme)
    return response


def _pages(response):
    review, theme = response.reviews.get(), response.themes.get()
    return [
        reverse("reviews:review_detail", args=[review.slug]),
        reverse("reviews:theme_detail", args=[theme.slug]),
    ]


def test_an_unpublished_response_is_shown_to_board_staff_only(client, response):
    for url in _pages(response):
        assert "Toxic trio training" not in client.get(url).content.decode()
    client.force_login(OfficerFactory())
    for url in _pages(response):
        page = client.get(url).content.decode()
        assert "What has changed since" in page and "Not published: board staff only" in page


def test_a_published_response_is_public_with_its_places_and_impact(client, response):
    board_response_publish(response=response, by=ManagerFactory())
    for url in _pages(response):
        page = client.get(url).content.decode()
        assert "What has changed since" in page and "120 places" in page
        assert "92% now ask about fathers at booking" in page and "Not published" not in page


def test_only_a_manager_publishes_a_response(response):
    with pytest.raises(PermissionDenied, match="Only a board manager"):
        board_response_publish(response=response, by=OfficerFactory())
    response.refresh_from_db()
    assert not response.published
