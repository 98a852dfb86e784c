"""Background work: the "learnt before" matches of lessons written in bulk.

A workbook import writes thousands of lessons at once and sends no signals; computing each
lesson's matches takes tens of milliseconds, so they are computed after the import commits, by
``manage.py db_worker`` in production (at once in development and tests: the TASKS setting).
Until then the new lessons have no suggestions, which is what a page shows for any lesson
without a match.
"""

from django.tasks import task

BATCH = 200


@task
def lessons_matches_refresh(lesson_ids: list[int]) -> int:
    """Compute the matches of the lessons that still exist, and offer each to later reviews' lessons.

    A batch at a time (each lesson in a transaction of its own), so that a worker computing
    thousands of lessons never holds a long transaction. Returns how many were computed.
    """
    from learnt_before.services import lesson_matches_refresh
    from reviews.models import Lesson

    ids, done = sorted(set(lesson_ids)), 0
    for start in range(0, len(ids), BATCH):
        for lesson in Lesson.objects.filter(pk__in=ids[start : start + BATCH]).select_related("review"):
            lesson_matches_refresh(lesson=lesson)
            done += 1
    return done
