"""A lesson's "learnt before" matches follow its words: computed again whenever it is saved.

Deleting a lesson deletes its matches (and those naming it) by cascade. Bulk writes send no
signals: ``manage.py learnt_before_update`` computes every lesson's matches after them.
Connected once, in ``LearntBeforeConfig.ready``.
"""

from django.db.models.signals import post_save

from learnt_before.services import lesson_matches_refresh
from reviews.models import Lesson


def lesson_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "text" not in update_fields):
        return
    lesson_matches_refresh(lesson=instance)


def connect():
    post_save.connect(lesson_saved, sender=Lesson, dispatch_uid="learnt_before-lesson-save")
