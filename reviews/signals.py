""" "Content changed": what follows from any write to a review or to what it prints.

* A review's ``updated_at`` stays honest. Editing a child, a finding or a review's themes or
  services does not save the review itself; these receivers raise it with a single UPDATE.
  Renaming or deleting a theme, service or owner group changes what is printed for every
  review that uses it, so those reviews are raised too. The fingerprints of kept PDFs
  (briefings) follow ``updated_at``; the content version of cached pages
  (reviews/caching.py) is raised with it, and when a review is saved or deleted.
* Findings' search vectors stay current (reviews/search.py) when a finding or its review is saved.

* The library's counts (reviews/models/counts.py) are taken again for the reviews concerned,
  in the same transaction as the content version is raised (``library_changed``).

Bulk writes (``QuerySet.update``, ``bulk_create``, ``delete``) on reviews and findings send no
signals: their querysets (reviews/querysets.py) do the same themselves. Connected once, in
``ReviewsConfig.ready``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from reviews.caching import library_changed, library_counts_forget
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
from reviews.models.counts import SERVICE, THEME
from reviews.search import FINDING_MODELS, finding_search_vectors_update


def touch(reviews, *, recount=True):
    reviews.touch(recount=recount)


def review_changed(sender, instance, raw=False, created=False, **kwargs):
    if not raw:
        # A review just created has nothing counted yet: its findings and tags come after it.
        library_changed([instance.pk], recount=not created)


def touch_reviews_using(entry):
    """Every review that prints this theme, service or owner group: renamed, nothing is counted anew."""
    if isinstance(entry, OwnerGroup):
        touch(Review.objects.filter(pk__in=entry.recommendations.values("review_id")), recount=False)
        return
    touch(Review.objects.filter(pk__in=entry.reviews.values("pk")), recount=False)
    touch(Review.objects.filter(pk__in=entry.lessons.values("review_id")), recount=False)


def list_entry_deleted(sender, instance, **kwargs):
    """A theme or service deleted: its tags went without signals, so the reviews counting it are recounted."""
    library_counts_forget(THEME if sender is Theme else SERVICE, instance.pk)


def finding_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.review_id:
        # Children are printed, never counted: the library's counts stay as they are.
        touch(Review.objects.filter(pk=instance.review_id), recount=sender is not Child)


def review_lists_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse and action == "pre_clear":  # theme.reviews.clear(), theme.lessons.clear()
        # After the clear nothing says which reviews had it: they are noted now.
        tagged = instance.lessons.values("review_id") if model is Lesson else instance.reviews.values("pk")
        instance._reviews_cleared = set(Review.objects.filter(pk__in=tagged).values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:  # review.themes.add(...) or lesson.services.remove(...)
        touch(Review.objects.filter(pk=instance.pk if isinstance(instance, Review) else instance.review_id))
    elif pk_set is None:  # cleared from the theme's or service's side
        touch(Review.objects.filter(pk__in=getattr(instance, "_reviews_cleared", ())))
    elif model is Review:  # theme.reviews.add(...)
        touch(Review.objects.filter(pk__in=pk_set))
    else:  # theme.lessons.add(...)
        touch(Review.objects.filter(pk__in=Lesson.objects.filter(pk__in=pk_set).values("review_id")))


def list_entry_changed(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    if created:
        # No review prints it yet, but the kept pages' lists of themes and services offer it.
        library_changed([], recount=False)
    else:
        touch_reviews_using(instance)


def finding_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        finding_search_vectors_update(models=[sender], ids=[instance.pk])


def review_saved(sender, instance, raw=False, created=False, **kwargs):
    # The review's title, why it matters and background are part of each of its findings' vectors.
    if not (raw or created):
        finding_search_vectors_update(review_ids=[instance.pk])


def connect():
    # A finding's vector first: the change is noted after it, and the search index, which may be
    # brought up to date as soon as the note commits (outside a transaction), reads the new vector.
    for model in FINDING_MODELS:
        post_save.connect(finding_saved, sender=model, dispatch_uid=f"reviews-{model.__name__}-search-vector")
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
    for model in (Theme, Service):
        post_delete.connect(
            list_entry_deleted, sender=model, dispatch_uid=f"reviews-{model.__name__}-recount"
        )
    post_save.connect(review_saved, sender=Review, dispatch_uid="reviews-review-search-vectors")
    post_save.connect(review_changed, sender=Review, dispatch_uid="reviews-review-version-save")
    post_delete.connect(review_changed, sender=Review, dispatch_uid="reviews-review-version-delete")
