"""Kept PDFs: a public document is rendered once and then served from media storage.

A kept file's name contains a fingerprint of everything printed in it, so a kept PDF
is used only while its content is unchanged. The fingerprint costs two small queries:

* the newsletter's public reviews (through ``Review.objects.public()``) with their
  position and ``updated_at`` — the signals in briefings/signals.py bump a review's
  ``updated_at`` whenever one of its children, findings, themes or services changes,
  and a review that is withdrawn drops out of the list;
* the board profile's ``updated_at`` (name, logo, contact details, chair).

The newsletter's own ``updated_at`` and state come with the newsletter, and a hash of the
PDF templates and stylesheet (computed once per process) covers a change of layout.
Only documents made entirely of public content are kept: anything else is rendered
for each request and never written to storage.
"""

import functools
import hashlib
import importlib.metadata
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify

from briefings.documents import briefing_document, newsletter_document
from briefings.models import Newsletter
from briefings.pdf import render_pdf
from reviews.models import BoardProfile, Review
from reviews.reading import with_findings

logger = logging.getLogger(__name__)

NEWSLETTER_FOLDER = "briefings/newsletters"
BRIEFING_FOLDER = "briefings/reviews"


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
    base = Path(settings.BASE_DIR)
    files = [base / "static/css/pdf.css", *sorted((base / "templates/pdf").glob("*.html"))]
    files += sorted((base / "templates/briefings/parts").glob("*.html"))
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
        # Another request may have written the same rendering meanwhile; the content is identical.
        default_storage.save(name, ContentFile(content))
    owner = stem.split("-")[0]
    try:
        _, files = default_storage.listdir(folder)
    except FileNotFoundError:
        files = []
    for old in files:
        if old.startswith(f"{owner}-") and old != f"{stem}.pdf":
            default_storage.delete(f"{folder}/{old}")
    return name


def _open_kept(name: str):
    try:
        return default_storage.open(name, "rb")
    except (FileNotFoundError, OSError):
        return None


def newsletter_pdf(newsletter) -> PdfFile:
    """The newsletter's PDF: the kept file when it is still current, otherwise a fresh rendering.

    Only a published newsletter is kept; a draft is rendered afresh for each preview.
    """
    board = BoardProfile.current()
    filename = newsletter_filename(newsletter, board)
    if not newsletter.is_published:
        rendered = render_pdf("pdf/newsletter.html", newsletter_context(newsletter, board))
        return PdfFile(io.BytesIO(rendered.content), filename)

    fingerprint = newsletter_fingerprint(newsletter, board)
    if newsletter.pdf_fingerprint == fingerprint and newsletter.pdf_name:
        kept = _open_kept(newsletter.pdf_name)
        if kept:
            return PdfFile(kept, filename, fingerprint)
    newsletter_pdf_keep(newsletter=newsletter, fingerprint=fingerprint, board=board)
    return PdfFile(default_storage.open(newsletter.pdf_name, "rb"), filename, fingerprint)


def newsletter_context(newsletter, board) -> dict:
    return {
        "newsletter": newsletter,
        "document": newsletter_document(newsletter, board=board),
        "board": board,
    }


def newsletter_pdf_keep(*, newsletter, fingerprint: str | None = None, board=None) -> None:
    """Render a published newsletter and keep the file, recording its page count and size."""
    board = board or BoardProfile.current()
    fingerprint = fingerprint or newsletter_fingerprint(newsletter, board)
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


def review_briefing_pdf(review) -> PdfFile:
    """The 7-minute briefing PDF of a review the reader may see; kept when the review is public."""
    board = BoardProfile.current()
    filename = briefing_filename(review, board)
    if not review.is_public:
        return PdfFile(io.BytesIO(_render_briefing(review, board)), filename)
    fingerprint = _digest(layout_version(), review.pk, review.updated_at, _board_updated_at(board))
    name = f"{BRIEFING_FOLDER}/{review.pk}-{fingerprint}.pdf"
    kept = _open_kept(name)
    if not kept:
        _keep(BRIEFING_FOLDER, f"{review.pk}-{fingerprint}", _render_briefing(review, board))
        kept = default_storage.open(name, "rb")
    return PdfFile(kept, filename, fingerprint)


def _render_briefing(review, board) -> bytes:
    # Findings are fetched only when the briefing is really rendered, not for a kept download.
    review = with_findings(Review.objects.filter(pk=review.pk)).get()
    context = {"review": review, "document": briefing_document(review, board=board), "board": board}
    return render_pdf("pdf/briefing.html", context).content
