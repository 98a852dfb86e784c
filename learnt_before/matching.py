"""Which lessons of other reviews say what a lesson says: candidates found, then scored.

How alike two lessons are is the same on every database: ``learnt_before.words`` (rare words
weigh more, the words of a "when ..." circumstance less; the cosine of the weighted words), with
each word's rarity read from the board's own counts (``WordCount``). ``MATCH_THRESHOLD`` is
where "much the same" starts.

Scoring every lesson of a large board on each save would be too slow, so only candidates are
scored, found by the new lesson's ``LOOKUP_WORDS`` rarest words that other lessons also use (a
word that only this lesson uses finds nothing, and a word most lessons use finds everything):

* PostgreSQL: the lessons' stored search vectors (reviews/search.py) and their GIN index, so
  no extension (pg_trgm) and no index of this app's own on the lessons' table are needed. The
  words are looked up among the lessons' own words (weight A, not their review's title or
  background): lessons with any four of them first, then with any three, then any two, until
  ``CANDIDATES`` are found; those are scored here. Measured on 100,000 lessons: see the report
  of ``manage.py bench_learnt_before``.
* SQLite (the embedded default, for a board's own few thousand lessons): every lesson of an
  earlier review that contains one of those words is scored.
"""

import datetime
from dataclasses import dataclass
from itertools import combinations

from django.contrib.postgres.search import SearchQuery
from django.db.models import DateField, Q
from django.db.models.functions import Cast, Coalesce

from learnt_before.models import WordCount
from learnt_before.words import lesson_words, likeness, rarity, significant_words, spellings
from reviews.models import Lesson, Review
from reviews.search import search_is_ranked

__all__ = ["MATCH_THRESHOLD", "alike_lessons", "likeness", "lesson_words", "significant_words"]

# As alike as this, two lessons share most of what they teach: "the same lesson learnt again".
# On the demo, the same learning in other words scores 0.41 to 0.48 ("understand the combined
# impact of domestic abuse, substance misuse and mental ill health"; "fathers and male carers
# to be seen and included"), and lessons that only share a circumstance or a client group
# score 0.30 or less ("... when a parent misuses alcohol or drugs", "... adult services").
MATCH_THRESHOLD = 0.35
# Lessons of other reviews scored for each new lesson on PostgreSQL.
CANDIDATES = 30
# How many of the new lesson's rarest words are looked up, and how many of them a candidate
# must have: first ``MOST_SHARED``, then one fewer each time, down to ``FEWEST_SHARED``.
LOOKUP_WORDS = 8
MOST_SHARED = 4
FEWEST_SHARED = 2
# Reviews few enough to name by number (see ``_of_reviews``).
FEW_REVIEWS = 2000
# A word in more than this share of lessons, and in more than ``COMMON_LESSONS``, finds too many
# to be worth looking up. On a small board every word is cheap to look up.
COMMON_SHARE = 0.5
COMMON_LESSONS = 1000


def review_date(review: Review) -> datetime.date:
    """When a review's learning was known: completed, else published, else commissioned, else entered."""
    return review.completed_on or review.published_on or review.commissioned_on or review.created_at.date()


def review_date_expression(prefix: str = "review__"):
    """``review_date`` as a database expression, for lessons (or anything) reaching a review by ``prefix``."""
    return Coalesce(
        f"{prefix}completed_on",
        f"{prefix}published_on",
        f"{prefix}commissioned_on",
        Cast(f"{prefix}created_at", DateField()),
    )


@dataclass(frozen=True)
class Found:
    lesson_id: int
    review_id: int
    score: float


def best_per_review(scored: list[Found], *, leave_out=frozenset(), kept: int) -> list[Found]:
    """The ``kept`` best, at most one lesson per review: three reviews say more than one review thrice."""
    best, reviews = [], set()
    for found in sorted(scored, key=lambda f: (-f.score, f.lesson_id)):
        if found.lesson_id in leave_out or found.review_id in reviews:
            continue
        reviews.add(found.review_id)
        best.append(found)
        if len(best) == kept:
            break
    return best


