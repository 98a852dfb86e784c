"""A bulleted list pasted from Word or a PDF, split into one finding per bullet.

Word and PDF readers paste bullets as •, ·, ▪, o, -, *, numbers ("1.", "2)") or letters ("a)",
"(b)"), often followed by a tab; a line that does not start with a bullet continues the item
above it (a long bullet wrapped by the PDF reader). A list without any bullets gives one item
per paragraph (blank-line separated).
"""

import re

from django.db import transaction
from django.db.models import Max

# Word's own bullets arrive as private-use symbols (,  from the Symbol and Wingdings fonts).
BULLET = re.compile(
    r"""^\s*(?:
        [•·▪▫◦‣⁃●○■□►▶➢✓✔\-–—*\uf0a7\uf0b7\uf0d8\uf0fc]   # a bullet character
        | o(?=\s)                                     # Word's second-level "o"
        | \(?\d{1,3}[.)]                              # 1.  2)  (3)
        | \(?[a-zA-Z][.)](?=\s)                       # a)  b.  (c)
        | \(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)(?=\s)   # i)  (iv)
    )[\s\u00a0]*""",
    re.VERBOSE,
)
SPACES = re.compile(r"[ \t\u00a0]+")


def _tidy(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def pasted_items(text: str) -> list[str]:
    """The items of a pasted list, in order, without their bullets; empty items are dropped."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(BULLET.match(line) for line in lines if line.strip()):
        paragraphs = re.split(r"\n\s*\n", "\n".join(lines))
        return [item for item in (_tidy(" ".join(p.split("\n"))) for p in paragraphs) if item]
    items: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        bullet = BULLET.match(line)
        if bullet:
            items.append(_tidy(line[bullet.end() :]))
        elif items:
            items[-1] = _tidy(f"{items[-1]} {line}")
        else:
            items.append(_tidy(line))  # text before the first bullet: an item of its own
    return [item for item in items if item]


def findings_append(*, review, model, texts: list[str], **fields) -> list:
    """Add one finding per text after the review's existing ones of that kind, in order."""
    with transaction.atomic():
        top = model.objects.filter(review=review).aggregate(top=Max("order"))["top"] or 0
        added = []
        for step, text in enumerate(texts, start=1):
            finding = model(review=review, text=text, order=top + 10 * step, **fields)
            finding.full_clean()
            finding.save()
            added.append(finding)
    return added
