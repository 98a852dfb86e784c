"""A lesson's "learnt before" matches follow its words and its review's date.

* Saving a lesson counts its words again (how rare each word is weighs in every score),
  computes its matches again, and offers it to lessons of later reviews.
* Deleting a lesson takes its words off the counts.
* Changing a review's date (completed, else published, else commissioned) changes what is
  earlier than its lessons: their matches are computed again.

Deleting a lesson deletes its matches (and those naming it) by cascade. Bulk writes send no
signals: ``manage.py learnt_before_update`` counts every lesson's words and computes every
lesson's matches after them.
Connected once, in ``LearntBeforeConfig.ready``.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from learnt_before.matching import review_date
from learnt_before.services import lesson_deleted, lesson_matches_refresh, lesson_text_saved
from reviews.models import Lesson, Review

DATE_FIELDS = ["completed_on", "published_on", "commissioned_on", "created_at"]


def _text_is_saved(raw, update_fields) -> bool:
    return not raw and (update_fields is None or "text" in update_fields)


def lesson_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    if not _text_is_saved(raw, update_fields) or instance.pk is None:
        return
    # The words it had, to count only those that change.
    instance._learnt_before_text = (
        Lesson.objects.filter(pk=instance.pk).values_list("text", flat=True).first()
    )


def lesson_saved(sender, instance, raw=False, update_fields=None, created=False, **kwargs):
    if not _text_is_saved(raw, update_fields):
        return
    text_before = None if created else getattr(instance, "_learnt_before_text", None)
    lesson_text_saved(lesson=instance, text_before=text_before)


def lesson_removed(sender, instance, **kwargs):
    lesson_deleted(text=instance.text)


def review_saving(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = Review.objects.filter(pk=instance.pk).values(*DATE_FIELDS).first()
    instance._learnt_before_date = review_date(Review(**before)) if before else None


def review_saved(sender, instance, raw=False, created=False, **kwargs):
    before = getattr(instance, "_learnt_before_date", None)
    if raw or created or before is None or before == review_date(instance):
        return
    for lesson in instance.lessons.select_related("review"):
        lesson_matches_refresh(lesson=lesson)


def connect():
    pre_save.connect(lesson_saving, sender=Lesson, dispatch_uid="learnt_before-lesson-text-before")
    post_save.connect(lesson_saved, sender=Lesson, dispatch_uid="learnt_before-lesson-save")
    post_delete.connect(lesson_removed, sender=Lesson, dispatch_uid="learnt_before-lesson-delete")
    pre_save.connect(review_saving, sender=Review, dispatch_uid="learnt_before-review-date-before")
    post_save.connect(review_saved, sender=Review, dispatch_uid="learnt_before-review-date-after")