def alike_lessons(*, text: str, review: Review, later: bool = False) -> list[Found]:
    """Lessons of reviews earlier than ``review`` (``later``: later ones) as alike as the threshold,
    scored against ``text`` (a saved lesson's, so counted among the board's), in no particular order."""
    words = lesson_words(text)
    if not words:
        return []
    counts, lessons = WordCount.objects.counts(words)
    looked_up = lookup_words(counts, lessons)
    if not looked_up:
        return []
    # Strictly earlier (or later): the lesson's own review, and any of the same date, are left out.
    side = {"review_date__gt" if later else "review_date__lt": review_date(review)}
    if search_is_ranked():
        spelt = spellings(text)
        rows = _indexed_candidates(_of_reviews(side), [spelt[word] for word in looked_up])
    else:
        lessons_on_side = Lesson.objects.alias(review_date=review_date_expression()).filter(**side)
        any_word = Q()
        for word in looked_up:
            # "baby" is in "babies", "identify" in "identified" once its "y" is left out.
            any_word |= Q(text__icontains=word.removesuffix("y"))
        rows = list(lessons_on_side.filter(any_word).values_list("id", "review_id", "text"))
    others = [(pk, review_id, lesson_words(other)) for pk, review_id, other in rows]
    more, lessons = WordCount.objects.counts(
        {word for *_, theirs in others for word in theirs} - counts.keys()
    )
    weight = rarity({**counts, **more}, lessons)
    found = []
    for pk, review_id, theirs in others:
        score = likeness(words, theirs, weight)
        if score >= MATCH_THRESHOLD:
            found.append(Found(pk, review_id, round(score, 4)))
    return found


def lookup_words(counts: dict[str, int], lessons: int) -> list[str]:
    """The words, of those counted in ``counts``, that fewest other lessons use, rarest first.

    A word that only the lesson itself uses finds nothing; words in most lessons (of a large
    board) are left out while two or more rarer ones remain: they find everything.
    """
    ranked = sorted(counts, key=lambda word: (counts[word], -len(word), word))
    shared = [word for word in ranked if counts[word] > 1] or ranked
    return [
        word
        for i, word in enumerate(shared[:LOOKUP_WORDS])
        if i < 2 or counts[word] <= max(COMMON_SHARE * lessons, COMMON_LESSONS)
    ]


def _of_reviews(side: dict):
    """Lessons of the reviews on ``side`` of a date.

    When they are few (a 2011 lesson has few earlier reviews), named by number: PostgreSQL then
    intersects the word index with the index of lessons by review, instead of reading every
    lesson that has the words only to find that its review is on the wrong side.
    """
    reviews = Review.objects.alias(review_date=review_date_expression(prefix="")).filter(**side).order_by()
    numbers = list(reviews.values_list("pk", flat=True)[: FEW_REVIEWS + 1])
    if len(numbers) > FEW_REVIEWS:
        return Lesson.objects.alias(review_date=review_date_expression()).filter(**side)
    where = f"{Lesson._meta.db_table}.review_id = ANY(%s)"
    return Lesson.objects.extra(where=[where], params=[numbers])  # noqa: S610 - only the table name is put in


def _all_of_any(words: list[str], size: int) -> str:
    """A raw tsquery: any ``size`` of ``words`` (as spelt), each in a lesson's own words (weight A)."""
    quoted = ["'{}':A".format(word.replace("\\", "\\\\").replace("'", "''")) for word in words]
    return " | ".join(f"({' & '.join(group)})" for group in combinations(quoted, size))


def _indexed_candidates(lessons, words: list[str]) -> list[tuple]:
    """Lessons with any ``MOST_SHARED`` of ``words`` first, then with one fewer, down to ``FEWEST_SHARED``.

    Each step is answered by the GIN index and stops at ``CANDIDATES`` rows: ordering every
    lesson that shares a few words by rank would read thousands of them on a large board.
    """
    found: dict[int, tuple] = {}
    for size in range(min(len(words), MOST_SHARED), min(len(words), FEWEST_SHARED) - 1, -1):
        # Stemmed by PostgreSQL as the lessons' vectors were: "graded" finds "grade".
        query = SearchQuery(_all_of_any(words, size), search_type="raw", config="english")
        # Unordered, so that the scan stops at the rows wanted instead of sorting all that match.
        more = lessons.filter(search_vector=query).exclude(pk__in=list(found)).order_by()
        for row in more.values_list("id", "review_id", "text")[: CANDIDATES - len(found)]:
            found[row[0]] = row
        if len(found) >= CANDIDATES:
            break
    return list(found.values())
