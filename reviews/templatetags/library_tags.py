"""Template helpers of the lessons library's pages."""

from functools import lru_cache

from django import template

from reviews.markdown import render_markdown

register = template.Library()


@lru_cache(maxsize=5_000)
def _rendered(text):
    return render_markdown(text)


@register.filter
def board_markdown(text):
    """Markdown written by the board (findings, summaries, guidance) as sanitised HTML, remembered.

    Lists show the same lessons again and again; rendering is a pure function of the text,
    so a remembered result can never be stale.
    """
    return _rendered(text or "")
