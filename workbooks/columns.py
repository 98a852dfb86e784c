"""What a review workbook holds: its sheets and their columns, written once.

The template (workbooks/template.py), its Instructions sheet, the reader and the checks all
read this table, so a column is documented exactly as it is read. Sheets are linked by the
review's reference; themes, services and owner groups are named as in the board's lists.
"""

import re
from dataclasses import dataclass, field

from reviews.models import Child, Review

# How the reader treats a cell (workbooks/values.py).
TEXT = "text"  # plain text or Markdown; HTML tags are refused
DATE = "date"  # a real date, 2024-03-31, 31/03/2024 or an Excel serial number
CHOICE = "choice"  # one of ``choices``, by its value or its words
YES_NO = "yes/no"
WHOLE = "whole number"
NAMES = "names"  # names from one of the board's lists, separated by ";" or new lines
NAME = "name"  # one name from one of the board's lists
LIST_SEPARATOR = re.compile(r"[;\n]")


@dataclass(frozen=True)
class Column:
    key: str  # the model field (or the relation) it fills
    header: str
    kind: str = TEXT
    required: bool = False
    help: str = ""
    choices: tuple = ()  # (value, words) pairs for CHOICE columns
    names: str = ""  # "themes", "services" or "owners" for NAMES and NAME columns
    example: tuple = ()  # one value per example row of the template


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    noun: str  # "lesson": one row is one of these
    help: str
    columns: tuple = field(default_factory=tuple)

    def column(self, key) -> Column:
        return next(column for column in self.columns if column.key == key)


def header_key(text) -> str:
    """A header as it is matched: case, spaces, underscores and punctuation do not matter."""
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


def _choices(model_choices, *extra):
    return tuple((value, str(label)) for value, label in model_choices.choices) + extra


PRECISION = _choices(Review.Precision)
EXAMPLE_REFS = ("LCSPR-2025-01", "LCSPR-2025-01", "MR-2019-02")
REVIEW_REF = Column(
    "review",
    "Review reference",
    required=True,
    help="The reference of a review on the Reviews sheet of this file.",
    example=EXAMPLE_REFS,
)
CHILD_REF = Column(
    "child",
    "Child",
    help="The pseudonym of one of the review's children on the Children sheet. Empty: the whole review.",
    example=("Child R", "", ""),
)
AREA = Column(
    "practice_area",
    "Practice area",
    help="Optional row of the good practice / learning points table, e.g. “Transition issues”. "
    "Give a positive factor and a lesson that belong together the same words.",
    example=("Information sharing", "", ""),
)


def _precision(date_words):
    return Column(
        f"{date_words}_precision",
        f"{date_words.capitalize()}: how precise",
        CHOICE,
        choices=PRECISION,
        help="day (the default), month, year or financial year (enter 1 April of its first year).",
        example=("day", "", "year"),
    )


REVIEWS = Sheet(
    "reviews",
    "Reviews",
    "review",
    "One row per review. A review already in the system (the same reference) is updated to match "
    "its row; a new one arrives as a draft, to be submitted and approved as usual.",
    (
        Column(
            "reference",
            "Reference",
            required=True,
            help="The board's own reference, unique, e.g. LCSPR-2025-01. Links the other sheets to this row.",
            example=("LCSPR-2025-01", "MR-2019-02", "SCR-2014-01"),
        ),
        Column(
            "title",
            "Title",
            required=True,
            help="As it will be shown, e.g. “Child R: the unexpected death of a baby”.",
            example=("Child R: the unexpected death of a baby", "Sibling group S: neglect", "Child M"),
        ),
        Column(
            "slug",
            "Web address",
            help="The last part of the review's web address. Empty: made from the title.",
            example=("child-r", "", ""),
        ),
        Column(
            "kind",
            "Kind",
            CHOICE,
            required=True,
            choices=_choices(Review.Kind),
            help="lcspr, scr, management, practice, thematic or rapid, or the words in full.",
            example=("lcspr", "Management review / multi-agency case review", "scr"),
        ),
        Column(
            "method", "Method", help="How the review was carried out.", example=("SCIE Learning Together",)
        ),
        Column("commissioned_on", "Commissioned", DATE, example=("2025-03-02", "01/06/2019", "01/01/2014")),
        _precision("commissioned"),
        Column("completed_on", "Completed", DATE, example=("16/10/2025", "", "")),
        _precision("completed"),
        Column(
            "published_on",
            "Published",
            DATE,
            help="Only for a review already published elsewhere (on paper, on the old site); "
            "publishing here is still done by the approval workflow.",
        ),
        _precision("published"),
        Column("period_start", "Period covered from", DATE, example=("2024-01-01",)),
        Column("period_end", "Period covered to", DATE, example=("2025-01-31",)),
        Column(
            "summary",
            "Background",
            help="What happened. Markdown: * for bullets, a blank line (Alt+Enter twice) between paragraphs.",
            example=("Child R died unexpectedly at home at ten weeks old.", "", ""),
        ),
        Column("why_it_matters", "Why it matters"),
        Column("what_to_do", "What practitioners should do", help="One line each, starting with *."),
        Column("questions_contact", "Contact for questions"),
        Column(
            "report_url", "Link to the full report", help="https://… (the PDF itself is added in the admin)."
        ),
        Column(
            "visibility",
            "Who may read it",
            CHOICE,
            choices=_choices(Review.Visibility),
            help="public (the default) or partners (signed-in practitioners only), once published.",
            example=("public", "partners", ""),
        ),
        Column(
            "themes",
            "Themes",
            NAMES,
            names="themes",
            help="Names from the board's themes, separated by ;",
            example=("Toxic trio; Safe sleeping and infants", "Neglect", ""),
        ),
        Column(
            "services",
            "Services",
            NAMES,
            names="services",
            help="Names from the board's services (agencies), separated by ;",
            example=("Midwifery; Health visiting", "", ""),
        ),
    ),
)

