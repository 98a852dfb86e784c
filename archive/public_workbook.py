"""The published, public part of the library as a spreadsheet, for officers to reuse.

Every sheet is read through the one visibility rule (``Review.objects.public()`` and the
findings' ``.public()``), so drafts, reviews awaiting approval, withdrawn, not-for-publication
and partner-only reviews are never in it, whoever downloads it. Written row by row
(openpyxl's write-only mode), so thousands of lessons are never held as cells.
"""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from reviews.models import Child, KeyIssue, Lesson, PositiveFactor, Recommendation, Review

CHUNK = 2000


def _names(related) -> str:
    return "; ".join(entry.name for entry in related.all())


def _reviews(page_address):
    reviews = Review.objects.public().prefetch_related("themes", "services").order_by("reference")
    for review in reviews.iterator(chunk_size=CHUNK):
        yield [
            review.reference,
            review.title,
            review.get_kind_display(),
            review.method,
            review.commissioned_on,
            review.completed_on,
            review.published_on,
            review.period_start,
            review.period_end,
            review.summary,
            review.why_it_matters,
            review.what_to_do,
            _names(review.themes),
            _names(review.services),
            review.report_url,
            page_address(review.get_absolute_url()),
        ]


def _children(page_address):
    children = (
        Child.objects.filter(review__in=Review.objects.public())
        .select_related("review")
        .order_by("review__reference", "order", "id")
    )
    for child in children.iterator(chunk_size=CHUNK):
        yield [
            child.review.reference,
            child.pseudonym,
            child.age_display,
            child.get_sex_display(),
            child.outcome_words,
            _yes(child.known_to_social_care),
            _yes(child.child_in_need),
            _yes(child.child_protection_plan),
            _yes(child.looked_after),
        ]


def _yes(value) -> str:
    return "yes" if value else ""


def _findings(model, extra=()):
    def rows(page_address):
        findings = (
            model.objects.public()
            .select_related("review", "child", *(["practice_area"] if _has_area(model) else []))
            .defer("search_vector")
            .order_by("review__reference", "order", "id")
        )
        if model is Lesson:
            findings = findings.prefetch_related("themes", "services")
        if model is Recommendation:
            findings = findings.select_related("owner_group")
        for finding in findings.iterator(chunk_size=CHUNK):
            area = getattr(finding, "practice_area", None)
            yield [
                finding.review.reference,
                finding.child.pseudonym if finding.child else "",
                area.name if area else "",
                finding.text,
                *(column(finding) for _, column in extra),
            ]

    return rows


def _has_area(model) -> bool:
    return any(field.name == "practice_area" for field in model._meta.fields)


FINDING_HEADERS = ["Review", "Child", "Practice area", "Text"]
LESSON_EXTRA = [
    ("Themes", lambda lesson: _names(lesson.themes)),
    ("Applicable services", lambda lesson: _names(lesson.services)),
]
RECOMMENDATION_EXTRA = [
    ("Owner", lambda recommendation: recommendation.owner_group.name),
    ("Target date", lambda recommendation: recommendation.target_date),
]

SHEETS = [
    (
        "Reviews",
        [
            "Reference",
            "Title",
            "Kind",
            "Method",
            "Commissioned",
            "Completed",
            "Published",
            "Period from",
            "Period to",
            "Background",
            "Why it matters",
            "What practitioners should do",
            "Themes",
            "Applicable services",
            "Full report",
            "Web page",
        ],
        _reviews,
    ),
    (
        "Children",
        [
            "Review",
            "Pseudonym",
            "Age",
            "Sex",
            "Outcome",
            "Known to social care",
            "Child in need plan",
            "Child protection plan",
            "Looked after",
        ],
        _children,
    ),
    ("Key issues", FINDING_HEADERS, _findings(KeyIssue)),
    ("Positive factors", FINDING_HEADERS, _findings(PositiveFactor)),
    ("Lessons", FINDING_HEADERS + [title for title, _ in LESSON_EXTRA], _findings(Lesson, LESSON_EXTRA)),
    (
        "Recommendations",
        FINDING_HEADERS + [title for title, _ in RECOMMENDATION_EXTRA],
        _findings(Recommendation, RECOMMENDATION_EXTRA),
    ),
]


def public_workbook(*, page_address=lambda path: path) -> bytes:
    """One sheet per kind of content, a bold header row frozen at the top; dates as dates.

    ``page_address`` turns a review's path into the address printed in the sheet (the site's
    full address when there is a request).
    """
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, headers, rows in SHEETS:
        sheet = workbook.create_sheet(title)
        sheet.freeze_panes = "A2"
        header = []
        for text in headers:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in rows(page_address):
            sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
