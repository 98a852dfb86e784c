"""A 7-minute briefing of one review: seven short numbered parts and questions for a team.

The web page (/reviews/<slug>/briefing/) and the PDF (/reviews/<slug>/briefing.pdf)
are both drawn from ``seven_minute_briefing``, so they never say different things.

A printed briefing (and a briefing inside a newsletter) is read in seven minutes and fills
at most two pages, whatever the review holds: each part has a budget of words, and a part
that says more is cut at a sentence (or word) boundary and points to the full review on the
site. The briefing's own web page, which has no pages to fill, may show everything.
"""

import dataclasses
import re
from dataclasses import dataclass, field

from django.conf import settings

from reviews.reading import PracticeArea, in_child_order, recommendations_by_owner

# Words per part that fill two A4 pages with the heading and the team questions (measured
# with long reviews: see tests/briefings/test_shortened.py). A list item also costs its
# bullet and spacing, counted as ITEM_WORDS; a very long "word" (an address) counts by length.
PART_WORDS = {1: 170, 2: 90, 3: 140, 4: 100, 5: 160, 6: 140, 7: 60}
ITEM_WORDS = 5
CHARS_PER_WORD = 7
# In the practice table, findings line up by area and leave gaps: they are given less room.
IN_TABLE = 0.5
SMALLEST_CUT = 12  # fewer words left than this: the item is left out rather than cut to a stub

GENERAL_ADVICE = "Read the lessons with your team and agree what you will change."

TEAM_QUESTIONS = [
    "What are your key reflections from this review?",
    "Could this happen here? What would we have done differently?",
    "How will the learning be embedded in our practice, and how will we know?",
    "What goes into our team plan, and who will do it by when?",
]


@dataclass
class BriefingPart:
    number: int
    title: str
    text: str = ""  # Markdown written by the board
    items: list = field(default_factory=list)  # findings, shown as a list
    groups: list = field(default_factory=list)  # recommendations by owner group
    empty_message: str = ""
    ticked: bool = False  # printed as a tick list (what went well)
    continued: bool = False  # cut to its budget: the rest is in the full review
    left_out: int = 0  # items not printed at all
    in_table: bool = False  # printed with its neighbour as the practice table


@dataclass
class CutFinding:
    """A finding (or recommendation) cut to fit its part: its words, and whom it is about."""

    text: str
    child: object = None
    child_id: int | None = None


@dataclass
class SevenMinuteBriefing:
    review: object
    parts: list[BriefingPart]
    questions: list[str]
    full_review_url: str = ""
    practice_areas: list = field(default_factory=list)  # reviews.reading.PracticeArea, as printed

    @property
    def full_review_address(self) -> str:
        """The full review's address as printed: without "https://", which a line could end on."""
        return self.full_review_url.split("://", 1)[-1]

    @property
    def shortened(self) -> bool:
        return any(part.continued for part in self.parts)

    @property
    def rows(self) -> list[list[BriefingPart]]:
        """The parts two by two, as printed side by side: a row is never split across pages.

        When the review sorts its findings by practice area, what went well and the lessons
        learned share a row of their own, printed as one table of good practice against
        learning points; a part left alone before it is printed across the page.
        """
        table = [part for part in self.parts if part.in_table]
        if not table:
            return _pairs(self.parts)
        start = self.parts.index(table[0])
        return _pairs(self.parts[:start]) + [table] + _pairs(self.parts[start + len(table) :])


def _pairs(parts: list) -> list[list]:
    return [parts[i : i + 2] for i in range(0, len(parts), 2)]


OTHER_PRACTICE = "Other"


def _printed_practice_areas(good: BriefingPart, lessons: BriefingPart, found: dict) -> list:
    """The practice table of the findings printed in ``good`` and ``lessons``, in the review's order
    of areas; printed findings without an area come last, under “Other”.

    ``found`` maps each part to its findings before they were cut: a cut finding is in the
    same place as the finding it was cut from, so it keeps that finding's area.
    """
    areas: dict = {}
    for part, column in ((good, "good_practice"), (lessons, "learning_points")):
        for printed, finding in zip(part.items, found[part.number], strict=False):
            name = finding.practice_area.name if finding.practice_area_id else OTHER_PRACTICE
            row = areas.setdefault(_area_order(finding), PracticeArea(name))
            getattr(row, column).append(printed)
    return [areas[key] for key in sorted(areas)]


def _area_order(finding) -> tuple:
    """Findings by their practice area, in the review's order of areas; those without an area last."""
    if not finding.practice_area_id:
        return (1, 0, 0)
    return (0, finding.practice_area.order, finding.practice_area_id)


