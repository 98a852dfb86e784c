"""Kept PDFs follow what they print.

Saving a newsletter, a review or the board profile queues, once the transaction has
committed, the renderings it makes stale, and deletes the kept files of whatever has left
public view (briefings/kept_pdfs.py). A change inside a review (a finding, a child, a theme)
raises the review's ``updated_at`` (reviews/signals.py), which changes the fingerprint of
every kept PDF that prints it. Connected once, in ``BriefingsConfig.ready``.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone

from briefings import kept_pdfs
from briefings.models import Newsletter
from reviews.models import BoardProfile, Review, Theme


def newsletter_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(kept_pdfs.newsletter_pdf_queue, newsletter=instance))


def newsletter_deleted(sender, instance, **kwargs):
    transaction.on_commit(partial(kept_pdfs.newsletter_pdf_forget, newsletter_id=instance.pk))


def review_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(partial(kept_pdfs.review_pdfs_queue, review_id=instance.pk))


def review_deleting(sender, instance, **kwargs):
    # Before the deletion takes the newsletters' items with it: they name the newsletters to redo.
    newsletter_ids = list(
        Newsletter.objects.published().filter(items__review=instance).values_list("pk", flat=True)
    )
    transaction.on_commit(
        partial(kept_pdfs.review_pdfs_queue, review_id=instance.pk, newsletter_ids=newsletter_ids)
    )


def theme_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # A theme's guidance is approved apart from the bulletins that print it: marking them changed
    # changes their kept PDFs' fingerprints, and their renderings are queued.
    printing = Newsletter.objects.filter(themes=instance)
    printing.update(updated_at=timezone.now())
    for newsletter in printing:
        transaction.on_commit(partial(kept_pdfs.newsletter_pdf_queue, newsletter=newsletter))


def board_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(kept_pdfs.board_pdfs_queue)


def connect():
    post_save.connect(newsletter_saved, sender=Newsletter, dispatch_uid="briefings-newsletter-pdf")
    post_delete.connect(newsletter_deleted, sender=Newsletter, dispatch_uid="briefings-newsletter-pdf-gone")
    post_save.connect(review_saved, sender=Review, dispatch_uid="briefings-review-pdfs")
    pre_delete.connect(review_deleting, sender=Review, dispatch_uid="briefings-review-pdfs-gone")
    post_save.connect(board_saved, sender=BoardProfile, dispatch_uid="briefings-board-pdfs")
    post_save.connect(theme_saved, sender=Theme, dispatch_uid="briefings-theme-pdfs")
