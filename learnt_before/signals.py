"""A lesson's "learnt before" matches follow its words and its review's date.

* Saving a lesson computes its matches again, and offers it to lessons of later reviews.
* Changing a review's date (completed, else published, else commissioned) changes what is
  earlier than its lessons: their matches are computed again.

Deleting a lesson deletes its matches (and those naming it) by cascade. Bulk writes send no
signals: ``manage.py learnt_before_update`` computes every lesson's matches after them.
Connected once, in ``LearntBeforeConfig.ready``.
"""

from django.db.models.signals import post_save, pre_save

from learnt_before.matching import review_date
from learnt_before.services import lesson_matches_refresh
from reviews.models import Lesson, Review

DATE_FIELDS = ["completed_on", "published_on", "commissioned_on", "created_at"]


def lesson_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "text" not in update_fields):
        return
    lesson_matches_refresh(lesson=instance)


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
    post_save.connect(lesson_saved, sender=Lesson, dispatch_uid="learnt_before-lesson-save")
    pre_save.connect(review_saving, sender=Review, dispatch_uid="learnt_before-review-date-before")
    post_save.connect(review_saved, sender=Review, dispatch_uid="learnt_before-review-date-after")
