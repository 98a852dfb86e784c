"""Writes of "learnt before": the matches of a lesson, kept current when lessons are saved."""

import logging
from collections import Counter, defaultdict

from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone

from learnt_before.matching import Found, alike_lessons, best_per_review
from learnt_before.models import EVERY_LESSON_ROW, WORDS_PER_QUERY, LessonMatch, WordCount
from learnt_before.words import significant_words
from reviews.models import Lesson

MATCHES_KEPT = 3

logger = logging.getLogger(__name__)


def lesson_matches_update(*, lesson: Lesson) -> list[LessonMatch]:
    """Compute again which earlier lessons of other reviews say what ``lesson`` says.

    Keeps the best ``MATCHES_KEPT`` above the threshold, one per earlier review. Dismissed
    matches stay dismissed: they are kept, and their earlier lesson is never suggested again.
    """
    found = alike_lessons(text=lesson.text, review=lesson.review)
    with transaction.atomic():
        matches = LessonMatch.objects.filter(lesson=lesson)
        dismissed = set(matches.exclude(dismissed_at=None).values_list("earlier_id", flat=True))
        matches.filter(dismissed_at=None).delete()
        best = best_per_review(found, leave_out=dismissed, kept=MATCHES_KEPT)
        return LessonMatch.objects.bulk_create(
            LessonMatch(lesson=lesson, earlier_id=f.lesson_id, score=f.score, computed_at=timezone.now())
            for f in best
        )


def learnt_again_update(*, lesson: Lesson) -> int:
    """Offer ``lesson`` to the lessons of later reviews that say the same; returns how many took it.

    A historic review entered after later ones is still found by them. A later lesson keeps its
    best ``MATCHES_KEPT``: ``lesson`` replaces its weakest when it is more alike.
    """
    found = {f.lesson_id: f for f in alike_lessons(text=lesson.text, review=lesson.review, later=True)}
    now = timezone.now()
    with transaction.atomic():
        # Scored against the lesson's old words: scored again below, or dropped.
        LessonMatch.objects.filter(earlier=lesson, dismissed_at=None).delete()
        if not found:
            return 0
        current = defaultdict(list)
        dismissed = defaultdict(set)
        rows = list(
            LessonMatch.objects.filter(lesson_id__in=found)
            .order_by()
            .values_list("pk", "lesson_id", "earlier_id", "score", "dismissed_at")
        )
        # Looked up by number rather than joined: a join may read every lesson.
        earlier_ids = {row[2] for row in rows}
        review_of = dict(Lesson.objects.filter(pk__in=earlier_ids).values_list("pk", "review_id"))
        for pk, later_id, earlier_id, score, dismissed_at in rows:
            if dismissed_at is not None:
                dismissed[later_id].add(earlier_id)
            else:
                current[later_id].append((pk, Found(earlier_id, review_of[earlier_id], score)))
        added, dropped = [], []
        for later_id, match in found.items():
            if lesson.pk in dismissed[later_id]:
                continue
            mine = Found(lesson.pk, lesson.review_id, match.score)
            kept = best_per_review(
                [mine, *(f for _, f in current[later_id])], leave_out=dismissed[later_id], kept=MATCHES_KEPT
            )
            kept_ids = {f.lesson_id for f in kept}
            if lesson.pk in kept_ids:
                added.append(
                    LessonMatch(lesson_id=later_id, earlier=lesson, score=match.score, computed_at=now)
                )
            dropped += [pk for pk, f in current[later_id] if f.lesson_id not in kept_ids]
        LessonMatch.objects.filter(pk__in=dropped).delete()
        LessonMatch.objects.bulk_create(added)
    return len(added)


def word_counts_update(*, before: str | None, after: str | None) -> None:
    """Count a lesson's words again when its text changes from ``before`` to ``after``.

    ``before`` is None for a new lesson, ``after`` for a deleted one: the lessons' own count
    (``EVERY_LESSON_ROW``) changes too. Only the words that came or went are written, each by
    adding or taking one in the database, so two officers saving at once both count.
    """
    old = set() if before is None else set(significant_words(before))
    new = set() if after is None else set(significant_words(after))
    came, went = new - old, old - new
    if before is None:
        came.add(EVERY_LESSON_ROW)
    if after is None:
        went.add(EVERY_LESSON_ROW)
    if came:
        WordCount.objects.bulk_create([WordCount(word=word) for word in sorted(came)], ignore_conflicts=True)
        WordCount.objects.filter(word__in=came).update(lessons=F("lessons") + 1)
    if went:
        WordCount.objects.filter(word__in=went, lessons__gt=0).update(lessons=F("lessons") - 1)


