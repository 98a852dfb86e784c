"""Only published public content reaches the API, whoever asks: every state and visibility,
every endpoint, lists and details, counts and nested objects."""

import pytest
from django.core.cache import cache

from reviews.models import KeyIssue, Lesson, PositiveFactor, Recommendation
from tests.api.conftest import HIDDEN, hidden_marker, newsletter_of, reviews_with_everything
from tests.factories import PractitionerFactory, SuperuserFactory

FINDINGS = {
    "key-issues": KeyIssue,
    "positive-factors": PositiveFactor,
    "lessons": Lesson,
    "recommendations": Recommendation,
}


@pytest.fixture
def library(shown, lists):
    """The shown review and one review in each other state × visibility, all in one newsletter."""
    specs = {hidden_marker(s, v): {"state": s, "visibility": v} for s, v in HIDDEN}
    hidden = list(reviews_with_everything(specs, **lists).values())
    newsletter_of(shown, *hidden)
    return hidden


def signed_in(client, who):
    if who == "practitioner":
        client.force_login(PractitionerFactory())
    elif who == "superuser":
        client.force_login(SuperuserFactory())
    return client


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert b"zebra" not in response.content, (url, response.content.decode())
    return response.json()


def test_only_published_public_content_is_ever_served(client, library, shown, lists):
    """Drafts, reviews awaiting approval, withdrawn, not for publication and partner-only never appear,
    even to a signed-in superuser, who sees them all on the site: the API's audience is always everyone."""
    client = signed_in(client, "superuser")
    theme, service, group = lists["theme"], lists["service"], lists["group"]

    reviews = get_json(client, "/api/v1/reviews/")
    assert reviews["count"] == 1
    assert [r["slug"] for r in reviews["results"]] == [shown.slug]
    for query in [f"theme={theme.slug}", "year=2024", "kind=management"]:
        assert get_json(client, f"/api/v1/reviews/?{query}")["count"] == 1, query
    get_json(client, f"/api/v1/reviews/{shown.slug}/")

    for name in FINDINGS:
        found = get_json(client, f"/api/v1/{name}/")
        assert found["count"] == 1, name
        assert [f["review"]["slug"] for f in found["results"]] == [shown.slug]
        assert get_json(client, f"/api/v1/{name}/?q=zebra")["count"] == 0, name
        assert get_json(client, f"/api/v1/{name}/?year=2024")["count"] == 1, name
        get_json(client, found["results"][0]["api_url"])
    for query in [f"theme={theme.slug}", f"service={service.slug}", "q=need", "kind=management"]:
        assert get_json(client, f"/api/v1/lessons/?{query}")["count"] == 1, query
    assert get_json(client, f"/api/v1/recommendations/?owner_group={group.pk}")["count"] == 1

    themes = get_json(client, "/api/v1/themes/?page_size=100")["results"]
    assert {t["slug"]: t["lesson_count"] for t in themes}[theme.slug] == 1
    assert get_json(client, f"/api/v1/themes/{theme.slug}/")["lesson_count"] == 1
    get_json(client, "/api/v1/services/?page_size=100")
    get_json(client, f"/api/v1/services/{service.slug}/")
    get_json(client, "/api/v1/owner-groups/?page_size=100")
    get_json(client, f"/api/v1/owner-groups/{group.pk}/")

    newsletters = get_json(client, "/api/v1/newsletters/")
    assert [r["slug"] for r in newsletters["results"][0]["reviews"]] == [shown.slug]
    assert [r["slug"] for r in get_json(client, "/api/v1/newsletters/spring/")["reviews"]] == [shown.slug]

    # Nor has any of them an address of its own: their details answer 404.
    assert {(r.state, r.visibility) for r in library} == set(HIDDEN)
    for review in library:
        urls = [f"/api/v1/reviews/{review.slug}/"]
        for name, model in FINDINGS.items():
            urls.append(f"/api/v1/{name}/{model.objects.get(review=review).pk}/")
        for url in urls:
            response = client.get(url)
            assert response.status_code == 404, (review.slug, url)
            assert b"zebra" not in response.content


def test_unpublished_newsletters_are_not_served(client, shown):
    newsletter_of(shown, slug="draft-issue", state="draft")
    newsletter_of(shown, slug="withdrawn-issue", state="withdrawn")
    newsletter_of(shown, slug="awaiting-issue", state="awaiting_approval")
    client.force_login(SuperuserFactory())
    assert client.get("/api/v1/newsletters/").json()["count"] == 0
    for slug in ["draft-issue", "withdrawn-issue", "awaiting-issue"]:
        assert client.get(f"/api/v1/newsletters/{slug}/").status_code == 404


def test_a_signed_in_session_gets_the_same_answer_as_everyone(client, library):
    """Partner-only reviews are on the site for signed-in practitioners, never in the API."""
    urls = [
        "/api/v1/reviews/",
        "/api/v1/lessons/?theme=api-neglect",
        "/api/v1/themes/",
        "/api/v1/newsletters/",
    ]
    anonymous = [client.get(url).content for url in urls]
    for who in ["practitioner", "superuser"]:
        cache.clear()  # answered afresh, not from what was kept for the anonymous client
        signed_in(client, who)
        assert [client.get(url).content for url in urls] == anonymous, who
