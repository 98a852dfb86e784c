"""ETag and Last-Modified follow the library's content version: unchanged answers are 304."""

import pytest
from django.utils import timezone

from api.base import ClientThrottle
from tests.api.conftest import newsletter_of
from tests.factories import LessonFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_an_unchanged_list_is_not_sent_again_and_a_change_is(client, shown):
    first = client.get("/api/v1/lessons/")
    etag = first["ETag"]
    assert etag and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert first["Access-Control-Allow-Origin"] == "*"  # open data, readable by any site's scripts

    again = client.get("/api/v1/lessons/", headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    since = client.get("/api/v1/lessons/", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304

    LessonFactory(review=shown, text="A new lesson on information sharing.")
    changed = client.get("/api/v1/lessons/", headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["count"] == 2


def test_the_detail_of_a_withdrawn_review_is_not_kept_by_a_client(client, shown):
    etag = client.get(f"/api/v1/reviews/{shown.slug}/")["ETag"]
    shown.state = shown.State.WITHDRAWN
    shown.save()
    response = client.get(f"/api/v1/reviews/{shown.slug}/", headers={"if-none-match": etag})
    assert response.status_code == 404


def test_a_new_newsletter_or_theme_changes_its_list(client, shown):
    newsletters = client.get("/api/v1/newsletters/")["ETag"]
    themes = client.get("/api/v1/themes/")["ETag"]
    newsletter_of(shown, slug="autumn")
    ThemeFactory(name="A theme added today", slug="added-today")
    assert client.get("/api/v1/newsletters/", headers={"if-none-match": newsletters}).status_code == 200
    assert client.get("/api/v1/themes/", headers={"if-none-match": themes}).status_code == 200


def test_errors_carry_no_validators(client):
    response = client.get("/api/v1/lessons/?year=soon")
    assert response.status_code == 400
    assert not response.has_header("ETag")


def test_too_many_requests_from_one_address_are_slowed_down(client, monkeypatch):
    monkeypatch.setattr(ClientThrottle, "rate", "3/minute")
    for _ in range(3):
        assert client.get("/api/v1/services/").status_code == 200
    # A made-up X-Forwarded-For does not make a new client: only the site's own proxies are trusted.
    response = client.get(
        "/api/v1/services/", headers={"x-forwarded-for": f"203.0.113.{timezone.now().second}"}
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "throttled" in response.json()["detail"].lower()