CHILDREN = Sheet(
    "children",
    "Children",
    "child",
    "One row per child in a review, by pseudonym only: never a real name, date of birth or address.",
    (
        REVIEW_REF,
        Column(
            "pseudonym",
            "Pseudonym",
            required=True,
            help="“Child R”, “Alice”: never the child's real name.",
            example=("Child R", "Child S", "Child M"),
        ),
        Column(
            "age_years", "Age (years)", WHOLE, help="Whole years at the time, 0 to 25.", example=(0, 7, "")
        ),
        Column(
            "age_band",
            "Age band",
            CHOICE,
            choices=_choices(Child.AgeBand),
            help="When the age is not known exactly: under_1, 1_4, 5_9, 10_15, 16_17… or the words.",
            example=("", "", "10 to 15"),
        ),
        Column(
            "sex", "Sex", CHOICE, choices=_choices(Child.Sex), help="Only where relevant: female or male."
        ),
        Column(
            "outcome",
            "Outcome",
            CHOICE,
            choices=_choices(Child.Outcome),
            help="died, serious_harm, other or not_stated (the default).",
            example=("died", "serious_harm", "other"),
        ),
        Column("outcome_detail", "Outcome in words", example=("", "", "self-harm")),
        Column(
            "known_to_social_care",
            "Known to social care",
            YES_NO,
            help="yes or no.",
            example=("yes", "no", ""),
        ),
        Column("child_in_need", "Child in need plan", YES_NO),
        Column("child_protection_plan", "Child protection plan", YES_NO),
        Column("looked_after", "Looked after", YES_NO),
    ),
)

TEXT_COLUMN = Column(
    "text",
    "Text",
    required=True,
    help="Plain text or Markdown. HTML is not accepted.",
)


def _text(*example):
    return Column(TEXT_COLUMN.key, TEXT_COLUMN.header, required=True, help=TEXT_COLUMN.help, example=example)


KEY_ISSUES = Sheet(
    "key_issues",
    "Key issues",
    "key issue",
    "What went wrong or was missed; one row each, in the order they are to be shown.",
    (
        REVIEW_REF,
        CHILD_REF,
        _text(
            "Safe sleep advice was generic.",
            "The father was not seen.",
            "Missed appointments were not followed up.",
        ),
    ),
)
POSITIVE_FACTORS = Sheet(
    "positive_factors",
    "Positive factors",
    "positive factor",
    "What went well (good practice); one row each, in order.",
    (
        REVIEW_REF,
        CHILD_REF,
        AREA,
        _text(
            "The midwife made a timely pre-birth referral.",
            "Police shared information the same day.",
            "The school raised concerns early.",
        ),
    ),
)
LESSONS = Sheet(
    "lessons",
    "Lessons",
    "lesson",
    "Lessons learned, usually “There is a need for …”; one row each, in order.",
    (
        REVIEW_REF,
        CHILD_REF,
        AREA,
        Column(
            "themes",
            "Themes",
            NAMES,
            names="themes",
            help="Names from the board's themes, separated by ;",
            example=("Toxic trio", "Safe sleeping and infants; Absent men", "Neglect"),
        ),
        Column(
            "services",
            "Services",
            NAMES,
            names="services",
            help="Who the lesson is for: names from the board's services, separated by ;",
            example=("Midwifery; Health visiting", "Police", ""),
        ),
        _text(
            "There is a need for practitioners to weigh the combined risks of the 'toxic trio'.",
            "There is a need for fathers to be seen and included in safe sleep advice.",
            "There is a need for neglect to be recognised over time.",
        ),
    ),
)
RECOMMENDATIONS = Sheet(
    "recommendations",
    "Recommendations",
    "recommendation",
    "Recommendations / key actions, each owned by a group; one row each, in order. Progress is "
    "recorded later in the action plan, not here.",
    (
        REVIEW_REF,
        Column(
            "owner",
            "Owner",
            NAME,
            required=True,
            names="owners",
            help="One of the board's owner groups, e.g. “All agencies”.",
            example=("All agencies", "Police", "All agencies"),
        ),
        CHILD_REF,
        Column("target_date", "Target date", DATE, example=("2026-03-31", "", "")),
        _text("Refresh the safe sleeping guidance.", "Brief every response officer.", "Audit neglect cases."),
    ),
)

SHEETS = (REVIEWS, CHILDREN, KEY_ISSUES, POSITIVE_FACTORS, LESSONS, RECOMMENDATIONS)
FINDING_SHEETS = (KEY_ISSUES, POSITIVE_FACTORS, LESSONS, RECOMMENDATIONS)
INSTRUCTIONS = "Instructions"
SHEETS_BY_NAME = {header_key(sheet.title): sheet for sheet in SHEETS} | {
    header_key(sheet.key): sheet for sheet in SHEETS
}
