import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from reviews.markdown import render_markdown

register = template.Library()


@register.filter
def child_description(child):
    """“Alice, aged 6, serious harm (known to children's social care; child protection plan)”."""
    words = [child.pseudonym]
    if child.age_years is not None:
        words.append("aged under 1" if child.age_years == 0 else f"aged {child.age_years}")
    elif child.age_band == child.AgeBand.UNBORN:
        words.append("unborn")
    elif child.age_band:
        words.append(f"aged {child.get_age_band_display().lower()}")
    if child.outcome:
        words.append(child.outcome_detail or child.get_outcome_display().lower())
    known = [
        label
        for flag, label in [
            (child.known_to_social_care, "known to children's social care"),
            (child.child_in_need, "child in need plan"),
            (child.child_protection_plan, "child protection plan"),
            (child.looked_after, "looked after"),
        ]
        if flag
    ]
    text = ", ".join(words)
    return f"{text} ({'; '.join(known)})" if known else text


@register.filter
def pdf_size(size):
    """A file size as readers expect it: “212 KB”, “1.4 MB”."""
    if not size:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# Characters that can start Markdown or HTML syntax. A finding with none of them is one plain
# paragraph, which Markdown would print exactly as it stands.
MARKDOWN_SYNTAX = re.compile(r"[\\`*_\[\]()<>#&!|~\n\t]|^ {4}|^\s*([-+=]|\d+[.)])")


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


@register.filter
def address_line(address):
    """A postal address typed one line per row, printed on one line: “Town Hall, Bridge Street, …”."""
    return ", ".join(line.strip().rstrip(",") for line in address.splitlines() if line.strip())
