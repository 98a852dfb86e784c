"""Kept PDFs: a public document is rendered once, kept in media storage under a fingerprint of
what it prints, served from there, rendered again in the background when it goes stale, and
forgotten (its files deleted) when it leaves public view.

A kept file's name contains a fingerprint of everything printed in it, so a kept PDF
is used only while its content is unchanged. The fingerprint costs two small queries:

* the newsletter's public reviews (through ``Review.objects.public()``) with their
  position and ``updated_at`` — the receivers in reviews/signals.py raise a review's
  ``updated_at`` whenever one of its children, findings, themes or services changes,
  and a review that is withdrawn drops out of the list;
* the board profile's ``updated_at`` (name, logo, contact details, chair).

The newsletter's own ``updated_at`` and state come with the newsletter, and a hash of the
PDF templates and stylesheet (computed once per process) covers a change of layout.
Only documents made entirely of public content are kept: anything else is rendered
for each request and never written to storage (the 7-minute briefing is bounded to two
pages, see briefings/seven_minute.py, so such a rendering is short).

A kept PDF is rendered by the background worker (briefings/tasks.py), never in a reader's
request: a download that finds no current file queues the rendering and is asked to come
back in a minute. Saving a newsletter, a review or the board profile queues the renderings
it makes stale, so downloads usually find the file ready; a document that leaves public view
has its kept files deleted at once.
"""

import functools
import hashlib
import importlib.metadata
import io
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import TaskResultStatus
from django.utils.text import slugify

from briefings.annual_report import annual_report_fingerprint
from briefings.documents import briefing_document, newsletter_document
from briefings.models import Newsletter
from briefings.pdf import PdfUnavailable, render_pdf, require_weasyprint
from reviews.models import BoardProfile, Review
from reviews.reading import with_findings

logger = logging.getLogger(__name__)

NEWSLETTER_FOLDER = "briefings/newsletters"
BRIEFING_FOLDER = "briefings/reviews"
# A rendering is queued at most once in this time per document and fingerprint, however
# many readers ask for it; after that a reader's download may queue it again.
QUEUED_SECONDS = 120
# A 7-minute briefing fills at most two pages. The parts' budgets of words make sure of it for
# ordinary text; a layout they did not foresee (very many short items) is cut further.
BRIEFING_PAGES = 2
BRIEFING_SHORTENING = (1, 0.5, 0.25)


# A draft is rendered while the officer waits, so its preview is bounded: about 5 s per
# 100,000 characters were measured, and a four-page newsletter prints about 18,000.
PREVIEW_CHARACTERS = 60_000


class PreviewTooLong(Exception):
    """A draft too long to render while someone waits: its web version shows the same."""


class PdfPreparing(Exception):
    """The PDF is being rendered in the background: the reader is asked to try again shortly."""


@dataclass
class PdfFile:
    """A PDF ready to send: the kept file, or one rendered for this request only."""

    file: object
    filename: str
    fingerprint: str = ""  # set when the file is kept, so it can be an ETag

    @property
    def kept(self):
        return bool(self.fingerprint)


@functools.cache
def layout_version() -> str:
    """Changes whenever the PDF templates, the stylesheet or WeasyPrint itself change."""
    digest = hashlib.sha256(importlib.metadata.version("weasyprint").encode())
    digest.update(settings.SITE_URL.encode())  # printed in the briefings' links
    base = Path(settings.BASE_DIR)
    files = [base / "static/css/pdf.css", *sorted((base / "templates/pdf").glob("*.html"))]
    files += sorted((base / "templates/briefings/parts").glob("*.html"))
    files += sorted((base / "templates/insight").rglob("*.html"))  # the annual report's charts
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _board_updated_at(board=None):
    if board is not None:
        return board.updated_at
    return BoardProfile.objects.values_list("updated_at", flat=True).first()


