"""Template helpers that only briefings and newsletters print: a child in words, a PDF's size,
an address on one line. Markdown is the ``markdown`` library's (reviews/templatetags/markdown.py)."""

from django import template

register = template.Library()


@register.filter
def child_description(child):
    """“Alice, 6: seriously harmed (known to children's social care; child protection plan)”:
    the child's label (``Child.label``, the same on every page), then what services knew."""
    text = child.label
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
