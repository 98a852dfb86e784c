"""Full-text search of lessons.

On PostgreSQL each lesson keeps a stored search vector: its own words weighted A, its
practice area B, its review's title C and its review's background D, so a match in the
lesson outranks one that only its review's summary contains. The vector is recomputed by
one ``UPDATE ... FROM`` statement whenever a lesson or its review is saved (the receivers
in reviews/signals.py), and ``lesson_search_vectors_update`` fills vectors that bulk
inserts left empty. Queries use ``websearch`` syntax ("quoted phrases", or, -not) with
English stemming, served by the GIN index on the vector.

Each text is cut to ``INDEXED_CHARACTERS`` before it is indexed: PostgreSQL refuses a search
vector over 1 MB, and a refused vector must never refuse the officer's save. The texts' own
bounds (reviews/models/bounds.py) keep them shorter than that already.

On SQLite the column stays empty: every word must appear (case-insensitively) in the
lesson, its review's title or its review's background, and lessons whose own text holds
the first word come first.
"""

import logging
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import DataError, OperationalError, connection, transaction
from django.db.models import BooleanField, Case, F, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONFIG = "english"
# Private-use characters mark highlighted words inside ts_headline's output: they never occur in
# typed text (queries are stripped of them), so the excerpt can be escaped first and marked up after.
MARK_START, MARK_END = "\ue000", "\ue001"
WORD = re.compile(r"\w+")
# Characters of each text that are indexed. Even words of one 4-byte character each, all
# different, keep four such texts well under PostgreSQL's 1 MB limit for a search vector.
INDEXED_CHARACTERS = 25_000

logger = logging.getLogger(__name__)

_VECTOR_SQL = f"""
    UPDATE reviews_lesson AS lesson SET search_vector =
        setweight(to_tsvector('english', left(lesson.text, {INDEXED_CHARACTERS})), 'A')
        || setweight(to_tsvector('english', left(coalesce(
            (SELECT area.name FROM reviews_practicearea AS area WHERE area.id = lesson.practice_area_id),
            ''), {INDEXED_CHARACTERS})), 'B')
        || setweight(to_tsvector('english', left(review.title, {INDEXED_CHARACTERS})), 'C')
        || setweight(to_tsvector('english', left(review.summary, {INDEXED_CHARACTERS})), 'D')
    FROM reviews_review AS review
    WHERE review.id = lesson.review_id
"""  # noqa: S608 - only the constant above is put in


def search_is_ranked() -> bool:
    return connection.vendor == "postgresql"


def lesson_search_vectors_update(*, review_ids=None, lesson_ids=None, missing_only=False) -> int:
    """Recompute stored lesson search vectors in one statement; returns how many were written.

    With no arguments every lesson is recomputed. ``missing_only`` fills only empty vectors,
    which is what bulk-inserted data (``generate_reviews``) needs. Does nothing on SQLite.
    """
    if not search_is_ranked():
        return 0
    sql, params = _VECTOR_SQL, []
    if review_ids is not None:
        sql += " AND lesson.review_id = ANY(%s)"
        params.append(list(review_ids))
    if lesson_ids is not None:
        sql += " AND lesson.id = ANY(%s)"
        params.append(list(lesson_ids))
    if missing_only:
        sql += " AND lesson.search_vector IS NULL"
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount
    except (DataError, OperationalError):  # PostgreSQL's "string is too long for tsvector" is the latter
        # The lessons keep their old vectors (searchable by their old words): better than losing a save.
        logger.exception(
            "Lesson search vectors could not be updated (reviews %s, lessons %s)", review_ids, lesson_ids
        )
        return 0


def query_words(text: str) -> list[str]:
    """The words of a query, without punctuation or search operators."""
    return WORD.findall(text.replace("_", " "))


def clean_query(text: str) -> str:
    return " ".join(text.replace(MARK_START, " ").replace(MARK_END, " ").split())


def lessons_matching(lessons, text: str):
    """``lessons`` narrowed to those matching ``text``, annotated with ``search_rank`` (higher is better)."""
    if search_is_ranked():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        return lessons.filter(search_vector=query).annotate(search_rank=SearchRank(F("search_vector"), query))
    words = query_words(text)
    if not words:
        return lessons.none()
    for word in words:
        lessons = lessons.filter(
            Q(text__icontains=word) | Q(review__title__icontains=word) | Q(review__summary__icontains=word)
        )
    in_lesson = When(text__icontains=words[0], then=Value(True))
    return lessons.annotate(search_rank=Case(in_lesson, default=Value(False), output_field=BooleanField()))


def with_excerpts(lessons, text: str):
    """Annotate ``excerpt_marked``: the lesson's text with matched words between the private markers."""
    if not search_is_ranked():
        return lessons
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    return lessons.annotate(
        excerpt_marked=SearchHeadline(
            "text",
            query,
            config=CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=45,
            min_words=20,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def excerpt_html(lesson, text: str):
    """The lesson's text as safe HTML with the searched words in ``<mark>``."""
    marked = getattr(lesson, "excerpt_marked", None)
    if marked is None:
        marked = lesson.text
        for word in sorted(set(query_words(text)), key=len, reverse=True):
            marked = re.sub(rf"(?i)(?<!\w)({re.escape(word)}\w*)", rf"{MARK_START}\1{MARK_END}", marked)
    html = escape(marked).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped just above; only our own <mark> tags are added
