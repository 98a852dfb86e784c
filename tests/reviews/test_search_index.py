# ruff: noqa: F811
"""The search index answers a search exactly as PostgreSQL does, or not at all.

Its counts are compared with a count made finding by finding through the visibility rule,
for each audience and filter, after every kind of change the library's kept counts are tested
against; between a change and the index's update, searches are PostgreSQL's.
"""

import json
import re
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from reviews import search_engine, search_index
from reviews.caching import content_version
from reviews.library import FindingSearch, SearchFilters
from reviews.models import ContentVersion, Lesson, Review, SearchChange
from reviews.querysets import Audience, audience
from reviews.results import RESULTS_PER_PAGE
from tests.factories import KeyIssueFactory, LessonFactory, ReviewFactory

# The library and its readers are test_library_counts.py's fixtures, imported to be shared.
from tests.reviews.test_library_counts import (  # noqa: F401
    DELETIONS,
    EDITS,
    _searched_directly,
    library,
    matches_shown,
    readers,
)

RESULT_COUNT = re.compile(r'class="result-count"[^>]*>\s*([\d,]+)')
QUERIES = 8  # the page's, with the search added up by the index (test_search_findings.py: without)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the index holds PostgreSQL's search vectors"
    ),
]


@pytest.fixture
def index(settings, tmp_path):
    settings.SEARCH_INDEX_DIR = str(tmp_path / "search-index")
    return search_index.index_update


def answered(user, f: SearchFilters) -> dict | None:
    """The index's answer in the shape of ``_searched_directly``; None if PostgreSQL must answer."""
    answer = search_engine.summed(audience(user), f, keep=100)
    if answer is None:
        return None
    finding_search = FindingSearch(user, f)
    summary = finding_search._summary = finding_search._compute_summary()
    return {
        "total": summary.total,
        "reviews": summary.reviews,
        "facets": {k: Counter(v) for k, v in summary.facets.items()},
        "first": matches_shown(finding_search),
    }


def assert_answered_exactly(readers, *, after="nothing"):
    for name, user in readers.items():
        for f in (SearchFilters(q="need"), SearchFilters(q="need", kind_of_finding="lesson")):
            assert answered(user, f) == _searched_directly(user, f), f"{name}, {f}, after {after}"


def test_every_audience_and_filter_is_counted_exactly(index, library, readers):
    KeyIssueFactory(review=library["public"], text="A need no lesson shares.")
    index()
    theme, service = library["theme"].pk, library["service"].pk
    for name, user in readers.items():
        for kind in ("", Review.Kind.MANAGEMENT):
            for kind_of_finding in ("", "lesson", "key_issue"):
                for tags in (
                    {},
                    {"theme": theme},
                    {"service": service},
                    {"theme": theme, "service": service},
                ):
                    f = SearchFilters(q="need", kind=kind, kind_of_finding=kind_of_finding, **tags)
                    assert answered(user, f) == _searched_directly(user, f), (name, f)


@pytest.mark.parametrize("changes", [EDITS, DELETIONS], ids=["edits", "deletions"])
def test_after_every_kind_of_change_postgresql_answers_until_the_index_is_updated(
    index, library, readers, changes
):
    index()
    assert_answered_exactly(readers)
    for name, change in changes.items():
        change(library)
        assert answered(readers["anonymous"], SearchFilters(q="need")) is None, f"stale after {name}"
        index()
        assert_answered_exactly(readers, after=name)


@pytest.mark.parametrize(
    "q",
    ["need", "need -lesson", "need or drowning", "-need", "needs and needing", "NEED!", "(need"],
)
def test_the_words_typed_mean_what_they_mean_to_postgresql(index, library, readers, q):
    LessonFactory(review=library["public"], text="Drowning was not foreseen.")
    index()
    for name, user in readers.items():
        f = SearchFilters(q=q)
        assert answered(user, f) == _searched_directly(user, f), (name, q)


@pytest.mark.parametrize("q", ['"children in need"', "well-being", '-"children in need"'])
def test_phrases_are_left_to_postgresql(index, library, q):
    index()
    assert search_engine.summed(Audience.STAFF, SearchFilters(q=q), keep=100) is None


def test_only_stop_words_match_nothing(index, library):
    index()
    assert search_engine.summed(Audience.STAFF, SearchFilters(q="the and of"), keep=100) == (
        {},
        {},
        search_engine.Groups(cells=[], reviews=0, first=[]),
    )


def test_a_match_in_the_finding_outranks_one_in_its_review_s_background(index):
    background = ReviewFactory(summary="Drowning in the bath.")
    LessonFactory(review=background, text="Supervision of young children.")
    own = ReviewFactory(summary="A family known to services.")
    LessonFactory(review=own, text="Drowning risks were not discussed with the family.")
    index()
    groups = search_engine.summed(Audience.EVERYONE, SearchFilters(q="drowning"), keep=100)[2]
    assert groups.first == [own.pk, background.pk]


