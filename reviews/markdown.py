"""Officers write summaries and lessons in Markdown; no entered HTML or script may reach a page.

Markdown is rendered first, then the HTML is passed through an allow-list sanitiser
(nh3, the Rust ammonia library), so raw HTML typed into a field is removed, not trusted.

The parser is markdown-it (CommonMark), whose time grows in proportion to the text whatever
it holds: thousands of unclosed ``[`` or ``*`` cost milliseconds, not minutes, so no text
an officer saves can hold a page or a PDF for long.

An HTML tag that would hide the text after it (an unclosed ``<style>``, ``<script>``,
``<math>``, a comment never ended...) is shown as text instead, so nothing an officer wrote
silently disappears; ``validate_markdown`` tells the officer before such text is saved.
"""

import html
import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.common.html_re import HTML_TAG_RE
from markdown_it.rules_inline import image, link

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "h3", "h4", "code",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# HTML parsers read everything after these as their raw content, up to the closing tag.
RAW_TEXT_TAGS = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
}  # fmt: skip
# The sanitiser drops these with everything inside them (or, for math and svg, reads what
# follows as formulas or drawings), so an unclosed one would take the rest of the text with it.
CONTENT_DROPPING_TAGS = {"template", "math", "svg", "desc", "annotation-xml", "mglyph", "malignmark"}
HIDING_TAGS = RAW_TEXT_TAGS | CONTENT_DROPPING_TAGS
TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
CLOSING_TAG = re.compile(r"</([a-z][a-z0-9-]*)(?=[\s/>])")
# Comments, processing instructions and declarations end with these; unended, they hide the rest.
ENDINGS = {"<!--": "-->", "<![CDATA[": "]]>", "<?": "?>", "<!": ">"}


def _needs_closing_bracket(rule):
    """A link or image rule that gives up at once on a "[" with no "]" anywhere after it.

    markdown-it would otherwise look for the end of a link label from every such bracket; the
    answer is always "none", but thousands of brackets make it the slowest part of a page.
    """

    def guarded(state, silent):
        if state.html_terminator_last("]") < state.pos:
            return False
        return rule(state, silent)

    return guarded


_parser = MarkdownIt("commonmark")  # raw HTML is let through to nh3, which removes what is not allowed
_parser.inline.ruler.at("link", _needs_closing_bracket(link))
_parser.inline.ruler.at("image", _needs_closing_bracket(image))
# markdown-it would print a link with an unsafe scheme as its bare source, "javascript:" and all;
# let it through as a link instead, and nh3 drops the address while keeping the words.
_parser.validateLink = lambda url: True


def render_markdown(text: str | None) -> SafeString:
    if not text:
        return mark_safe("")
    html, _ = _defused(_parser.render(text))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean.strip())  # noqa: S308 - sanitised by nh3 just above


def markdown_to_text(text: str | None) -> str:
    """Plain text of a Markdown field, for excerpts, titles and search documents."""
    return html.unescape(nh3.clean(str(render_markdown(text)), tags=set())).strip()


def hidden_text_tags(text: str | None) -> list[str]:
    """The HTML tags in ``text`` that would have hidden what follows them, so are shown as text."""
    if not text:
        return []
    _, shown_as_text = _defused(_parser.render(text))
    return shown_as_text


def validate_markdown(text: str) -> None:
    tags = hidden_text_tags(text)
    if tags:
        names = ", ".join(dict.fromkeys(tags))
        raise ValidationError(
            "HTML tags are not allowed and would be shown as text: %(tags)s. They are never closed, "
            "so they would hide the rest of the text. Remove them, or put them between `backticks`.",
            code="hiding_html",
            params={"tags": names},
        )


def _defused(rendered: str) -> tuple[str, list[str]]:
    """``rendered`` with every ``<`` that could hide the text after it escaped, and those tags.

    Markdown's own output escapes every ``<`` of the officer's words, so each raw ``<`` left is
    a tag markdown-it wrote or raw HTML the officer typed. One pass, left to right; where each
    closing tag or ending last occurs is found once, so the pass stays linear.
    """
    lower = rendered.lower()
    last_close = {match.group(1): match.start() for match in CLOSING_TAG.finditer(lower)}
    last_close.pop("plaintext", None)  # nothing ever ends it
    last_ending = {start: lower.rfind(end) for start, end in ENDINGS.items()}
    pieces, shown_as_text, done, position = [], [], 0, lower.find("<")
    while position != -1:
        end = _tag_end(rendered, lower, position, last_close, last_ending)
        if end is None:
            pieces += [rendered[done:position], "&lt;"]
            shown_as_text.append(_tag_label(rendered, position))
            done = end = position + 1
        position = lower.find("<", end)
    pieces.append(rendered[done:])
    return "".join(pieces), shown_as_text


def _tag_end(rendered, lower, position, last_close, last_ending):
    """Where the tag at ``position`` ends (after any raw content it owns), or None if it hides text."""
    for start in ENDINGS:
        if lower.startswith(start, position):
            if last_ending[start] <= position:
                return None
            break
    match = HTML_TAG_RE.match(rendered, position)
    if match is None:
        return None
    name = TAG_NAME.match(lower, position)
    if name is None or name.group(1) or name.group(2) not in HIDING_TAGS:
        return match.end()
    tag = name.group(2)
    if last_close.get(tag, -1) < position:
        return None
    if tag in RAW_TEXT_TAGS:  # its content is raw text up to the first closing tag: skip it
        closing = re.compile(rf"</{tag}(?=[\s/>])").search(lower, match.end())
        return closing.start() if closing else None
    return match.end()


def _tag_label(rendered, position):
    name = TAG_NAME.match(rendered, position)
    if name:
        return f"<{name.group(2).lower()}>"
    return next((start for start in ENDINGS if rendered.startswith(start, position)), "<")
