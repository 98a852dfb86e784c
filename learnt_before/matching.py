"""How alike two lessons are, and which lessons of other reviews are worth comparing.

Likeness is the same on every database: the share of significant words two lessons have in
common (Jaccard: words in both / words in either), after dropping common English words and
the words nearly every lesson uses ("need", "agencies", "practitioners"), and cutting plural and
"-ing"/"-ed" endings so that "misuses" meets "misuse" and "sleeping" meets "sleep".

What differs is how the candidates are found, because scoring every lesson of a large board
on each save would be too slow:

* PostgreSQL: the lessons' stored search vectors (reviews/search.py) and their GIN index. The
  new lesson's rarest stemmed words (rarity from the column's ANALYZE statistics, which
  PostgreSQL keeps for tsvector columns) are looked up among the lessons' own words (weight A,
  not their review's title or background), and the best ranked few are scored here.
* SQLite (the embedded default, for a board's own few thousand lessons): every lesson of an
  earlier review that contains one of the new lesson's longest significant words is scored.
"""

import datetime
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Coalesce, TruncDate

from reviews.models import Lesson, Review
from reviews.search import INDEXED_CHARACTERS, search_is_ranked

# A lesson this alike shares most of its significant words: "the same lesson learnt again",
# not merely the same circumstance (a shared "when a parent misuses alcohol" scores about 0.35).
MATCH_THRESHOLD = 0.4
# Lessons of other reviews scored for each new lesson on PostgreSQL, best ranked first.
CANDIDATES = 60
# How many of the new lesson's rarest words are looked up in the index.
LOOKUP_WORDS = 8

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
        TruncDate(f"{prefix}created_at"),
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
    when = review_date(review)
    lessons = (
        Lesson.objects.exclude(review_id=review.pk)
        .alias(review_date=review_date_expression())
        .filter(**{"review_date__gt" if later else "review_date__lt": when})
    )
    if search_is_ranked():
        lessons = _ranked_candidates(lessons, text)
    else:
        longest = sorted(words, key=lambda w: (-len(w), w))[:LOOKUP_WORDS]
        any_word = Q()
        for word in longest:
            any_word |= Q(text__icontains=word)
        lessons = lessons.filter(any_word)
    rows = lessons.values_list("id", "review_id", "text")
    if search_is_ranked():
        rows = rows[:CANDIDATES]
    found = []
    for pk, review_id, other in rows:
        score = likeness(words, significant_words(other))
        if score >= MATCH_THRESHOLD:
            found.append(Found(pk, review_id, round(score, 4)))
    return found


_RAREST_LEXEMES_SQL = f"""
    SELECT lexeme FROM unnest(to_tsvector('english', left(%s, {INDEXED_CHARACTERS}))) AS own
    LEFT JOIN (
        SELECT common.elem, common.freq
        FROM pg_stats AS stats,
             unnest(stats.most_common_elems::text::text[], stats.most_common_elem_freqs)
                 AS common(elem, freq)
        WHERE stats.schemaname = current_schema() AND stats.tablename = %s
          AND stats.attname = 'search_vector'
    ) AS common ON common.elem = own.lexeme
    ORDER BY coalesce(common.freq, 0), length(own.lexeme) DESC, own.lexeme
    LIMIT %s
"""  # noqa: S608 - only the constant is put in


def rarest_lexemes(text: str) -> list[str]:
    """The stemmed words of ``text`` that fewest lessons have (unknown to the statistics: rare)."""
    with connection.cursor() as cursor:
        cursor.execute(_RAREST_LEXEMES_SQL, [text, Lesson._meta.db_table, LOOKUP_WORDS])
        return [row[0] for row in cursor.fetchall()]


def _ranked_candidates(lessons, text: str):
    lexemes = rarest_lexemes(text)
    if not lexemes:
        return lessons.none()
    # Already stemmed: the "simple" configuration takes them as they are; ":A" is the lesson's own text.
    quoted = " | ".join(
        "'{}':A".format(lexeme.replace("'", "''").replace("\\", "\\\\")) for lexeme in lexemes
    )
    query = SearchQuery(quoted, search_type="raw", config="simple")
    return (
        lessons.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "id")
    )