def test_the_best_reviews_are_found_however_many_matches_come_before_them(index):
    crowded = ReviewFactory()
    for _ in range(30):
        LessonFactory(review=crowded, text="Need, need, need: the need was plain.")
    others = [ReviewFactory() for _ in range(3)]
    for review in others:
        LessonFactory(review=review, text="A need.")
    index()
    groups = search_engine.summed(Audience.EVERYONE, SearchFilters(q="need"), keep=2)[2]
    assert groups.reviews == 4
    assert len(groups.first) == 2
    assert groups.first[0] == crowded.pk


def test_an_update_reads_only_the_reviews_noted(index, library):
    assert index() == Review.objects.count()  # built from nothing: every review
    LessonFactory(review=library["partners"], text="One more need.")
    assert index() == 1
    assert index() == 0  # nothing noted since


def test_a_database_emptied_and_filled_again_is_read_again(index, library, readers):
    index()
    ContentVersion.objects.all().delete()
    SearchChange.objects.all().delete()
    LessonFactory(review=library["public"], text="A new need after the restore.")
    assert content_version().partition("-")[2] != ""
    assert index() == Review.objects.count()
    assert_answered_exactly(readers, after="a restore")


def test_changes_made_while_there_is_no_index_make_the_next_one_read_everything(
    index, settings, library, readers
):
    index()
    folder = settings.SEARCH_INDEX_DIR
    settings.SEARCH_INDEX_DIR = ""
    for _ in range(3):
        LessonFactory(review=library["public"], text="A need met while nothing was indexed.")
    assert SearchChange.objects.count() == 1  # one note to read everything, however many changes
    settings.SEARCH_INDEX_DIR = folder
    assert index() == Review.objects.count()
    assert_answered_exactly(readers, after="changes made without an index")


def test_an_index_made_by_other_code_is_made_anew(index, library, readers):
    index()
    place = search_index.folder()
    label = search_index.label_read(place)
    (place / search_index.LABEL).write_text(json.dumps(label | {"format": search_index.FORMAT - 1}))
    assert answered(readers["staff"], SearchFilters(q="need")) is None  # not this code's: unused
    assert index() == Review.objects.count()
    assert_answered_exactly(readers, after="the index was made anew")


def test_an_index_that_cannot_be_read_leaves_the_search_to_postgresql(index, library, client, caplog):
    index()
    (search_index.folder() / "meta.json").write_text("{not what tantivy wrote")
    assert search_engine.summed(Audience.EVERYONE, SearchFilters(q="need"), keep=100) is None
    assert "could not be read" in caplog.text
    response = client.get("/lessons/?q=need")
    shown = RESULT_COUNT.search(response.content.decode()).group(1)
    assert int(shown) == _searched_directly(AnonymousUser(), SearchFilters(q="need"))["total"]


def test_the_index_is_updated_once_after_each_transaction_commits(
    index, readers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as queued:
        review = ReviewFactory()
        LessonFactory(review=review, text="Need noticed by the task.")
        KeyIssueFactory(review=review, text="A need.")
    assert len([callback for callback in queued if callback is search_index.index_update_queue]) == 1
    assert search_index.label_read(search_index.folder())["version"] == content_version()
    assert_answered_exactly(readers, after="the task ran")


@pytest.mark.django_db(transaction=True)
def test_a_finding_saved_outside_a_transaction_is_indexed_with_its_words(index, settings):
    # Each write commits on its own: the index is brought up to date by the first commit that
    # notes the change, so the finding's vector must be written before it.
    review = ReviewFactory()
    Lesson.objects.create(review=review, text="Zebra crossings near the school.")  # one save, no tags
    assert search_index.label_read(search_index.folder())["version"] == content_version()
    groups = search_engine.summed(Audience.EVERYONE, SearchFilters(q="zebra"), keep=100)[2]
    assert groups.reviews == 1


def test_the_lessons_page_searches_through_the_index(index, client, library, django_assert_num_queries):
    index()
    with django_assert_num_queries(QUERIES):
        response = client.get("/lessons/?q=need")
    shown = RESULT_COUNT.search(response.content.decode()).group(1)
    assert int(shown) == _searched_directly(AnonymousUser(), SearchFilters(q="need"))["total"]


def test_the_first_page_read_while_the_index_counts_is_the_page_read_after(index, library, readers):
    def shown(page):
        return [
            (review.pk, [(m.kind.key, m.pk, m.excerpt) for m in review.shown_findings], review.more_findings)
            for review in page
        ]

    index()
    for name, user in readers.items():
        for f in (SearchFilters(q="need"), SearchFilters(q="need", kind_of_finding="lesson")):
            while_counting = FindingSearch(user, f)
            first = shown(while_counting.page(0, RESULTS_PER_PAGE))
            assert while_counting._first_page is not None, name  # read while the index counted
            after = FindingSearch(user, f)
            assert first == shown(after._page_of(while_counting.summary().first[:RESULTS_PER_PAGE])), name
            assert first, name
