"""Officers write summaries and lessons in Markdown; no entered HTML or script may reach a page.

Markdown is rendered first, then the HTML is passed through an allow-list sanitiser
(nh3, the Rust ammonia library), so raw HTML typed into a field is removed, not trusted.
"""

import html

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "h3", "h4", "code",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str | None) -> SafeString:
    if not text:
        return mark_safe("")
    html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def markdown_to_text(text: str | None) -> str:
    """Plain text of a Markdown field, for excerpts, titles and search documents."""
    return html.unescape(nh3.clean(str(render_markdown(text)), tags=set())).strip()