def _digest(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def newsletter_fingerprint(newsletter, board=None) -> str:
    printed = list(
        newsletter.items.filter(review__in=Review.objects.public()).values_list(
            "review_id", "order", "review__updated_at"
        )
    )
    # An annual report prints whatever its period holds, not a list of reviews.
    if newsletter.kind == Newsletter.Kind.ANNUAL_REPORT and newsletter.period_start and newsletter.period_end:
        printed = annual_report_fingerprint(newsletter)
    # str(): the state is a plain string when loaded, an enum member just after a transition.
    return _digest(
        layout_version(),
        newsletter.pk,
        str(newsletter.state),
        newsletter.updated_at,
        _board_updated_at(board),
        printed,
    )


def _board_prefix(board) -> str:
    return slugify(board.short_name or board.name)[:40] or "board"


def newsletter_filename(newsletter, board) -> str:
    return f"{_board_prefix(board)}-{newsletter.slug}.pdf"


def briefing_filename(review, board) -> str:
    return f"{_board_prefix(board)}-7-minute-briefing-{review.slug}.pdf"


def _keep(folder: str, stem: str, content: bytes) -> str:
    """Write a rendering to storage and remove the renderings it replaces."""
    name = f"{folder}/{stem}.pdf"
    if not default_storage.exists(name):
        # Another worker may have written the same rendering meanwhile; the content is identical.
        default_storage.save(name, ContentFile(content))
    kept_pdfs_forget(folder=folder, owner_id=stem.split("-")[0], but=f"{stem}.pdf")
    return name


def kept_pdfs_forget(*, folder: str, owner_id, but: str = "") -> None:
    """Delete the kept renderings of one newsletter or review (all of them, or all but one)."""
    try:
        _, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        if name.startswith(f"{owner_id}-") and name != but:
            default_storage.delete(f"{folder}/{name}")


def _open_kept(name: str):
    try:
        return default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        return None


def newsletter_pdf(newsletter) -> PdfFile:
    """The newsletter's PDF: the kept file when it is current; raises PdfPreparing otherwise.

    Only a published newsletter is kept; a draft is rendered afresh for each preview.
    """
    board = BoardProfile.current()
    filename = newsletter_filename(newsletter, board)
    if not newsletter.is_published:
        context = newsletter_context(newsletter, board)
        if printed_characters(context["document"]) > PREVIEW_CHARACTERS:
            raise PreviewTooLong
        rendered = render_pdf("pdf/newsletter.html", context)
        return PdfFile(io.BytesIO(rendered.content), filename)

    fingerprint = newsletter_fingerprint(newsletter, board)
    if newsletter.pdf_fingerprint == fingerprint and newsletter.pdf_name:
        kept = _open_kept(newsletter.pdf_name)
        if kept:
            return PdfFile(kept, filename, fingerprint)
        # The record names a file the storage has lost (a restored database, a lost volume):
        # forget the record once, so that this rendering is queued even if one ran recently.
        Newsletter.objects.filter(pk=newsletter.pk).update(pdf_name="")
        cache.delete(_queued_key("newsletter", newsletter.pk, fingerprint))
    if _queue_rendering(newsletter_task(), "newsletter", newsletter.pk, fingerprint):
        # The task ran at once (development and tests): send what it kept.
        newsletter.refresh_from_db(fields=["pdf_name", "pdf_fingerprint", "pdf_pages", "pdf_size"])
        kept = newsletter.pdf_fingerprint == fingerprint and _open_kept(newsletter.pdf_name)
        if kept:
            return PdfFile(kept, filename, fingerprint)
    raise PdfPreparing


def printed_characters(document) -> int:
    """Roughly how much a newsletter prints: its own texts and its reviews' texts and findings."""
    newsletter = document.newsletter
    total = len(newsletter.introduction) + len(newsletter.closing_message)
    for section in document.sections:
        review = section.review
        total += len(review.summary) + len(review.why_it_matters)
        for findings in (review.keyissues, review.positivefactors, review.lessons, review.recommendations):
            total += sum(len(finding.text) for finding in findings.all())
    return total


def newsletter_context(newsletter, board) -> dict:
    return {
        "newsletter": newsletter,
        "document": newsletter_document(newsletter, board=board),
        "board": board,
    }


def newsletter_pdf_keep(*, newsletter, fingerprint: str | None = None, board=None) -> None:
    """Render a published newsletter and keep the file, recording its page count and size.

    Nothing is rendered when the file for this fingerprint is already kept.
    """
    board = board or BoardProfile.current()
    fingerprint = fingerprint or newsletter_fingerprint(newsletter, board)
    kept_name, kept_fingerprint = (
        Newsletter.objects.filter(pk=newsletter.pk).values_list("pdf_name", "pdf_fingerprint").get()
    )
    if kept_fingerprint == fingerprint and kept_name and default_storage.exists(kept_name):
        return
    rendered = render_pdf("pdf/newsletter.html", newsletter_context(newsletter, board))
    name = _keep(NEWSLETTER_FOLDER, f"{newsletter.pk}-{fingerprint}", rendered.content)
    fields = {
        "pdf_name": name,
        "pdf_fingerprint": fingerprint,
        "pdf_pages": rendered.pages,
        "pdf_size": len(rendered.content),
    }
    # .update(), not .save(): keeping a rendering is not an edit, so updated_at must not move.
    Newsletter.objects.filter(pk=newsletter.pk).update(**fields)
    for field, value in fields.items():
        setattr(newsletter, field, value)


def review_briefing_fingerprint(review, board=None) -> str:
    return _digest(layout_version(), review.pk, review.updated_at, _board_updated_at(board))


def _briefing_name(review, fingerprint: str) -> str:
    return f"{BRIEFING_FOLDER}/{review.pk}-{fingerprint}.pdf"


def review_briefing_pdf(review) -> PdfFile:
    """The 7-minute briefing PDF of a review the reader may see.

    A public review's briefing is the kept file (PdfPreparing while it is being rendered);
    any other review's is rendered for this request only.
    """
    board = BoardProfile.current()
    filename = briefing_filename(review, board)
    if not review.is_public:
        return PdfFile(io.BytesIO(_render_briefing(review, board)), filename)
    fingerprint = review_briefing_fingerprint(review, board)
    kept = _open_kept(_briefing_name(review, fingerprint))
    if not kept and _queue_rendering(review_briefing_task(), "review", review.pk, fingerprint):
        kept = _open_kept(_briefing_name(review, fingerprint))
    if not kept:
        raise PdfPreparing
    return PdfFile(kept, filename, fingerprint)


def _render_briefing(review, board) -> bytes:
    # Findings are fetched only when the briefing is really rendered, not for a kept download.
    review = with_findings(Review.objects.filter(pk=review.pk)).get()
    for shorten in BRIEFING_SHORTENING:
        context = {"review": review, "document": briefing_document(review, board=board, shorten=shorten)}
        rendered = render_pdf("pdf/briefing.html", context)
        if rendered.pages <= BRIEFING_PAGES:
            break
    return rendered.content


# Background renderings: queued by downloads and by the signals in briefings/signals.py.


def newsletter_task():
    from briefings.tasks import newsletter_pdf_render

    return newsletter_pdf_render


def review_briefing_task():
    from briefings.tasks import review_briefing_pdf_render

    return review_briefing_pdf_render


def _queued_key(kind: str, object_id: int, fingerprint: str) -> str:
    return f"briefings:pdf-queued:{kind}:{object_id}:{fingerprint}"


_deferred = ContextVar("renderings_deferred", default=False)


@contextmanager
def renderings_deferred():
    """Inside, no rendering is queued ahead: each PDF is made at its first download (a quick demo load)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def _render_ahead(task, kind: str, object_id: int, fingerprint: str) -> None:
    """Queue a rendering before anyone asks for it, after a write: not while renderings are
    deferred, nor on a server that cannot make PDFs (its downloads offer the web version)."""
    if _deferred.get():
        return
    try:
        _queue_rendering(task, kind, object_id, fingerprint)
    except PdfUnavailable:
        return


def _queue_rendering(task, kind: str, object_id: int, fingerprint: str) -> bool:
    """Queue a rendering once per document and fingerprint; True when it has already run.

    WeasyPrint is checked first, so a server without it answers that PDFs cannot be made
    rather than that one is being prepared.
    """
    require_weasyprint()
    key = _queued_key(kind, object_id, fingerprint)
    if not cache.add(key, True, QUEUED_SECONDS):
        return False
    result = task.enqueue(object_id)
    if result.status == TaskResultStatus.FAILED:
        cache.delete(key)  # the next download tries again
    return result.status == TaskResultStatus.SUCCESSFUL


def newsletter_pdf_ensure(*, newsletter_id: int) -> None:
    """Keep the current PDF of a published newsletter (the background task)."""
    newsletter = Newsletter.objects.published().filter(pk=newsletter_id).first()
    if newsletter is not None:
        newsletter_pdf_keep(newsletter=newsletter)


def review_briefing_pdf_ensure(*, review_id: int) -> None:
    """Keep the current 7-minute briefing PDF of a public review (the background task)."""
    review = Review.objects.public().filter(pk=review_id).first()
    if review is None:
        return
    board = BoardProfile.current()
    stem = f"{review.pk}-{review_briefing_fingerprint(review, board)}"
    if default_storage.exists(f"{BRIEFING_FOLDER}/{stem}.pdf"):
        return
    _keep(BRIEFING_FOLDER, stem, _render_briefing(review, board))


def newsletter_pdf_forget(*, newsletter_id: int) -> None:
    """Delete a newsletter's kept PDF: it is no longer published, or prints something that is not public."""
    kept_pdfs_forget(folder=NEWSLETTER_FOLDER, owner_id=newsletter_id)
    Newsletter.objects.filter(pk=newsletter_id).update(pdf_name="", pdf_fingerprint="")


def newsletter_pdf_queue(*, newsletter) -> None:
    """Bring a newsletter's kept PDF up to date in the background (when it is published or edited),
    or delete it when the newsletter is not published."""
    if not Newsletter.objects.published().filter(pk=newsletter.pk).exists():
        newsletter_pdf_forget(newsletter_id=newsletter.pk)
        return
    fresh = Newsletter.objects.get(pk=newsletter.pk)
    _render_ahead(newsletter_task(), "newsletter", fresh.pk, newsletter_fingerprint(fresh))


def review_pdfs_queue(*, review_id: int, newsletter_ids=None) -> None:
    """After a review changed: render its briefing and the newsletters printing it again, or,
    when it has left public view, delete its briefing and those newsletters' kept files."""
    review = Review.objects.public().filter(pk=review_id).first()
    if newsletter_ids is None:
        newsletter_ids = (
            Newsletter.objects.published().filter(items__review_id=review_id).values_list("pk", flat=True)
        )
    # An annual report prints every public review of its period, and its figures count them all.
    newsletter_ids = [*newsletter_ids, *annual_reports_published()]
    if review is None:
        kept_pdfs_forget(folder=BRIEFING_FOLDER, owner_id=review_id)
    else:
        fingerprint = review_briefing_fingerprint(review)
        _render_ahead(review_briefing_task(), "review", review.pk, fingerprint)
    for newsletter in Newsletter.objects.filter(pk__in=list(newsletter_ids)):
        if review is None and _may_have_printed(newsletter, review_id):
            newsletter_pdf_forget(newsletter_id=newsletter.pk)  # it printed the review
        newsletter_pdf_queue(newsletter=newsletter)


def _may_have_printed(newsletter, review_id) -> bool:
    """Whether a kept file of ``newsletter`` may print the review: an annual report prints those
    published in its period (a withdrawn review keeps its date; a deleted one is gone, so say yes)."""
    if newsletter.kind != Newsletter.Kind.ANNUAL_REPORT:
        return True
    published_on = Review.objects.filter(pk=review_id).values_list("published_on", flat=True).first()
    return published_on is None or newsletter.period_start <= published_on <= newsletter.period_end


def annual_reports_published() -> list[int]:
    return list(
        Newsletter.objects.published().filter(kind=Newsletter.Kind.ANNUAL_REPORT).values_list("pk", flat=True)
    )


def board_pdfs_queue() -> None:
    """The board's name, logo and contact details are on every PDF: render the newsletters again.

    Briefings are rendered again when next downloaded.
    """
    for newsletter in Newsletter.objects.published():
        newsletter_pdf_queue(newsletter=newsletter)
