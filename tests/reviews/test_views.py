"""The public pages: what a practitioner sees, and what nobody may see."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from reviews.models import Review, Service, Theme
from tests.factories import (
    ChildFactory,
    KeyIssueFactory,
    LessonFactory,
    PositiveFactorFactory,
    PractitionerFactory,
    RecommendationFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN_STATES = [
    {"state": Review.State.DRAFT, "published_on": None},
    {"state": Review.State.AWAITING_APPROVAL, "published_on": None},
    {"state": Review.State.WITHDRAWN},
    {"state": Review.State.NOT_FOR_PUBLICATION},
    {"visibility": Review.Visibility.PARTNERS},
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def neglect():
    return Theme.objects.get(slug="neglect")


@pytest.fixture
def police():
    return Service.objects.get(slug="police")


@pytest.fixture
def full_review(neglect, police):
    review = ReviewFactory(
        title="Child Q: neglect and missed appointments",
        summary="Child Q was not brought to **twelve** appointments.",
        report_url="https://example.org/child-q.pdf",
    )
    review.themes.set([neglect])
    review.services.set([police])
    ChildFactory(review=review, pseudonym="Child Q", age_years=4, outcome="serious_harm")
    KeyIssueFactory(review=review, text="Nobody asked why the child was not brought.")
    PositiveFactorFactory(review=review, text="The school nurse followed up quickly.", practice_area="Health")
    LessonFactory(
        review=review,
        text="There is a need for follow-up when a child is not brought.",
        practice_area="Health",
        themes=[neglect],
        services=[police],
    )
    RecommendationFactory(review=review, text="Audit was-not-brought policies.")
    return review


def h1_count(response):
    return len(re.findall(r"<h1[\s>]", response.text))


def test_every_public_page_answers_with_one_main_heading(client, full_review, neglect):
    for url in [
        reverse("pages:home"),
        reverse("reviews:review_list"),
        full_review.get_absolute_url(),
        reverse("briefings:review_briefing", args=[full_review.slug]),
        reverse("reviews:lesson_list"),
        reverse("reviews:lesson_list") + "?q=appointments",
        reverse("reviews:theme_list"),
        neglect.get_absolute_url(),
        reverse("pages:accessibility"),
        reverse("pages:privacy"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert h1_count(response) == 1, url
        assert 'href="#main"' in response.text, url


def test_review_page_shows_everything_the_review_learnt(client, full_review):
    text = client.get(full_review.get_absolute_url()).text
    assert "Child Q was not brought to <strong>twelve</strong> appointments." in text
    assert "Child Q, 4: seriously harmed" in text
    assert "Nobody asked why the child was not brought." in text
    assert text.count("The school nurse followed up quickly.") == 1  # in the practice table only
    assert "There is a need for follow-up when a child is not brought." in text
    assert '<h3 class="h5 mt-3">All agencies</h3>' in text
    assert "Good practice and learning points by practice area" in text
    assert ">Neglect</a>" in text and "Police" in text
    assert 'href="https://example.org/child-q.pdf"' in text
    assert reverse("briefings:review_briefing", args=[full_review.slug]) in text


def test_briefing_has_seven_numbered_parts_and_team_questions(client, full_review):
    text = client.get(reverse("briefings:review_briefing", args=[full_review.slug])).text
    numbers = re.findall(r'<span class="number badge rounded-pill">(\d)</span>', text)
    assert numbers == ["1", "2", "3", "4", "5", "6", "7"]
    assert "Questions for your team" in text
    assert "How will the learning be embedded" in text


def test_review_list_is_newest_first_and_filters_by_kind_year_and_theme(client, neglect):
    old = ReviewFactory(title="Older review", published_on=datetime.date(2015, 3, 1))
    new = ReviewFactory(title="Newer review", published_on=datetime.date(2024, 3, 1), kind=Review.Kind.LCSPR)
    new.themes.set([neglect])
    text = client.get(reverse("reviews:review_list")).text
    assert text.index("Newer review") < text.index("Older review")

    for query, shown, hidden in [
        ("?kind=lcspr", new, old),
        ("?year=2015", old, new),
        ("?theme=neglect", new, old),
    ]:
        text = client.get(reverse("reviews:review_list") + query).text
        assert shown.title in text and hidden.title not in text, query


def test_lessons_page_combines_facets_and_counts_each_value(client, neglect, police):
    health = Service.objects.get(slug="health-visiting")
    LessonFactory(text="Lesson on neglect for police.", themes=[neglect], services=[police])
    LessonFactory(text="Lesson on neglect for health visitors.", themes=[neglect], services=[health])
    LessonFactory(text="Lesson for police on something else.", services=[police])

    response = client.get(reverse("reviews:lesson_list"), {"theme": "neglect", "service": "police"})
    assert response.status_code == 200
    assert "1 lesson," not in response.text  # one page: no "page 1 of" suffix
    assert re.search(r'class="result-count"[^>]*>\s*1 finding from 1 review\b', response.text)
    assert "Lesson on neglect for police." in response.text
    assert "health visitors" not in response.text
    # Each facet counts what choosing it would show, keeping the other choices.
    assert '<option value="police" selected>Police (1)</option>' in response.text
    assert '<option value="health-visiting">Health visiting (1)</option>' in response.text
    assert ">Neglect (1)</option>" in response.text  # with service=police
    assert "Showing findings for:" in response.text and "Your service: Police" in response.text


def test_lessons_page_paginates(client):
    for n in range(25):
        LessonFactory(text=f"Paged lesson {n}.")
    first = client.get(reverse("reviews:lesson_list"))
    second = client.get(reverse("reviews:lesson_list"), {"page": 2})
    # Results are grouped by review, ten reviews to a page.
    assert "25 findings from 25 reviews, page 1 of 3" in first.text
    assert first.text.count('class="result review-result"') == 10
    assert second.text.count('class="result review-result"') == 10
    assert 'rel="next" href="?page=2"' in first.text


def test_theme_page_shows_guidance_and_lessons_grouped_by_review(client, full_review, neglect):
    neglect.guidance = "Neglect is **cumulative**."
    neglect.save()
    other = LessonFactory(text="Lesson from another review.", themes=[neglect])
    LessonFactory(review=other.review, text="A lesson on something else entirely.")
    text = client.get(neglect.get_absolute_url()).text
    assert "Neglect is <strong>cumulative</strong>." in text
    assert full_review.title in text and other.review.title in text
    assert "There is a need for follow-up when a child is not brought." in text
    assert "Lesson from another review." in text
    assert "something else entirely" not in text
    assert "The school nurse followed up quickly." not in text  # good practice is not tagged with themes
    assert "2 reviews, 2 lessons tagged with this theme" in text


def test_home_shows_latest_reviews_themes_and_a_search_box(client, full_review):
    text = client.get(reverse("pages:home")).text
    assert full_review.title in text
    assert 'action="/lessons/"' in text and 'name="q"' in text
    assert re.search(r"Neglect</span> <span class=\"count\">1 lesson</span>", text)


def test_footer_shows_board_profile_and_statement_links(client):
    from tests.factories import BoardProfileFactory

    BoardProfileFactory(name="Westshire Safeguarding Children Partnership", chair="Jo Chair")
    text = client.get(reverse("pages:home")).text
    assert "Westshire Safeguarding Children Partnership" in text and "Independent chair: Jo Chair" in text
    assert reverse("pages:accessibility") in text and reverse("pages:privacy") in text


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.text == "ok\n"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert client.post("/healthz").status_code == 405


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    from django.db import OperationalError, connection

    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.text == "database unavailable\n"


def test_home_lists_only_published_reviews_even_for_officers(officer_client, hidden_reviews):
    published = ReviewFactory(title="The published one")
    text = officer_client.get(reverse("pages:home")).text
    assert published.title in text
    assert "Secret review 0" not in text  # a draft, which the officer could still preview


def test_pages_refuse_methods_that_change_things(client, full_review):
    assert client.post(reverse("reviews:lesson_list")).status_code == 405
    assert client.post(full_review.get_absolute_url()).status_code == 405


# --- Who sees what -------------------------------------------------------------------------------


@pytest.fixture
def hidden_reviews(neglect, police):
    """One hidden review of each kind, each with a lesson whose words appear nowhere else."""
    reviews = []
    for n, fields in enumerate(HIDDEN_STATES):
        review = ReviewFactory(title=f"Secret review {n}", summary=f"Secret summary {n}.", **fields)
        review.themes.set([neglect])
        LessonFactory(review=review, text=f"Hidden lesson zebra{n}.", themes=[neglect], services=[police])
        reviews.append(review)
    return reviews


def test_anonymous_visitors_never_see_hidden_reviews_anywhere(client, hidden_reviews, neglect):
    visible = ReviewFactory(title="Public review")
    LessonFactory(review=visible, text="Public lesson zebra.", themes=[neglect])
    pages = [
        reverse("pages:home"),
        reverse("reviews:review_list"),
        reverse("reviews:review_list") + "?theme=neglect",
        reverse("reviews:lesson_list"),
        reverse("reviews:lesson_list") + "?q=zebra0+zebra1+zebra2",
        reverse("reviews:lesson_list") + "?q=secret",
        reverse("reviews:lesson_list") + "?theme=neglect&service=police",
        reverse("reviews:theme_list"),
        neglect.get_absolute_url(),
        "/sitemap.xml",
    ]
    for url in pages:
        text = client.get(url).text
        assert "Secret" not in text and "Hidden lesson" not in text, url
    for review in hidden_reviews:
        assert client.get(review.get_absolute_url()).status_code == 404
        assert client.get(reverse("briefings:review_briefing", args=[review.slug])).status_code == 404
    # Counts: one visible lesson on neglect, not six.
    lessons = client.get(reverse("reviews:lesson_list")).text
    assert re.search(r'class="result-count"[^>]*>\s*1 finding from 1 review\b', lessons)
    assert ">Neglect (1)</option>" in lessons and ">Police (0)</option>" in lessons
    assert "1 lesson</span>" in client.get(reverse("reviews:theme_list")).text
    assert "1 review," in client.get(neglect.get_absolute_url()).text


def test_signed_in_practitioners_also_see_partner_only_reviews(practitioner_client, hidden_reviews):
    partners_only = hidden_reviews[-1]
    assert practitioner_client.get(partners_only.get_absolute_url()).status_code == 200
    text = practitioner_client.get(reverse("reviews:lesson_list")).text
    assert "Hidden lesson zebra4." in text
    for review in hidden_reviews[:-1]:
        assert practitioner_client.get(review.get_absolute_url()).status_code == 404
        assert f"Hidden lesson zebra{hidden_reviews.index(review)}." not in text


def test_officers_preview_drafts_with_a_warning(officer_client, hidden_reviews):
    draft = hidden_reviews[0]
    response = officer_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Not visible to the public." in response.text


def test_counts_follow_a_review_withdrawn_after_they_were_cached(client, neglect):
    review = ReviewFactory()
    LessonFactory(review=review, text="Soon withdrawn.", themes=[neglect])
    assert ">Neglect (1)</option>" in client.get(reverse("reviews:lesson_list")).text
    review.state = Review.State.WITHDRAWN
    review.save()
    text = client.get(reverse("reviews:lesson_list")).text
    assert ">Neglect (0)</option>" in text and "Soon withdrawn." not in text


def test_a_review_page_shows_changes_at_once_though_it_is_cached(client, full_review):
    assert "Nobody asked why" in client.get(full_review.get_absolute_url()).text
    issue = full_review.keyissues.get()
    issue.text = "Nobody checked the school nurse's notes."
    issue.save()  # a finding saved on its own: its review is marked as changed
    text = client.get(full_review.get_absolute_url()).text
    assert "Nobody checked the school nurse" in text and "Nobody asked why" not in text
    full_review.refresh_from_db()
    full_review.state = Review.State.WITHDRAWN
    full_review.save()
    assert client.get(full_review.get_absolute_url()).status_code == 404


def test_cached_lesson_results_follow_a_lesson_edited_on_its_own(client):
    lesson = LessonFactory(text="Before the edit.")
    assert "Before the edit." in client.get(reverse("reviews:lesson_list")).text
    lesson.text = "After the edit."
    lesson.save()
    text = client.get(reverse("reviews:lesson_list")).text
    assert "After the edit." in text and "Before the edit." not in text


def test_unknown_slugs_answer_404_with_a_helpful_page(client):
    for url in ["/reviews/no-such-review/", "/reviews/no-such-review/briefing/", "/themes/no-such-theme/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert "Page not found" in response.text and "Search the lessons" in response.text


# --- Query counts do not grow with the page size -----------------------------------------------


def _lessons(n, neglect, police):
    for i in range(n):
        review = ReviewFactory()
        ChildFactory(review=review)
        LessonFactory(review=review, text=f"Lesson {i}.", themes=[neglect], services=[police])


@pytest.mark.parametrize("size", [2, 20])
@pytest.mark.parametrize("query", ["", "?q=lesson", "?q=lesson&theme=neglect&service=police&kind=management"])
def test_lessons_page_queries_do_not_grow(client, django_assert_num_queries, neglect, police, size, query):
    _lessons(size, neglect, police)
    url = reverse("reviews:lesson_list") + query
    # The first visitor: themes, services, content version, the counts (the kept ones by facet,
    # then the newest reviews; or, for a search, by theme and service in one query and the
    # matches of every kind in another), the page's reviews, the best findings of every kind in
    # one query, the lessons' themes and services in one query, the board.
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200
    # Everyone after who is not signed in: the whole page comes from the cache (content version).
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200
    # A signed-in reader's page is made for them: counts and results come from the cache; the
    # session, the user and their permissions (four), the form's lists, the content version and
    # the board profile are read.
    client.force_login(PractitionerFactory())
    client.get(url)
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200


LIST_PAGES = {
    # Queries of a second look: by a reader who is not signed in (the whole page is kept, under
    # the content version), and by a signed-in reader (their session, user and permissions, four, then:)
    # content version, themes (the form's choices), count, board profile: the form and the page
    # of results are rendered from the cache
    "review_list": (lambda theme: reverse("reviews:review_list"), 1, 4 + 4),
    # content version, reviews, their themes, newsletters, themes, board profile
    "home": (lambda theme: reverse("pages:home"), 6, 4 + 6),
    # theme, content version, board profile (the reviews' HTML is in the cache), the board's responses
    "theme_detail": (lambda theme: theme.get_absolute_url(), 1, 4 + 4),
    # content version, themes, board profile
    "theme_list": (lambda theme: reverse("reviews:theme_list"), 1, 4 + 3),
}


@pytest.mark.parametrize("size", [2, 20])
@pytest.mark.parametrize("page", LIST_PAGES)
def test_list_pages_queries_do_not_grow(client, django_assert_num_queries, neglect, police, size, page):
    _lessons(size, neglect, police)
    address, anonymous, signed_in = LIST_PAGES[page]
    url = address(neglect)
    client.get(url)
    with django_assert_num_queries(anonymous):
        assert client.get(url).status_code == 200
    client.force_login(PractitionerFactory())
    client.get(url)
    with django_assert_num_queries(signed_in):
        assert client.get(url).status_code == 200


def test_review_page_queries_do_not_grow_with_findings(client, django_assert_num_queries, neglect):
    small, large = ReviewFactory(), ReviewFactory()
    for review, n in [(small, 1), (large, 15)]:
        for _ in range(n):
            ChildFactory(review=review)
            KeyIssueFactory(review=review)
            PositiveFactorFactory(review=review)
            LessonFactory(review=review, themes=[neglect])
            RecommendationFactory(review=review)
    for review in (small, large):
        # The review, the lessons' "learnt before" suggestions this reader may see, then everything
        # in it (ten queries), the board profile, the board's responses.
        with django_assert_num_queries(14):
            assert client.get(review.get_absolute_url()).status_code == 200
        # Afterwards its HTML comes from the cache until it changes (the board's responses and the
        # suggestions, which depend on other reviews and on the reader, are not cached).
        with django_assert_num_queries(4):
            assert client.get(review.get_absolute_url()).status_code == 200
