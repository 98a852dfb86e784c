"""Template helpers that only briefings and newsletters print: a child in words, a PDF's size,
an address on one line. Markdown is the ``markdown`` library's (reviews/templatetags/markdown.py)."""

from django import template

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


@register.filter
def address_line(address):
    """A postal address typed one line per row, printed on one line: “Town Hall, Bridge Street, …”."""
    return ", ".join(line.strip().rstrip(",") for line in address.splitlines() if line.strip())
