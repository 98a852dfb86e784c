"""Searching the findings: words, ranking, highlighting and the stored search vectors."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from reviews.library import KINDS_BY_KEY, FindingSearch, SearchFilters
from reviews.models import KeyIssue, Lesson, PositiveFactor, Recommendation, Review
from reviews.search import finding_search_vectors_update, findings_matching
from tests.factories import LessonFactory, ReviewFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranked full-text search is PostgreSQL's; SQLite matches words"
)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def results(client, **params):
    """The page, and the texts of the findings it shows, review by review."""
    response = client.get(reverse("reviews:lesson_list"), params)
    assert response.status_code == 200
    reviews = response.context["page_obj"].object_list
    return response, [finding.text for review in reviews for finding in review.shown_findings]


def lessons(filters):
    return FindingSearch(None, filters).findings(KINDS_BY_KEY["lesson"])


def test_every_word_of_a_multi_word_query_must_match(client):
    LessonFactory(text="Professional curiosity about fathers matters.")
    LessonFactory(text="Professional standards for schools.")
    LessonFactory(text="Fathers are often absent from assessments.")
    _, texts = results(client, q="professional fathers")
    assert texts == ["Professional curiosity about fathers matters."]


def test_words_in_the_review_title_or_background_find_its_lessons(client):
    review = ReviewFactory(title="Child W: an unusual case", summary="The family lived on a narrowboat.")
    LessonFactory(review=review, text="There is a need for outreach.")
    LessonFactory(text="Unrelated lesson.")
    assert results(client, q="narrowboat")[1] == ["There is a need for outreach."]
    assert results(client, q="unusual")[1] == ["There is a need for outreach."]


def test_a_match_in_the_finding_outranks_one_in_its_reviews_background(client):
    summary_only = ReviewFactory(summary="Escalation was discussed at length.", published_on="2025-01-01")
    LessonFactory(review=summary_only, text="Records moved with the family.")
    in_lesson = ReviewFactory(summary="Nothing relevant.", published_on="2020-01-01")
    LessonFactory(review=in_lesson, text="There is a need for escalation when concerns persist.")
    _, texts = results(client, q="escalation")
    # The older review's lesson comes first although newer reviews come first without a query.
    assert texts == [
        "There is a need for escalation when concerns persist.",
        "Records moved with the family.",
    ]


def test_matched_words_are_highlighted_and_html_in_lessons_is_escaped(client):
    LessonFactory(text="Supervision <script>alert(1)</script> must be reflective.")
    response, _ = results(client, q="supervision")
    assert "<mark>Supervision</mark>" in response.text
    assert "<script>" not in response.text  # escaped (SQLite) or dropped by ts_headline (PostgreSQL)


def test_search_counts_and_facets_describe_the_matches_only(client):
    LessonFactory.create_batch(3, text="Early help was offered.")
    LessonFactory(text="Strategy meeting held late.")
    response, _ = results(client, q="early help")
    assert "3 findings from 3 reviews, best matches first" in response.text


@postgres_only
def test_english_stemming_and_websearch_syntax(client):
    LessonFactory(text="Assessments of parents were not updated.")
    LessonFactory(text="The assessment was thorough but missed the father.")
    LessonFactory(text="Sleeping arrangements were assessed at every visit.")
    assert len(results(client, q="assessment")[1]) == 3  # assess, assessed, assessments share a stem
    assert results(client, q='"missed the father"')[1] == [
        "The assessment was thorough but missed the father."
    ]
    assert len(results(client, q="assessment -father")[1]) == 2
    assert len(results(client, q="father or sleeping")[1]) == 2


@postgres_only
def test_vectors_follow_edits_to_a_lesson_and_to_its_review():
    lesson = LessonFactory(text="Original words.")
    assert not lessons(SearchFilters(q="kangaroo")).exists()
    lesson.text = "Now about a kangaroo."
    lesson.save()
    assert list(lessons(SearchFilters(q="kangaroo"))) == [lesson]

    review = lesson.review
    review.summary = "The platypus was mentioned in the background."
    review.save()
    assert list(lessons(SearchFilters(q="platypus"))) == [lesson]
    review.why_it_matters = "The wombat shows why this matters."
    review.save()
    assert list(lessons(SearchFilters(q="wombat"))) == [lesson]


@postgres_only
def test_generated_reviews_get_search_vectors_for_every_kind_of_finding():
    call_command("generate_reviews", reviews=3, lessons=2, verbosity=0)
    models = (KeyIssue, PositiveFactor, Lesson, Recommendation)
    for model in models:
        assert model.objects.count() > 0
        assert not model.objects.filter(search_vector__isnull=True).exists(), model
        model.objects.update(search_vector=None)
    everything = sum(model.objects.count() for model in models)
    assert finding_search_vectors_update(missing_only=True) == everything
    KeyIssue.objects.update(search_vector=None)
    call_command("lesson_search_update", verbosity=0)
    assert not KeyIssue.objects.filter(search_vector__isnull=True).exists()


def test_vectors_stay_empty_on_sqlite_and_the_update_is_harmless():
    lesson = LessonFactory()
    written = finding_search_vectors_update()
    lesson.refresh_from_db()
    if connection.vendor == "postgresql":
        assert written >= 1 and lesson.search_vector
    else:
        assert written == 0 and lesson.search_vector is None


@postgres_only
def test_a_stored_text_longer_than_the_search_index_takes_never_breaks_a_save():
    with connection.cursor() as cursor:  # as a database filled before the bounds existed may hold
        cursor.execute("ALTER TABLE reviews_review DROP CONSTRAINT IF EXISTS review_summary_length")
    review = ReviewFactory(title="Child K")
    lesson = LessonFactory(review=review, text="Supervision must be reflective.")
    Review.objects.filter(pk=review.pk).update(summary=" ".join(f"w{n}x" for n in range(200_000)))
    review.refresh_from_db()
    review.title = "Child K: practice review"
    review.save()  # recomputes the lesson's search vector from the 1.3 MB background
    lesson.text = "Supervision must be reflective and curious."
    lesson.save()
    assert list(findings_matching(Lesson.objects.all(), "curious")) == [lesson]
    assert list(findings_matching(Lesson.objects.all(), "w10x")) == [lesson]  # from the indexed part


@postgres_only
def test_findings_written_in_bulk_are_found_by_search():
    review = ReviewFactory()
    Lesson.objects.bulk_create(
        [Lesson(review=review, order=1, text="Bulk-written curiosity about siblings.")]
    )
    assert findings_matching(Lesson.objects.all(), "siblings").count() == 1
    Lesson.objects.filter(review=review).update(text="Rewritten about neonatal care.")
    assert findings_matching(Lesson.objects.all(), "neonatal").count() == 1
    assert findings_matching(Lesson.objects.all(), "siblings").count() == 0
