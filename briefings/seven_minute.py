"""A 7-minute briefing of one review: seven short numbered parts and questions for a team.

The web page (/reviews/<slug>/briefing/) and the PDF (/reviews/<slug>/briefing.pdf)
are both drawn from ``seven_minute_briefing``, so they never say different things.
"""

from dataclasses import dataclass, field

from reviews.reading import recommendations_by_owner

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


@dataclass
class SevenMinuteBriefing:
    review: object
    parts: list[BriefingPart]
    questions: list[str]


def seven_minute_briefing(review) -> SevenMinuteBriefing:
    """Build the briefing from a review fetched with ``reviews.reading.with_findings``."""
    children = ", ".join(
        f"{c.pseudonym} ({c.age_display}, {c.get_outcome_display().lower()})"
        if c.age_display
        else c.pseudonym
        for c in review.children.all()
    )
    background = review.summary
    if children:
        background = f"**Children in this review:** {children}.\n\n{background}"
    why = review.why_it_matters or (
        "Themes: " + ", ".join(t.name for t in review.themes.all()) + "." if review.themes.all() else ""
    )
    services = ", ".join(s.name for s in review.services.all())
    what_to_do = "Read the lessons with your team and agree what you will change."
    if services:
        what_to_do = f"**This review applies to:** {services}.\n\n{what_to_do}"
    parts = [
        BriefingPart(1, "Background", text=background, empty_message="No summary has been written yet."),
        BriefingPart(2, "Why it matters", text=why, empty_message="Not recorded."),
        BriefingPart(3, "Key issues", items=list(review.keyissues.all()), empty_message="None recorded."),
        BriefingPart(
            4,
            "What went well",
            items=list(review.positivefactors.all()),
            empty_message="None recorded.",
            ticked=True,
        ),
        BriefingPart(5, "Lessons learned", items=list(review.lessons.all()), empty_message="None recorded."),
        BriefingPart(
            6,
            "Things to remember: key actions",
            groups=recommendations_by_owner(review),
            empty_message="No recommendations recorded.",
        ),
        BriefingPart(7, "What to do", text=what_to_do),
    ]
    return SevenMinuteBriefing(review=review, parts=parts, questions=TEAM_QUESTIONS)
