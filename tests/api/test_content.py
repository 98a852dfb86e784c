"""What the API prints: the public page's fields, links back to the site, and a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.models import Child, Recommendation
from tests.api.conftest import newsletter_of, reviews_with_everything
from tests.factories import ChildFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def test_a_review_prints_what_its_page_shows_and_nothing_private(client, shown):
    shown.decision_note = "Sent back twice: officer error."
    shown.commissioned_on, shown.commissioned_precision = datetime.date(2013, 4, 1), "financial_year"
    shown.save()
    ChildFactory(
        review=shown,
        pseudonym="Baby Q",
        age_years=0,
        sex="female",
        outcome="died",
        known_to_social_care=False,
        child_protection_plan=True,
    )
    body = client.get(f"/api/v1/reviews/{shown.slug}/").json()

    assert body["url"] == f"http://testserver/reviews/{shown.slug}/"
    assert body["briefing_url"] == f"http://testserver/reviews/{shown.slug}/briefing/"
    assert body["commissioned"] == {"date": "2013", "precision": "financial_year", "text": "2013–14"}
    assert body["published"]["date"] == "2024-09-01"
    assert body["background"] == shown.summary
    baby = next(child for child in body["children"] if child["pseudonym"] == "Baby Q")
    assert baby["label"] == "Baby Q, under 1: died"
    # The page names plans only for a child known to children's social care, and never the sex.
    assert baby["child_protection_plan"] is False
    assert "sex" not in baby
    text = str(body)
    for private in ["Sent back twice", "decision_note", "submitted_by", "target_date", "not_for_publication"]:
        assert private not in text
    lesson = body["lessons"][0]
    assert lesson["themes"] == [{"slug": "api-neglect", "name": "Neglect in the API"}]
    assert lesson["url"] == f"http://testserver/reviews/{shown.slug}/#lesson-{lesson['id']}"
    assert body["positive_factors"][0]["practice_area"] == "Area shown"
    assert body["key_issues"][0]["child"] == "Child shown"


def test_recommendation_progress_only_where_the_board_shows_it(client, shown, lists):
    RecommendationFactory(
        review=shown,
        owner_group=lists["group"],
        status=Recommendation.Status.NOT_IMPLEMENTED,
        not_implemented_reason="The service was decommissioned.",
        outcome="Nothing changed.",
    )
    found = client.get("/api/v1/recommendations/").json()["results"]
    assert [r["progress"] for r in found] == [None, None]
    shown.show_progress_publicly = True
    shown.save()
    found = client.get("/api/v1/recommendations/").json()["results"]
    progress = {r["progress"]["status"]: r["progress"] for r in found}
    assert progress["not_implemented"]["not_implemented_reason"] == "The service was decommissioned."
    assert "Nothing changed" not in str(found)  # the outcome is the action plan's, not public
    assert found[0]["owner_group"]["name"] == "Police in the API"


def test_a_newsletter_links_to_its_page_pdf_and_reviews(client, shown):
    newsletter_of(shown, slug="summer")
    body = client.get("/api/v1/newsletters/summer/").json()
    assert body["url"] == "http://testserver/newsletters/summer/"
    assert body["pdf_url"] == "http://testserver/newsletters/summer.pdf"
    assert body["reviews"][0]["api_url"] == f"http://testserver/api/v1/reviews/{shown.slug}/"
    # Answers are kept per address: another host name gets links of its own, not the kept ones.
    other = client.get("/api/v1/newsletters/summer/", headers={"host": "localhost"}).json()
    assert other["url"] == "http://localhost/newsletters/summer/"


def test_lists_page_and_link_to_the_next_page(client, lists):
    reviews_with_everything({f"r{n}": {} for n in range(3)}, **lists)
    first = client.get("/api/v1/lessons/?page_size=2").json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1
    assert second["previous"]


LISTS = [
    "/api/v1/reviews/",
    "/api/v1/lessons/?q=need",
    "/api/v1/recommendations/",
    "/api/v1/positive-factors/",
    "/api/v1/key-issues/",
    "/api/v1/themes/",
    "/api/v1/newsletters/",
]


def test_the_number_of_queries_does_not_grow_with_the_page(client, lists):
    def queries():
        counts = []
        for url in LISTS:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    few = reviews_with_everything({"a": {}, "b": {}}, **lists)
    newsletter_of(*few.values(), slug="few")
    with_few = queries()
    more = reviews_with_everything({f"m{n}": {} for n in range(6)}, **lists)
    newsletter_of(*more.values(), slug="more")
    assert dict(zip(LISTS, queries(), strict=True)) == dict(zip(LISTS, with_few, strict=True))


def test_the_review_detail_reads_in_a_fixed_number_of_queries(client, lists):
    reviews = reviews_with_everything({"one": {}, "two": {}}, **lists)
    two = reviews["two"]
    Child.objects.bulk_create([ChildFactory.build(review=two, pseudonym=f"Child {n}") for n in range(5)])
    Recommendation.objects.bulk_create(
        [RecommendationFactory.build(review=two, owner_group=lists["group"]) for _ in range(5)]
    )
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/reviews/one-review/")
    with CaptureQueriesContext(connection) as two:
        client.get("/api/v1/reviews/two-review/")
    assert len(two) == len(one)