def word_counts_add(*, texts) -> int:
    """Count the words of lessons written in bulk (which sends no signals), before computing their matches.

    One update per distinct increase, not per lesson: thousands of lessons take a few queries.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(significant_words(text))
        counts[EVERY_LESSON_ROW] += 1
    by_increase = defaultdict(list)
    for word, n in counts.items():
        by_increase[n].append(word)
    with transaction.atomic():
        WordCount.objects.bulk_create(
            [WordCount(word=word) for word in sorted(counts)], ignore_conflicts=True
        )
        for n, words in sorted(by_increase.items()):
            for start in range(0, len(words), WORDS_PER_QUERY):
                chunk = words[start : start + WORDS_PER_QUERY]
                WordCount.objects.filter(word__in=chunk).update(lessons=F("lessons") + n)
    return counts[EVERY_LESSON_ROW]


def word_counts_rebuild(*, lessons=None, batch_size: int = 2000) -> int:
    """Count every lesson's words from scratch; returns how many lessons were counted."""
    counts: Counter[str] = Counter()
    texts = (
        (lessons if lessons is not None else Lesson.objects.all()).order_by().values_list("text", flat=True)
    )
    total = 0
    for text in texts.iterator(chunk_size=batch_size):
        counts.update(significant_words(text))
        total += 1
    counts[EVERY_LESSON_ROW] = total
    with transaction.atomic():
        WordCount.objects.all().delete()
        WordCount.objects.bulk_create(
            (WordCount(word=word, lessons=n) for word, n in sorted(counts.items())), batch_size=batch_size
        )
    return total


def lesson_text_saved(*, lesson: Lesson, text_before: str | None) -> None:
    """After a lesson is saved with ``text_before`` (None: new): its words counted, its matches refreshed."""
    try:
        with transaction.atomic():
            if text_before != lesson.text:
                word_counts_update(before=text_before, after=lesson.text)
    except DatabaseError:
        logger.exception("Learnt before: the words of lesson %s could not be counted", lesson.pk)
    lesson_matches_refresh(lesson=lesson)


def lesson_deleted(*, text: str) -> None:
    try:
        with transaction.atomic():
            word_counts_update(before=text, after=None)
    except DatabaseError:
        logger.exception("Learnt before: the words of a deleted lesson could not be uncounted")


def lesson_matches_refresh(*, lesson: Lesson) -> None:
    """After a lesson is saved: its own matches, and its place among later lessons' matches.

    Suggestions are a help, never a condition of saving: a database error here is logged and
    the officer's save goes ahead.
    """
    try:
        with transaction.atomic():
            lesson_matches_update(lesson=lesson)
            learnt_again_update(lesson=lesson)
    except DatabaseError:
        logger.exception("Learnt before: the matches of lesson %s could not be computed", lesson.pk)


def lesson_match_dismiss(*, match: LessonMatch, by) -> LessonMatch:
    """Mark a suggestion as wrong: it is no longer shown, and computing again never brings it back."""
    if match.dismissed_at is None:
        match.dismissed_by = by
        match.dismissed_at = timezone.now()
        match.full_clean()
        match.save(update_fields=["dismissed_by", "dismissed_at"])
    return match


def lesson_matches_update_all(*, lessons=None, batch_size: int = 500, progress=None) -> int:
    """Compute the matches of every lesson (or of ``lessons``), ``batch_size`` lessons per transaction.

    Each lesson looks only for earlier ones, so doing every lesson also finds every "learnt again".
    ``progress`` is called with 1 after each lesson.
    """
    lessons = (lessons if lessons is not None else Lesson.objects.all()).select_related("review")
    done, last = 0, 0
    while True:
        batch = list(lessons.filter(pk__gt=last).order_by("pk")[:batch_size])
        if not batch:
            return done
        with transaction.atomic():
            for lesson in batch:
                lesson_matches_update(lesson=lesson)
                if progress:
                    progress(1)
        done += len(batch)
        last = batch[-1].pk