def _cost(text: str) -> int:
    return max(len(text.split()), len(text) // CHARS_PER_WORD)


def cut_text(text: str, words: int) -> tuple[str, bool]:
    """``text`` within ``words``, cut at the last sentence end (or else word end) before the limit."""
    if _cost(text) <= words:
        return text, False
    ends = [match.end() for match in re.finditer(r"\S+", text)]
    end = min(ends[min(words, len(ends)) - 1], words * CHARS_PER_WORD)
    head = text[:end]
    sentence = max(head.rfind(mark) for mark in (". ", "! ", "? ", ".\n", "!\n", "?\n"))
    if sentence >= end // 2:
        head = head[: sentence + 1]
    elif end < len(text) and not text[end].isspace() and head.rfind(" ") >= end // 2:
        head = head[: head.rfind(" ")]  # the limit fell inside a word
    return head.rstrip() + " …", True


def _cut_items(items: list, words: int) -> tuple[list, int, bool]:
    """As many items as the budget allows, the last perhaps cut; also how many words are left."""
    kept = []
    for number, item in enumerate(items):
        room = words - ITEM_WORDS
        if room < SMALLEST_CUT and number < len(items):
            return kept, 0, True
        text, cut = cut_text(item.text, room)
        kept.append(CutFinding(text, child=item.child, child_id=item.child_id) if cut else item)
        words = room - _cost(text)
        if cut:
            return kept, 0, True
    return kept, words, False


def _fit(part: BriefingPart, scale: float) -> BriefingPart:
    """Cut a part to its budget of words (times ``scale``)."""
    words = int(PART_WORDS[part.number] * scale)
    if part.text:
        part.text, part.continued = cut_text(part.text, words)
    if part.items:
        total = len(part.items)
        part.items, _, part.continued = _cut_items(part.items, words)
        part.left_out = total - len(part.items)
    if part.groups:
        groups, total = [], sum(len(group.recommendations) for group in part.groups)
        for group in part.groups:
            kept, words, cut = _cut_items(group.recommendations, words - ITEM_WORDS)
            if kept:
                groups.append(dataclasses.replace(group, recommendations=kept))
            if cut:
                part.continued = True
                break
        part.groups = groups
        part.left_out = total - sum(len(group.recommendations) for group in groups)
        part.continued = part.continued or part.left_out > 0
    return part


def seven_minute_briefing(review, *, shorten: float | None = None) -> SevenMinuteBriefing:
    """Build the briefing from a review fetched with ``reviews.reading.with_findings``.

    ``shorten``: cut each part to its budget of words times this (1 for two printed pages);
    None shows every word.
    """
    # A child's outcome may itself hold a semicolon ("abandoned; neglect"): children are set apart by dots.
    children = " · ".join(child.label for child in review.children.all())
    background = review.summary
    if children:
        background = f"**Children in this review:** {children}.\n\n{background}"
    why = review.why_it_matters or (
        "Themes: " + ", ".join(t.name for t in review.themes.all()) + "." if review.themes.all() else ""
    )
    services = ", ".join(s.name for s in review.services.all())
    # The board's own list of what to do, when it wrote one; otherwise the general advice.
    what_to_do = review.what_to_do.strip() or GENERAL_ADVICE
    if services:
        what_to_do = f"**This review applies to:** {services}.\n\n{what_to_do}"
    parts = [
        BriefingPart(1, "Background", text=background, empty_message="No summary has been written yet."),
        BriefingPart(2, "Why it matters", text=why),
        BriefingPart(3, "Key issues", items=in_child_order(review.keyissues.all())),
        BriefingPart(
            4,
            "What went well",
            items=in_child_order(review.positivefactors.all()),
            ticked=True,
        ),
        BriefingPart(5, "Lessons learned", items=in_child_order(review.lessons.all())),
        BriefingPart(
            6,
            "Things to remember: key actions",
            groups=recommendations_by_owner(in_child_order(review.recommendations.all())),
        ),
        BriefingPart(7, "What to do", text=what_to_do),
    ]
    good, lessons = parts[3], parts[4]
    in_table = bool(good.items and lessons.items) and any(
        f.practice_area_id for f in good.items + lessons.items
    )
    if in_table:
        # The table is filled area by area, findings without an area last, so that a cut
        # leaves out the “Other” row before any practice area.
        good.items.sort(key=_area_order)
        lessons.items.sort(key=_area_order)
    found = {part.number: list(part.items) for part in parts}
    if shorten is not None:
        scales = {4: IN_TABLE, 5: IN_TABLE} if in_table else {}
        parts = [_fit(part, shorten * scales.get(part.number, 1)) for part in parts]
    practice_areas = []
    if in_table:
        practice_areas = _printed_practice_areas(good, lessons, found)
        good.in_table = lessons.in_table = True
    # A part with nothing to say is left out rather than printed as an empty box, and the
    # rest are numbered in order. The background stays, saying that none has been written.
    parts = [part for part in parts if part.number == 1 or part.text or part.items or part.groups]
    for number, part in enumerate(parts, start=1):
        part.number = number
    return SevenMinuteBriefing(
        review=review,
        parts=parts,
        questions=TEAM_QUESTIONS,
        full_review_url=settings.SITE_URL + review.get_absolute_url(),
        practice_areas=practice_areas,
    )
