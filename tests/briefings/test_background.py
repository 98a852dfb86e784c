"""Public PDFs are rendered by the background worker, never in a reader's request."""

import pytest
from django.core.cache import cache
from django.tasks import default_task_backend
from django.test import TestCase

from briefings import kept_pdfs as keeping
from briefings.pdf import PdfUnavailable
from briefings.tasks import newsletter_pdf_render, review_briefing_pdf_render
from tests.briefings.conftest import refreshed
from tests.briefings.pdfs import pdf_of
from tests.factories import LessonFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_queue(settings):
    """Tasks wait in a queue, as they wait for ``manage.py db_worker`` in production."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    cache.clear()
    yield default_task_backend
    cache.clear()


@pytest.fixture
def renders(monkeypatch):
    calls = []
    real = keeping.render_pdf

    def counting(template_name, context):
        calls.append(template_name)
        return real(template_name, context)

    monkeypatch.setattr(keeping, "render_pdf", counting)
    return calls


def run_queue(backend):
    for result in backend.results:
        result.task.call(*result.args, **result.kwargs)
    backend.clear()


def assert_asked_to_come_back(response, web_version_url):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "The PDF is being prepared; try again in a minute, or read the web version" in response.text
    assert f'href="{web_version_url}"' in response.text


def test_a_newsletter_pdf_not_yet_kept_is_rendered_by_the_worker_not_in_the_request(
    client, published_newsletter, media_root, worker_queue, renders
):
    for path in media_root.rglob("*.pdf"):
        path.unlink()
    response = client.get(published_newsletter.get_pdf_url())
    assert_asked_to_come_back(response, published_newsletter.get_absolute_url())
    assert renders == []
    assert [r.task for r in worker_queue.results] == [newsletter_pdf_render]

    run_queue(worker_queue)
    assert renders == ["pdf/newsletter.html"]
    assert "Learning from local case reviews" in pdf_of(client.get(published_newsletter.get_pdf_url())).text


def test_a_public_briefing_is_rendered_by_the_worker_not_in_the_request(
    client, board, media_root, worker_queue, renders
):
    review = ReviewFactory()
    LessonFactory(review=review, text="There is a need to render this in the background.")
    url = f"/reviews/{review.slug}/briefing.pdf"
    assert_asked_to_come_back(client.get(url), review.get_absolute_url())
    assert renders == []
    assert [r.task for r in worker_queue.results] == [review_briefing_pdf_render]

    run_queue(worker_queue)
    assert "render this in the background" in pdf_of(client.get(url)).text
    assert renders == ["pdf/briefing.html"]


def test_many_downloads_queue_one_rendering(client, board, worker_queue):
    review = ReviewFactory()
    for _ in range(5):
        assert client.get(f"/reviews/{review.slug}/briefing.pdf").status_code == 503
    assert len(worker_queue.results) == 1


def test_editing_a_published_newsletter_queues_its_pdf_so_downloads_find_it_ready(
    client, published_newsletter, worker_queue, renders, django_capture_on_commit_callbacks
):
    newsletter = refreshed(published_newsletter)
    with django_capture_on_commit_callbacks(execute=True):
        newsletter.introduction = "A corrected introduction."
        newsletter.save()
    assert [r.task for r in worker_queue.results] == [newsletter_pdf_render]
    assert renders == []  # not in the request that saved it
    run_queue(worker_queue)
    assert "A corrected introduction." in pdf_of(client.get(newsletter.get_pdf_url())).text


def test_editing_a_public_review_queues_its_briefing(board, worker_queue, django_capture_on_commit_callbacks):
    review = ReviewFactory()
    with django_capture_on_commit_callbacks(execute=True):
        review.summary = "A corrected summary."
        review.save()
    assert [r.task for r in worker_queue.results] == [review_briefing_pdf_render]


def test_a_draft_too_long_to_render_while_waiting_points_to_its_web_version(editor_client, board, renders):
    from briefings.services import newsletter_create

    review = ReviewFactory()
    for _ in range(20):
        LessonFactory(review=review, text=("There is a need to share information. " * 120)[:4000])
    newsletter, _ = newsletter_create(
        data={"slug": "long-draft", "title": "Long draft", "issue_date": "2024-05-01"},
        review_references=[review.reference],
    )
    response = editor_client.get(newsletter.get_pdf_url())
    assert response.status_code == 503
    assert "This draft is too long to preview as a PDF" in response.text
    assert f'href="{newsletter.get_absolute_url()}"' in response.text
    assert renders == []


def test_a_server_that_cannot_make_pdfs_still_saves_a_published_review_and_a_newsletter(
    published_newsletter, monkeypatch
):
    def missing():
        raise PdfUnavailable("Pango's shared library is missing")

    monkeypatch.setattr(keeping, "require_weasyprint", missing)
    review = published_newsletter.items.first().review
    with TestCase.captureOnCommitCallbacks(execute=True) as queued:
        review.title = "Renamed with no PDFs to make"
        review.save()
        published_newsletter.introduction = "Edited with no PDFs to make."
        published_newsletter.save()
    assert queued  # the renderings were asked for, and passed over without an error
    assert refreshed(published_newsletter).introduction == "Edited with no PDFs to make."
