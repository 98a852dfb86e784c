"""Searching every kind of finding, grouped by review; the search syntax; themes and their counts."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from reviews.models import Review, Theme
from reviews.search import parse_query
from tests.factories import (
    ChildFactory,
    KeyIssueFactory,
    LessonFactory,
    PositiveFactorFactory,
    RecommendationFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db
SEARCH = reverse("reviews:lesson_list")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def neglect():
    return Theme.objects.get(slug="neglect")


def quiet_review(**fields):
    """A review whose title and background share no words with the searches below."""
    return ReviewFactory(summary="A family in Northshire.", why_it_matters="", **fields)


def shown(client, **params):
    """The page, and each review shown with the texts of its findings, in order."""
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    groups = [
        (review.title, [finding.text for finding in review.shown_findings])
        for review in response.context["page_obj"].object_list
    ]
    return response, groups


def result_count(response) -> str:
    return re.search(r'class="result-count"[^>]*>([^<]*)<', response.text).group(1).strip()


# --- Every kind of finding, and why the review matters -------------------------------------------


def test_a_key_issue_and_a_recommendation_are_found_by_their_words(client):
    review = quiet_review(title="Child D")
    KeyIssueFactory(review=review, text="Dental decay went untreated for two years.")
    RecommendationFactory(review=review, text="Hold a strategy discussion within a day.")
    PositiveFactorFactory(review=review, text="The health visitor escalated promptly.")

    assert shown(client, q="dental decay")[1] == [("Child D", ["Dental decay went untreated for two years."])]
    assert shown(client, q="strategy discussion")[1] == [
        ("Child D", ["Hold a strategy discussion within a day."])
    ]
    response, groups = shown(client, q="escalated")
    assert groups == [("Child D", ["The health visitor escalated promptly."])]
    assert "<mark>escalated</mark>" in response.text
    assert "Good practice" in response.text  # each finding says what kind it is


def test_why_a_review_matters_is_searched_and_shown_with_the_words_marked(client):
    review = ReviewFactory(
        title="Child M",
        summary="A family in Northshire.",
        why_it_matters="Mould in the home harmed the baby.",
    )
    LessonFactory(review=review, text="Housing officers are safeguarding partners.")
    response, groups = shown(client, q="mould")
    assert groups == [("Child M", ["Housing officers are safeguarding partners."])]
    assert re.search(r"Why it matters:</span> <mark>Mould</mark> in the home", response.text)


def test_matches_are_grouped_by_review_best_review_first(client):
    strong = quiet_review(title="Child S")
    KeyIssueFactory(review=strong, text="Cannabis use by the carer was not explored.")
    LessonFactory(review=strong, text="Ask about cannabis at every visit.")
    weak = ReviewFactory(title="Child W", summary="Cannabis was mentioned once.", why_it_matters="")
    RecommendationFactory(review=weak, text="Share records with the school.")

    response, groups = shown(client, q="cannabis")
    assert [title for title, _ in groups] == ["Child S", "Child W"]
    assert sorted(groups[0][1]) == [
        "Ask about cannabis at every visit.",
        "Cannabis use by the carer was not explored.",
    ]
    assert result_count(response).startswith("3 findings from 2 reviews")


def test_a_filter_by_kind_of_finding_shows_that_kind_and_counts_each_kind(client):
    review = quiet_review(title="Child K")
    KeyIssueFactory(review=review, text="Bruising was not explained.")
    PositiveFactorFactory(review=review, text="Bruising was photographed.")
    LessonFactory(review=review, text="Bruising in a baby who does not crawl needs a referral.")
    RecommendationFactory(review=review, text="Audit the bruising protocol.")
    RecommendationFactory(review=review, text="Train staff on the bruising protocol.")

    response, groups = shown(client, q="bruising", kind_of_finding="recommendation")
    assert groups == [("Child K", ["Audit the bruising protocol.", "Train staff on the bruising protocol."])]
    assert result_count(response).startswith("2 findings from 1 review")
    assert "Kind of finding: Recommendations" in response.text
    for value, label in [
        ("key_issue", "Key issues (1)"),
        ("good_practice", "Good practice (1)"),
        ("lesson", "Lessons (1)"),
        ("recommendation", "Recommendations (2)"),
    ]:
        assert re.search(
            rf'<option value="{value}"( selected)?>{re.escape(label)}</option>', response.text
        ), label


def test_an_unknown_kind_of_finding_is_explained_and_everything_is_shown(client):
    KeyIssueFactory(review=quiet_review(), text="Bruising was not explained.")
    response = client.get(SEARCH, {"q": "bruising", "kind_of_finding": "gossip"})
    assert response.status_code == 400
    assert "That is not a kind of finding we publish, so every kind is shown." in response.text
    assert "<mark>Bruising</mark> was not explained" in response.text


def test_a_theme_filter_shows_lessons_only_and_says_so(client, neglect):
    review = quiet_review(title="Child T")
    review.themes.set([neglect])
    KeyIssueFactory(review=review, text="Hunger was visible at school.")
    LessonFactory(review=review, text="Hunger at school is a sign of neglect.", themes=[neglect])

    response, groups = shown(client, q="hunger", theme="neglect")
    assert groups == [("Child T", ["Hunger at school is a sign of neglect."])]
    assert (
        "Only lessons are tagged with themes and services: choosing one shows lessons only." in response.text
    )
    # Without the theme both are found, and the theme facet counts the one lesson it would show.
    response, groups = shown(client, q="hunger")
    assert len(groups[0][1]) == 2
    assert ">Neglect (1)</option>" in response.text
    assert re.search(r'<option value="key_issue">Key issues \(1\)</option>', response.text)


def test_findings_of_hidden_reviews_are_never_found(client):
    for state in (Review.State.DRAFT, Review.State.WITHDRAWN):
        hidden = quiet_review(title="Secret review", state=state, published_on=None)
        KeyIssueFactory(review=hidden, text="Secret dental decay.")
        RecommendationFactory(review=hidden, text="Secret strategy discussion.")
    partners = quiet_review(title="Partners only", visibility=Review.Visibility.PARTNERS)
    PositiveFactorFactory(review=partners, text="Dental care was arranged.")

    response, groups = shown(client, q="dental or strategy")
    assert groups == [] and "Secret" not in response.text and "Partners only" not in response.text
    assert ">Key issues (0)</option>" in response.text


def test_a_review_with_many_matches_shows_its_best_and_links_to_the_rest(client):
    review = quiet_review(title="Child L")
    for n in range(7):
        KeyIssueFactory(review=review, text=f"Missed appointment number {n}.")
    response, groups = shown(client, q="appointment")
    assert len(groups[0][1]) == 5
    assert "2 more findings of this review match" in response.text


@pytest.mark.parametrize("size", [2, 12])
def test_search_page_queries_do_not_grow_with_findings_of_every_kind(client, django_assert_num_queries, size):
    for n in range(size):
        review = quiet_review()
        ChildFactory(review=review)
        KeyIssueFactory(review=review, text=f"Drift in planning {n}.")
        PositiveFactorFactory(review=review, text=f"Planning was reviewed {n}.")
        LessonFactory(review=review, text=f"Planning needs an owner {n}.")
        RecommendationFactory(review=review, text=f"Audit planning {n}.")
    # Themes, services, content version, theme and service counts in one query, matches of every
    # kind added up in one query, the page's reviews, the best findings of every kind in one query,
    # the lessons' themes and services in one query, the board profile.
    with django_assert_num_queries(9):
        assert client.get(SEARCH, {"q": "planning"}).status_code == 200
    # Afterwards the whole page comes from the cache (the content version is read).
    with django_assert_num_queries(1):
        assert client.get(SEARCH, {"q": "planning"}).status_code == 200


# --- The search syntax, the same on SQLite and PostgreSQL ----------------------------------------


@pytest.fixture
def syntax_lessons():
    review = quiet_review(title="Child X")
    LessonFactory(review=review, text="Neglect was not recognised in a timely way.")
    LessonFactory(review=review, text="Neglect of the baby's teeth went unseen.")
    LessonFactory(review=review, text="The assessment was thorough but missed the father.")
    LessonFactory(review=review, text="The father was missed by every agency.")
    LessonFactory(review=review, text="Sleeping arrangements were never seen.")


def texts(client, q):
    return sorted(text for _, found in shown(client, q=q)[1] for text in found)


def test_a_word_after_a_minus_sign_is_left_out(client, syntax_lessons):
    assert texts(client, "neglect -timely") == ["Neglect of the baby's teeth went unseen."]
    assert texts(client, 'father -"missed the father"') == ["The father was missed by every agency."]


def test_a_quoted_phrase_must_appear_as_written(client, syntax_lessons):
    assert texts(client, '"missed the father"') == ["The assessment was thorough but missed the father."]


def test_or_finds_either_word(client, syntax_lessons):
    assert texts(client, "teeth or sleeping") == [
        "Neglect of the baby's teeth went unseen.",
        "Sleeping arrangements were never seen.",
    ]
    assert texts(client, "neglect teeth or sleeping") == [
        "Neglect of the baby's teeth went unseen.",
        "Sleeping arrangements were never seen.",
    ]


def test_the_hint_names_only_what_the_search_does(client):
    text = client.get(SEARCH).text
    assert "put or between two words to find either, and - before a word to leave it out" in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("neglect -timely", [[("neglect", False), ("timely", True)]]),
        ('"missed  the father" child', [[("missed the father", False), ("child", False)]]),
        ('-"was not brought"', [[("was not brought", True)]]),
        ("teeth or sleeping", [[("teeth", False)], [("sleeping", False)]]),
        ("or teeth OR", [[("teeth", False)]]),
        ('"unclosed phrase', [[("unclosed phrase", False)]]),
    ],
)
def test_the_websearch_syntax_is_read_as_postgresql_reads_it(query, expected):
    parsed = parse_query(query)
    assert [[(t.text, t.excluded) for t in terms] for terms in parsed.alternatives] == expected


# --- One meaning of "on a theme": lessons tagged with it ------------------------------------------


def test_home_and_theme_page_count_the_same_lessons_on_a_theme(client, neglect):
    about_neglect = quiet_review(title="Child N")
    about_neglect.themes.set([neglect])  # the review as a whole, none of its lessons
    LessonFactory(review=about_neglect, text="Supervision must be reflective.")
    tagged = quiet_review(title="Child O")
    LessonFactory(review=tagged, text="Chronologies show cumulative harm.", themes=[neglect])

    home = client.get(reverse("pages:home")).text
    assert re.search(r"Neglect</span> <span class=\"count\">1 lesson</span>", home)
    page = client.get(neglect.get_absolute_url()).text
    assert "2 reviews, 1 lesson tagged with this theme" in page
    assert "Chronologies show cumulative harm." in page
    assert "Supervision must be reflective." not in page  # not tagged: not counted, not listed
    assert "The review as a whole is about this theme; none of its lessons is tagged with it." in page
    themes = client.get(reverse("reviews:theme_list")).text
    assert re.search(r"Neglect</span> <span class=\"count\">1 lesson</span>", themes)
    assert ">Neglect (1)</option>" in client.get(SEARCH).text


def test_a_theme_page_leaves_out_good_practice_not_about_the_theme(client):
    absent_men = Theme.objects.get(slug="absent-men")
    review = quiet_review(title="Child P")
    review.themes.set([absent_men])
    LessonFactory(review=review, text="Ask who else lives in the home.", themes=[absent_men])
    PositiveFactorFactory(review=review, text="The school nurse followed up quickly.")
    page = client.get(absent_men.get_absolute_url()).text
    assert "Ask who else lives in the home." in page
    assert "The school nurse followed up quickly." not in page
    assert "Only lessons are tagged with themes" in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stored vectors are PostgreSQL's")
def test_vectors_of_every_kind_follow_edits_to_the_finding_and_its_review(client):
    review = quiet_review(title="Child V")
    issue = KeyIssueFactory(review=review, text="Original words.")
    assert shown(client, q="kangaroo")[1] == []
    issue.text = "A kangaroo in the garden."
    issue.save()
    cache.clear()
    assert shown(client, q="kangaroo")[1] == [("Child V", ["A kangaroo in the garden."])]
    review.why_it_matters = "The platypus matters."
    review.save()
    cache.clear()
    assert shown(client, q="platypus")[1] == [("Child V", ["A kangaroo in the garden."])]


def test_pages_past_the_cached_ones_continue_the_same_order(client, monkeypatch):
    monkeypatch.setattr("reviews.library.CACHED_REVIEWS", 10)
    for n in range(25):
        KeyIssueFactory(review=quiet_review(title=f"Review {n:02d}"), text=f"Drift in planning {n}.")
    titles = []
    for page in (1, 2, 3):
        response = client.get(SEARCH, {"q": "planning", "page": page})
        titles += [review.title for review in response.context["page_obj"].object_list]
    assert titles == [f"Review {n:02d}" for n in reversed(range(25))]  # newest first, then by id


def test_excerpts_show_words_not_markdown_marks(client):
    review = ReviewFactory(
        summary="**Child One** was left alone; see [the procedure](https://example.org/p) on neglect.",
        why_it_matters="",
    )
    LessonFactory(review=review, text="There is a need to name *neglect* early.")
    response = client.get(SEARCH, {"q": "neglect"})
    assert response.status_code == 200
    assert "Child One" in response.text and "the procedure" in response.text
    for mark in ("**Child One**", "[the procedure]", "(https://example.org/p)", "*<mark>neglect"):
        assert mark not in response.text
