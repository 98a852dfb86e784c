"""Kept PDFs of what is no longer public are deleted from storage, not only left unserved."""

import pytest

from briefings import kept_pdfs as keeping
from briefings.models import Newsletter
from reviews.models import Review
from tests.briefings.conftest import refreshed
from tests.briefings.pdfs import pdf_of
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def kept(media_root, folder):
    return sorted(path.name for path in (media_root / folder).glob("*.pdf"))


def test_a_withdrawn_reviews_kept_briefing_is_deleted(
    client, board, media_root, django_capture_on_commit_callbacks
):
    review = ReviewFactory()
    pdf_of(client.get(f"/reviews/{review.slug}/briefing.pdf"))
    assert len(kept(media_root, keeping.BRIEFING_FOLDER)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        review.state = Review.State.WITHDRAWN
        review.save()
    assert kept(media_root, keeping.BRIEFING_FOLDER) == []


def test_a_deleted_reviews_kept_briefing_is_deleted(
    client, board, media_root, django_capture_on_commit_callbacks
):
    review = ReviewFactory()
    pdf_of(client.get(f"/reviews/{review.slug}/briefing.pdf"))
    with django_capture_on_commit_callbacks(execute=True):
        review.delete()
    assert kept(media_root, keeping.BRIEFING_FOLDER) == []


def test_a_newsletter_printing_a_withdrawn_review_loses_its_kept_file(
    client, published_newsletter, media_root, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    old = kept(media_root, keeping.NEWSLETTER_FOLDER)
    assert len(old) == 1
    review = Review.objects.filter(newsletter_items__newsletter=published_newsletter).first()
    with django_capture_on_commit_callbacks(execute=True):
        review.state = Review.State.WITHDRAWN
        review.save()
    assert kept(media_root, keeping.NEWSLETTER_FOLDER) == []  # the file printed the withdrawn review
    assert refreshed(published_newsletter).pdf_name == ""


def test_a_withdrawn_newsletters_kept_pdf_is_deleted(
    published_newsletter, media_root, django_capture_on_commit_callbacks
):
    assert len(kept(media_root, keeping.NEWSLETTER_FOLDER)) == 1
    newsletter = refreshed(published_newsletter)
    with django_capture_on_commit_callbacks(execute=True):
        newsletter.state = Newsletter.State.WITHDRAWN
        newsletter.save()
    assert kept(media_root, keeping.NEWSLETTER_FOLDER) == []


def test_a_new_briefing_rendering_replaces_the_old_file(client, board, media_root):
    review = ReviewFactory()
    pdf_of(client.get(f"/reviews/{review.slug}/briefing.pdf"))
    first = kept(media_root, keeping.BRIEFING_FOLDER)
    review.summary = "Changed."
    review.save()
    pdf_of(client.get(f"/reviews/{review.slug}/briefing.pdf"))
    second = kept(media_root, keeping.BRIEFING_FOLDER)
    assert len(second) == 1 and second != first
