"""Small workbooks made in memory for the import's tests."""

import csv
import io
import zipfile

from openpyxl import Workbook

REVIEW_HEADINGS = ["Reference", "Title", "Kind", "Commissioned", "Background", "Themes", "Services"]


def sheets(**extra):
    """A valid file: one review with a child, a key issue, a positive factor, two lessons, a recommendation."""
    data = {
        "Reviews": [
            REVIEW_HEADINGS,
            [
                "LCSPR-2025-07",
                "Child T: neglect over years",
                "lcspr",
                "01/03/2025",
                "Child T was neglected.",
                "Neglect",
                "Health visiting",
            ],
        ],
        "Children": [
            ["Review reference", "Pseudonym", "Age (years)", "Outcome", "Known to social care"],
            ["LCSPR-2025-07", "Child T", 6, "serious_harm", "yes"],
        ],
        "Key issues": [
            ["Review reference", "Child", "Text"],
            ["LCSPR-2025-07", "Child T", "Visits were missed."],
        ],
        "Positive factors": [
            ["Review reference", "Practice area", "Text"],
            ["LCSPR-2025-07", "School", "The school raised concerns early."],
        ],
        "Lessons": [
            ["Review reference", "Practice area", "Themes", "Services", "Text"],
            [
                "LCSPR-2025-07",
                "School",
                "Neglect; Voice of the child",
                "Schools and education",
                "There is a need for schools to share attendance worries.",
            ],
            [
                "LCSPR-2025-07",
                "",
                "Was not brought (non-attendance)",
                "GPs and primary care",
                "There is a need for missed appointments to be followed up.",
            ],
        ],
        "Recommendations": [
            ["Review reference", "Owner", "Target date", "Text"],
            ["LCSPR-2025-07", "All agencies", "2026-03-31", "Audit neglect referrals."],
        ],
    }
    data.update(extra)
    return {name: rows for name, rows in data.items() if rows is not None}


def xlsx(data=None, *, merge=None, name="reviews.xlsx"):
    book = Workbook()
    book.remove(book.active)
    for title, rows in (data if data is not None else sheets()).items():
        if rows is None:
            continue
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if merge and merge[0] == title:
            sheet.merge_cells(merge[1])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = name
    return out


def csv_bytes(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def csv_zip(data=None, *, name="reviews.zip"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for title, rows in (data if data is not None else sheets()).items():
            archive.writestr(title.lower().replace(" ", "_") + ".csv", csv_bytes(rows))
    out.seek(0)
    out.name = name
    return out
