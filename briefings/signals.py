"""Keep a review's ``updated_at`` honest, so kept PDFs (briefings/keeping.py) know when to render again.

Editing a child, a finding or a review's themes or services does not save the review
itself; these receivers bump the review with a single UPDATE. Renaming or deleting a
theme, service or owner group changes what is printed for every review that uses it, so
those reviews are bumped too. Bulk writes (``QuerySet.update``, ``bulk_create``) send no
signals: code that uses them on published content must bump ``updated_at`` itself.

Saving a newsletter, a review or the board profile also queues, once the transaction has
committed, the renderings it makes stale, and deletes the kept files of whatever has left
public view (briefings/keeping.py).
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from briefings import keeping
from briefings.models import Newsletter
from reviews.models import (
    BoardProfile,
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


def touch(reviews):
    reviews.update(updated_at=timezone.now())


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


def newsletter_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(keeping.newsletter_pdf_queue, newsletter=instance))


def newsletter_deleted(sender, instance, **kwargs):
    transaction.on_commit(partial(keeping.newsletter_pdf_forget, newsletter_id=instance.pk))


def review_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(keeping.review_pdfs_queue, review_id=instance.pk))


def review_deleting(sender, instance, **kwargs):
    # Before the deletion takes the newsletters' items with it: they name the newsletters to redo.
    newsletter_ids = list(
        Newsletter.objects.published().filter(items__review=instance).values_list("pk", flat=True)
    )
    transaction.on_commit(
        partial(keeping.review_pdfs_queue, review_id=instance.pk, newsletter_ids=newsletter_ids)
    )


def board_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(keeping.board_pdfs_queue)


def connect():
    for model in (Child, KeyIssue, PositiveFactor, Lesson, Recommendation):
        name = model.__name__
        post_save.connect(finding_changed, sender=model, dispatch_uid=f"briefings-{name}-save")
        post_delete.connect(finding_changed, sender=model, dispatch_uid=f"briefings-{name}-delete")
    for through in (
        Review.themes.through,
        Review.services.through,
        Lesson.themes.through,
        Lesson.services.through,
    ):
        m2m_changed.connect(
            review_lists_changed, sender=through, dispatch_uid=f"briefings-{through.__name__}"
        )
    for model in (Theme, Service, OwnerGroup):
        name = model.__name__
        post_save.connect(list_entry_changed, sender=model, dispatch_uid=f"briefings-{name}-rename")
        pre_delete.connect(list_entry_changed, sender=model, dispatch_uid=f"briefings-{name}-remove")
    post_save.connect(newsletter_saved, sender=Newsletter, dispatch_uid="briefings-newsletter-pdf")
    post_delete.connect(newsletter_deleted, sender=Newsletter, dispatch_uid="briefings-newsletter-pdf-gone")
    post_save.connect(review_saved, sender=Review, dispatch_uid="briefings-review-pdfs")
    pre_delete.connect(review_deleting, sender=Review, dispatch_uid="briefings-review-pdfs-gone")
    post_save.connect(board_saved, sender=BoardProfile, dispatch_uid="briefings-board-pdfs")
