"""How alike two lessons are, and which lessons of other reviews are worth comparing.

Likeness is the same on every database: the share of significant words two lessons have in
common (Jaccard: words in both / words in either), after dropping common English words and
the words nearly every lesson uses ("need", "agencies", "practitioners"), and cutting plural and
"-ing"/"-ed" endings so that "misuses" meets "misuse" and "sleeping" meets "sleep".

What differs is how the candidates are found, because scoring every lesson of a large board
on each save would be too slow:

* PostgreSQL: the lessons' stored search vectors (reviews/search.py) and their GIN index, so
  no extension (pg_trgm) and no index of this app's own on the lessons' table are needed. The
  new lesson's five rarest stemmed words (rarity from the ANALYZE statistics PostgreSQL keeps
  for tsvector columns) are looked up among the lessons' own words (weight A, not their
  review's title or background): lessons with all five first, then with any four, then any
  three, until ``CANDIDATES`` are found; those are scored here. Measured on 100,000 lessons:
  see the report of ``manage.py bench_learnt_before``.
* SQLite (the embedded default, for a board's own few thousand lessons): every lesson of an
  earlier review that contains one of the new lesson's longest significant words is scored.
"""

import datetime
import re
import time
from dataclasses import dataclass
from itertools import combinations

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import DateField, Q
from django.db.models.functions import Cast, Coalesce

from reviews.models import Lesson, Review
from reviews.search import INDEXED_CHARACTERS, search_is_ranked

# A lesson this alike shares most of its significant words: "the same lesson learnt again",
# not merely the same circumstance ("safe sleeping advice when a parent misuses alcohol or drugs"
# and "reflective supervision when a parent misuses alcohol or drugs" score 0.4).
MATCH_THRESHOLD = 0.5
# Lessons of other reviews scored for each new lesson on PostgreSQL.
CANDIDATES = 30
# How many of the new lesson's rarest words are looked up in the index.
LOOKUP_WORDS = 5
# Reviews few enough to name by number (see ``_of_reviews``).
FEW_REVIEWS = 2000
# A word in more than this share of lessons finds too many to be worth looking up.
COMMON_SHARE = 0.5

WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each every few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just may me might more most much must my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up upon very was we
    were what when where which while who whom why will with within would you your yours"""
ENGLISH = frozenset(_ENGLISH.split())
# Words nearly every lesson uses: sharing them says nothing about sharing the learning.
_EVERY_LESSON = """agency agencie all child children ensure important lesson need needed practitioner
    professional staff there"""
EVERY_LESSON = frozenset(_EVERY_LESSON.split())
ENDINGS = ("ing", "ed", "s")


def stem(word: str) -> str:
    if word.endswith("ss"):
        return word
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def significant_words(text: str) -> frozenset[str]:
    words = (stem(w) for w in WORD.findall(text.casefold()) if len(w) > 2 and w not in ENGLISH)
    return frozenset(w for w in words if w not in EVERY_LESSON)


def likeness(words: frozenset[str], other: frozenset[str]) -> float:
    if not words or not other:
        return 0.0
    return len(words & other) / len(words | other)


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
    scored against ``text``, in no particular order."""
    words = significant_words(text)
    if not words:
        return []
    # Strictly earlier (or later): the lesson's own review, and any of the same date, are left out.
    side = {"review_date__gt" if later else "review_date__lt": review_date(review)}
    if search_is_ranked():
        rows = _indexed_candidates(_of_reviews(side), text)
    else:
        lessons = Lesson.objects.alias(review_date=review_date_expression()).filter(**side)
        longest = sorted(words, key=lambda w: (-len(w), w))[:LOOKUP_WORDS]
        any_word = Q()
        for word in longest:
            any_word |= Q(text__icontains=word)
        rows = lessons.filter(any_word).values_list("id", "review_id", "text")
    found = []
    for pk, review_id, other in rows:
        score = likeness(words, significant_words(other))
        if score >= MATCH_THRESHOLD:
            found.append(Found(pk, review_id, round(score, 4)))
    return found


_LEXEMES_SQL = f"SELECT lexeme FROM unnest(to_tsvector('english', left(%s, {INDEXED_CHARACTERS})))"  # noqa: S608
_COMMON_SQL = """
    SELECT common.elem, common.freq
    FROM pg_stats AS stats,
         unnest(stats.most_common_elems::text::text[], stats.most_common_elem_freqs) AS common(elem, freq)
    WHERE stats.schemaname = current_schema() AND stats.tablename = %s AND stats.attname = 'search_vector'
"""
# The statistics change only when the table is analysed: read once in a while, not on every save.
COMMON_SECONDS = 10 * 60
_common: dict = {"until": 0.0, "shares": {}}


def common_lexemes() -> dict[str, float]:
    """The share of lessons that have each of the most common stemmed words, as ANALYZE counted."""
    if time.monotonic() >= _common["until"]:
        with connection.cursor() as cursor:
            cursor.execute(_COMMON_SQL, [Lesson._meta.db_table])
            _common["shares"] = {elem: freq for elem, freq in cursor.fetchall() if freq is not None}
        _common["until"] = time.monotonic() + COMMON_SECONDS
    return _common["shares"]


def rarest_lexemes(text: str) -> list[str]:
    """The stemmed words of ``text`` that fewest lessons have (unknown to the statistics: rare).

    Words in most lessons are left out while two or more rarer ones remain: they find everything.
    """
    with connection.cursor() as cursor:
        cursor.execute(_LEXEMES_SQL, [text])
        lexemes = [row[0] for row in cursor.fetchall()]
    shares = common_lexemes()
    ranked = sorted(lexemes, key=lambda lexeme: (shares.get(lexeme, 0.0), -len(lexeme), lexeme))
    return [
        lexeme
        for i, lexeme in enumerate(ranked[:LOOKUP_WORDS])
        if i < 2 or shares.get(lexeme, 0) <= COMMON_SHARE
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


def _all_of_any(lexemes: list[str], size: int) -> str:
    """A raw tsquery: any ``size`` of ``lexemes``, each in a lesson's own words (weight A)."""
    quoted = ["'{}':A".format(lexeme.replace("\\", "\\\\").replace("'", "''")) for lexeme in lexemes]
    return " | ".join(f"({' & '.join(group)})" for group in combinations(quoted, size))


def _indexed_candidates(lessons, text: str) -> list[tuple]:
    """Lessons with all of the rarest words first, then with all but one, and so on down to two.

    Each step is answered by the GIN index and stops at ``CANDIDATES`` rows: ordering every
    lesson that shares a few words by rank would read thousands of them on a large board.
    """
    lexemes = rarest_lexemes(text)
    found: dict[int, tuple] = {}
    fewest = min(len(lexemes), max(2, len(lexemes) - 2))
    for size in range(len(lexemes), fewest - 1, -1):
        # Already stemmed: the "simple" configuration takes them as they are.
        query = SearchQuery(_all_of_any(lexemes, size), search_type="raw", config="simple")
        # Unordered, so that the scan stops at the rows wanted instead of sorting all that match.
        more = lessons.filter(search_vector=query).exclude(pk__in=list(found)).order_by()
        for row in more.values_list("id", "review_id", "text")[: CANDIDATES - len(found)]:
            found[row[0]] = row
        if len(found) >= CANDIDATES:
            break
    return list(found.values())
