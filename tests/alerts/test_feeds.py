"""Atom feeds of newly published reviews and lessons: public content only, whoever asks."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from reviews.models import Theme
from tests.alerts.conftest import HIDDEN_STATES
from tests.factories import LessonFactory, ReviewFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


def feed_urls(theme, service):
    return [
        reverse("alerts:reviews_feed"),
        reverse("alerts:lessons_feed"),
        reverse("alerts:theme_lessons_feed", kwargs={"theme": theme.slug}),
        reverse("alerts:service_lessons_feed", kwargs={"service": service.slug}),
    ]


def test_reviews_feed_lists_public_reviews_newest_first_with_absolute_links(client):
    ReviewFactory(title="Child A: older", published_on=datetime.date(2023, 5, 1))
    ReviewFactory(title="Child B: newer", published_on=datetime.date(2025, 2, 1), slug="child-b")

    found = entries(client.get(reverse("alerts:reviews_feed")))

    assert [e["title"] for e in found] == ["Child B: newer", "Child A: older"]
    assert found[0]["link"] == "http://testserver/reviews/child-b/"


def test_lesson_feeds_narrow_by_theme_and_service_and_link_to_the_lesson(client, neglect, police):
    review = ReviewFactory(slug="child-q")
    on_neglect = LessonFactory(review=review, text="There is a need to name **neglect**.", themes=[neglect])
    LessonFactory(review=review, text="There is a need for police checks.", services=[police])

    everything = entries(client.get(reverse("alerts:lessons_feed")))
    on_theme = entries(client.get(reverse("alerts:theme_lessons_feed", kwargs={"theme": "neglect"})))
    for_police = entries(client.get(reverse("alerts:service_lessons_feed", kwargs={"service": "police"})))

    assert len(everything) == 2
    assert len(on_theme) == 1
    assert on_theme[0]["title"] == f"There is a need to name neglect. ({review.title})"
    assert on_theme[0]["link"] == f"http://testserver/reviews/child-q/#lesson-{on_neglect.pk}"
    assert "<strong>neglect</strong>" in on_theme[0]["summary"]
    assert [e["title"][:33] for e in for_police] == ["There is a need for police checks"]


def test_no_feed_ever_shows_a_review_an_anonymous_reader_may_not_see(client, practitioner, neglect, police):
    for n, (state, hidden) in enumerate(HIDDEN_STATES.items()):
        secret = ReviewFactory(title=f"Secret review ({state})", slug=f"secret-{n}", **hidden)
        LessonFactory(review=secret, text=f"Secret lesson ({state}).", themes=[neglect], services=[police])
    shown = ReviewFactory(title="Shown review")
    LessonFactory(review=shown, text="Shown lesson.", themes=[neglect], services=[police])
    # Signed in as a partner's practitioner, who may read partner-only reviews on the site.
    client.force_login(practitioner)

    for url in feed_urls(neglect, police):
        body = client.get(url).content.decode()
        assert "Secret" not in body and "/reviews/secret-" not in body, url
        assert "Shown" in body, url


def test_a_feed_kept_by_a_signed_in_reader_shows_anonymous_content_only(client, practitioner):
    ReviewFactory(title="Partner-only review", visibility="partners")
    client.force_login(practitioner)
    client.get(reverse("alerts:reviews_feed"))  # fills the cache
    client.logout()

    assert "Partner-only" not in client.get(reverse("alerts:reviews_feed")).content.decode()


def test_a_cached_feed_follows_a_withdrawal_at_once(client):
    review = ReviewFactory(title="Child W: withdrawn later")
    assert len(entries(client.get(reverse("alerts:reviews_feed")))) == 1

    review.state = review.State.WITHDRAWN
    review.save()

    assert entries(client.get(reverse("alerts:reviews_feed"))) == []


def test_a_warm_feed_costs_one_query(client, django_assert_num_queries):
    LessonFactory(review=ReviewFactory())
    client.get(reverse("alerts:lessons_feed"))

    with django_assert_num_queries(1):  # the content version
        response = client.get(reverse("alerts:lessons_feed"))
    assert len(entries(response)) == 1


def test_unknown_theme_or_service_answers_404(client):
    assert client.get("/feeds/lessons/themes/no-such-theme/").status_code == 404
    assert client.get("/feeds/lessons/services/no-such-service/").status_code == 404
    assert client.get("/feeds/lessons/themes/bad%20slug!/").status_code == 404


def test_feeds_refuse_writes(client):
    assert client.post(reverse("alerts:lessons_feed")).status_code == 405


def test_pages_link_their_feeds_in_the_head(client, neglect):
    lessons_feed = 'type="application/atom+xml" title="New lessons from'
    lessons_page = client.get(reverse("reviews:lesson_list")).content.decode()
    theme_page = client.get(neglect.get_absolute_url()).content.decode()
    home = client.get("/").content.decode()

    for page in (lessons_page, theme_page, home):
        assert lessons_feed in page and 'href="/feeds/lessons/"' in page
    assert 'href="/feeds/reviews/"' in lessons_page
    assert 'href="/alerts/"' in lessons_page
    assert 'href="/feeds/lessons/themes/neglect/"' in theme_page


def test_a_theme_renamed_renames_its_feed(client):
    theme = Theme.objects.create(name="Gaming harms", slug="gaming-harms")
    url = reverse("alerts:theme_lessons_feed", kwargs={"theme": theme.slug})
    assert b"new lessons on Gaming harms" in client.get(url).content
    theme.name = "Online gaming harms"
    theme.save()
    assert b"new lessons on Online gaming harms" in client.get(url).content
