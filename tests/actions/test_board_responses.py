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


def test_the_manager_who_last_changed_a_response_cannot_publish_it_another_can(response):
    writer, other = ManagerFactory(), ManagerFactory()
    response.description = "Six workshops across the county."
    response._history_user = writer
    response.save()
    with pytest.raises(PermissionDenied, match="another board manager must publish it"):
        board_response_publish(response=response, by=writer)
    response.refresh_from_db()
    assert not response.published
    board_response_publish(response=response, by=other)
    response.refresh_from_db()
    assert response.published


def test_changing_a_published_response_takes_it_off_the_public_pages(client, response):
    board_response_publish(response=response, by=ManagerFactory())
    client.force_login(OfficerFactory())
    url = reverse("admin:actions_boardresponse_change", args=[response.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["reviews"], data["themes"] = (
        [r.pk for r in response.reviews.all()],
        [t.pk for t in response.themes.all()],
    )
    data["description"] = "Four workshops, one cancelled."
    page = client.post(url, data, follow=True)
    assert "taken off them until another board manager publishes it again" in page.content.decode()
    response.refresh_from_db()
    assert not response.published and response.description == "Four workshops, one cancelled."
    client.logout()
    assert "one cancelled" not in client.get(_pages(response)[0]).content.decode()


def test_reverting_to_a_published_version_neither_publishes_nor_keeps_it_public(client, response):
    response._history_user = OfficerFactory()
    response.save()
    board_response_publish(response=response, by=ManagerFactory())
    published_version = response.history.first()
    board_response_publish(response=response, by=ManagerFactory(), published=False)
    client.force_login(OfficerFactory())
    url = reverse("admin:actions_boardresponse_simple_history", args=[response.pk, published_version.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["reviews"], data["themes"] = (
        [r.pk for r in response.reviews.all()],
        [t.pk for t in response.themes.all()],
    )
    client.post(url, data)
    response.refresh_from_db()
    assert not response.published


def test_a_reverted_published_response_is_taken_off_the_public_pages(client, response):
    response._history_user = OfficerFactory()
    response.save()
    first_words = response.history.first()
    response.description = "Words written later."
    response.save()
    board_response_publish(response=response, by=ManagerFactory())
    client.force_login(OfficerFactory())
    url = reverse("admin:actions_boardresponse_simple_history", args=[response.pk, first_words.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["reviews"], data["themes"] = (
        [r.pk for r in response.reviews.all()],
        [t.pk for t in response.themes.all()],
    )
    client.post(url, data)
    response.refresh_from_db()
    assert response.description == "Four workshops across the county."
    assert not response.published
