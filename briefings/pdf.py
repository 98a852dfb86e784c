"""Turning a briefing template into a tagged, printable PDF with WeasyPrint.

WeasyPrint is imported inside the functions, so the site still starts (and serves
everything but PDFs) on a machine where Pango is missing.

The PDF may read only the project's own static files and the board's logo: the URL
fetcher refuses ``file://``, remote and every other URL, so nothing typed into a
review can make the server read a file or call the network. Fonts are the machine's
(see static/css/pdf.css); nothing is downloaded.
"""

import functools
import io
import logging
import mimetypes
import ssl
from dataclasses import dataclass
from urllib.parse import unquote

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Made-up origins under the reserved .invalid domain: relative URLs in the templates resolve
# against them and the fetcher maps them to files. Nothing here is ever looked up on a network.
STATIC_BASE = "https://static.lscb.invalid/"
LOGO_URL = "https://board.lscb.invalid/logo"
LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}
LOGO_MAX_BYTES = 2 * 1024 * 1024

# PDF/UA-1: tagged structure, document title shown in the viewer's title bar, language set.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


@dataclass
class Logo:
    data: bytes
    content_type: str


@dataclass
class RenderedPdf:
    content: bytes
    pages: int


def board_logo(board) -> tuple[Logo | None, str]:
    """The board's logo as printable bytes, or None and the reason it cannot be printed."""
    if not board or not board.logo:
        return None, ""
    from PIL import Image, UnidentifiedImageError

    from reviews.logos import MAX_SIDE, LogoTooLarge, logo_size

    try:
        with board.logo.open("rb") as file:
            data = file.read(LOGO_MAX_BYTES + 1)
    except (OSError, ValueError):
        return None, "The board logo file is missing, so documents are printed without it."
    if len(data) > LOGO_MAX_BYTES:
        return None, "The board logo is larger than 2 MB, so documents are printed without it."
    try:
        # The size comes from the header; a logo stored before the pixel limit is never decoded.
        logo_size(io.BytesIO(data))
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            image_format = image.format
    except LogoTooLarge:
        return None, (
            f"The board logo is larger than {MAX_SIDE:,} × {MAX_SIDE:,} pixels, so documents are "
            "printed without it. Upload it again: it is then stored at the size a letterhead needs."
        )
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None, "The board logo is not a PNG or JPEG image, so documents are printed without it."
    if image_format not in LOGO_FORMATS:
        return None, "The board logo is not a PNG or JPEG image, so documents are printed without it."
    return Logo(data, LOGO_FORMATS[image_format]), ""


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectFilesFetcher(URLFetcher):
        """Reads the project's static files and the board logo; refuses every other URL."""

        def __init__(self, logo: Logo | None):
            # A bare TLS context: it is never used, and the default one loads the machine's
            # certificates, which costs more than fetching the stylesheet.
            super().__init__(allowed_protocols=(), ssl_context=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
            self.logo = logo

        def fetch(self, url, headers=None):
            if url == LOGO_URL and self.logo:
                return URLFetcherResponse(url, self.logo.data, {"Content-Type": self.logo.content_type})
            if url.startswith(STATIC_BASE):
                path = _static_path(unquote(url.removeprefix(STATIC_BASE).split("?")[0].split("#")[0]))
                if path:
                    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
                    with open(path, "rb") as file:
                        return URLFetcherResponse(url, file.read(), {"Content-Type": content_type})
            # WeasyPrint logs this and carries on without the resource.
            raise ValueError(f"Only the project's own static files may be used in a PDF, not {url!r}")

    return ProjectFilesFetcher


def _static_path(relative: str) -> str | None:
    if not relative or relative.startswith("/") or "\\" in relative:
        return None
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    return found if isinstance(found, str) else None


@functools.cache
def _stylesheet():
    # Parsed once per process, like a compiled template; reused by every rendering.
    from weasyprint import CSS

    path = _static_path("css/pdf.css")
    return CSS(
        filename=path,
        base_url=STATIC_BASE + "css/",
        url_fetcher=_fetcher_class()(None),
        font_config=_font_config(),
    )


@functools.cache
def _font_config():
    # One font configuration per process: building it scans the machine's fonts.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it needs (Pango) are not installed on this server."""


def require_weasyprint():
    """WeasyPrint's HTML class; raises PdfUnavailable when this server cannot make PDFs."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is missing
        raise PdfUnavailable(str(error)) from error
    return HTML


def render_pdf(template_name: str, context: dict) -> RenderedPdf:
    """Render a template under templates/pdf/ to a PDF."""
    HTML = require_weasyprint()  # noqa: N806 (a class)

    # A briefing's context carries the board in its document: every template may print it.
    board = context.get("board") or getattr(context.get("document"), "board", None)
    logo, _ = board_logo(board)
    html = render_to_string(template_name, {**context, "board": board, "logo_url": LOGO_URL if logo else ""})
    document = HTML(string=html, base_url=STATIC_BASE, url_fetcher=_fetcher_class()(logo)).render(
        stylesheets=[_stylesheet()], font_config=_font_config(), **PDF_OPTIONS
    )
    output = io.BytesIO()
    document.write_pdf(output, **PDF_OPTIONS)
    return RenderedPdf(content=output.getvalue(), pages=len(document.pages))


WARM_UP_HTML = (
    '<html lang="en-GB"><body><h1>Ready</h1><p><strong>Bold</strong> <em>italic</em></p>'
    '<ul class="ticks"><li>Tick</li></ul><ul><li>Bullet</li></ul></body></html>'
)


def warm_up() -> None:
    """Pay WeasyPrint's one-off costs now rather than in a reader's first download.

    Importing WeasyPrint, building the font configuration, parsing the stylesheet, loading
    the fonts and compiling the PDF templates take about as long as rendering a newsletter;
    a web worker does this once when it starts (see BriefingsConfig.ready).
    """
    from django.template.loader import get_template
    from weasyprint import HTML

    for name in ("pdf/newsletter.html", "pdf/briefing.html"):
        get_template(name)
    HTML(string=WARM_UP_HTML, base_url=STATIC_BASE, url_fetcher=_fetcher_class()(None)).write_pdf(
        stylesheets=[_stylesheet()], font_config=_font_config(), **PDF_OPTIONS
    )
