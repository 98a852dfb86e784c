"""Markdown written by the board, as sanitised HTML in every page and PDF: ``{% load markdown %}``.

``markdown`` prints a text as blocks (paragraphs, lists): summaries, guidance, findings on
the site. ``finding_markdown`` prints a finding inside a list item or a table cell of a
newsletter or briefing, without the paragraph around a one-paragraph finding.
"""

import re
from functools import lru_cache

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from reviews.markdown import render_markdown

register = template.Library()

# Characters that can start Markdown or HTML syntax. A finding with none of them is one plain
# paragraph, which Markdown would print exactly as it stands.
MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]()<>#&!|~\n\t]|^ {4}|^\s*([-+=]|\d+[.)])")


@lru_cache(maxsize=5_000)
def _rendered(text):
    return render_markdown(text)


@register.filter
def markdown(text):
    """Markdown written by the board (findings, summaries, guidance) as sanitised HTML, remembered.

    Lists show the same lessons again and again; rendering is a pure function of the text,
    so a remembered result can never be stale.
    """
    return _rendered(text or "")


@register.filter
def finding_markdown(text):
    """A finding as Markdown, without the paragraph around a one-paragraph finding.

    Most findings are one plain sentence: those are escaped and printed without running the
    Markdown parser (a newsletter has a hundred of them). Leaving out the <p> inside each list
    item also halves the boxes WeasyPrint lays out.
    """
    if not MARKDOWN_SYNTAX.search(text):
        return conditional_escape(text.strip())
    html = str(render_markdown(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return mark_safe(html)  # noqa: S308 - render_markdown sanitised it with nh3
