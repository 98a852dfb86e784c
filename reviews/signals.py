""" "Content changed": what follows from any write to a review or to what it prints.

* A review's ``updated_at`` stays honest. Editing a child, a finding or a review's themes or
  services does not save the review itself; these receivers raise it with a single UPDATE.
  Renaming or deleting a theme, service or owner group changes what is printed for every
  review that uses it, so those reviews are raised too. The fingerprints of kept PDFs
  (briefings) follow ``updated_at``; the content version of cached pages
  (reviews/caching.py) is raised with it, and when a review is saved or deleted.
* Findings' search vectors stay current (reviews/search.py) when a finding or its review is saved.

Bulk writes (``QuerySet.update``, ``bulk_create``) send no signals: code that uses them on
published content must raise ``updated_at`` and the content version itself. Connected once,
in ``ReviewsConfig.ready``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from reviews.caching import content_version_raise
from reviews.models import (
    Child,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    Recommendation,
    Review,
    Service,
    Theme,
)
from reviews.search import FINDING_MODELS, finding_search_vectors_update


def touch(reviews):
    reviews.update(updated_at=timezone.now())
    content_version_raise()


def review_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        content_version_raise()


def touch_reviews_using(entry):
    """Every review that prints this theme, service or owner group."""
    if isinstance(entry, OwnerGroup):
        touch(Review.objects.filter(pk__in=entry.recommendations.values("review_id")))
        return
    touch(Review.objects.filter(pk__in=entry.reviews.values("pk")))
    touch(Review.objects.filter(pk__in=entry.lessons.values("review_id")))


def finding_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.review_id:
        touch(Review.objects.filter(pk=instance.review_id))


def review_lists_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:  # review.themes.add(...) or lesson.services.remove(...)
        touch(Review.objects.filter(pk=instance.pk if isinstance(instance, Review) else instance.review_id))
    elif pk_set is None:  # theme.reviews.clear()
        touch_reviews_using(instance)
    elif model is Review:  # theme.reviews.add(...)
        touch(Review.objects.filter(pk__in=pk_set))
    else:  # theme.lessons.add(...)
        touch(Review.objects.filter(pk__in=Lesson.objects.filter(pk__in=pk_set).values("review_id")))


def list_entry_changed(sender, instance, created=False, raw=False, **kwargs):
    if not raw and not created:
        touch_reviews_using(instance)


def finding_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        finding_search_vectors_update(models=[sender], ids=[instance.pk])


def review_saved(sender, instance, raw=False, created=False, **kwargs):
    # The review's title, why it matters and background are part of each of its findings' vectors.
    if not (raw or created):
        finding_search_vectors_update(review_ids=[instance.pk])


def connect():
    for model in (Child, KeyIssue, PositiveFactor, Lesson, Recommendation):
        name = model.__name__
        post_save.connect(finding_changed, sender=model, dispatch_uid=f"reviews-{name}-save")
        post_delete.connect(finding_changed, sender=model, dispatch_uid=f"reviews-{name}-delete")
    for through in (
        Review.themes.through,
        Review.services.through,
        Lesson.themes.through,
        Lesson.services.through,
    ):
        m2m_changed.connect(review_lists_changed, sender=through, dispatch_uid=f"reviews-{through.__name__}")
    for model in (Theme, Service, OwnerGroup):
        name = model.__name__
        post_save.connect(list_entry_changed, sender=model, dispatch_uid=f"reviews-{name}-rename")
        pre_delete.connect(list_entry_changed, sender=model, dispatch_uid=f"reviews-{name}-remove")
    for model in FINDING_MODELS:
        post_save.connect(finding_saved, sender=model, dispatch_uid=f"reviews-{model.__name__}-search-vector")
    post_save.connect(review_saved, sender=Review, dispatch_uid="reviews-review-search-vectors")
    post_save.connect(review_changed, sender=Review, dispatch_uid="reviews-review-version-save")
    post_delete.connect(review_changed, sender=Review, dispatch_uid="reviews-review-version-delete")
