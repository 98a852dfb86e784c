"""The workbook template, made from the column table (workbooks/columns.py), so it always
documents exactly what the import reads: an Instructions sheet, then one sheet per kind of
record with its headings, a note on each heading and three example rows to overwrite.
"""

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reviews.models import OwnerGroup, Service, Theme
from workbooks.columns import INSTRUCTIONS, SHEETS, TEXT
from workbooks.reading import max_bytes, max_rows

HEADING = Font(bold=True, color="FFFFFF")
HEADING_FILL = PatternFill("solid", fgColor="1F4E79")  # white on dark blue: 8.6:1
WRAP = Alignment(wrap_text=True, vertical="top")


def instructions(sheet):
    lines = [
        ("How to fill in this workbook", True),
        (
            "Each sheet below holds one kind of record, one per row. Keep the headings in row 1 exactly "
            "as they are; columns may be left out or put in another order, and empty rows are skipped.",
            False,
        ),
        ("The example rows are there to show the format: overwrite or delete them.", False),
        ("The other sheets name their review by its reference, as written on the Reviews sheet.", False),
        (
            "Imported reviews arrive as drafts: each is then submitted and approved as usual. A review "
            "already in the system (same reference) is updated to match its rows, and only while it may "
            "still be changed: a published review is changed in the admin, as a correction. Importing the "
            "same file twice changes nothing.",
            False,
        ),
        (
            "For a review in the file, the rows of a sheet replace its records of that kind, in order: the "
            "n-th lesson row is its n-th lesson. Leave a sheet out of the file to keep those records as "
            "they are.",
            False,
        ),
        (
            "Dates: a date cell, 31/03/2024 or 2024-03-31. For a month or a year, enter its first day and "
            "choose month or year in the “how precise” column.",
            False,
        ),
        (
            "Text is plain text or Markdown (* for bullets, a blank line between paragraphs). HTML tags are "
            "refused. Formulas are refused: paste them as values. Do not merge cells.",
            False,
        ),
        (
            f"At most {max_rows():,} rows per sheet and {max_bytes() // (1024 * 1024)} MB per file. CSV is "
            "also accepted: one file per sheet, named after it (reviews.csv, children.csv, key_issues.csv, "
            "positive_factors.csv, lessons.csv, recommendations.csv), uploaded alone or together in a .zip.",
            False,
        ),
        ("", False),
        ("Sheets and columns", True),
    ]
    for text, bold in lines:
        sheet.append([text])
        sheet.cell(sheet.max_row, 1).font = Font(bold=bold, size=13 if bold else 11)
    for spec in SHEETS:
        sheet.append([])
        sheet.append([spec.title, spec.help])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for column in spec.columns:
            kind = "" if column.kind == TEXT else f" ({column.kind})"
            sheet.append(
                ["", f"{column.header}{' — required' if column.required else ''}{kind}", column.help]
            )
    for title, model in (("Themes", Theme), ("Services", Service), ("Owner groups", OwnerGroup)):
        sheet.append([])
        sheet.append(
            [f"The board's {title.lower()}", "; ".join(model.objects.values_list("name", flat=True))]
        )
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 90
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = WRAP


def workbook_template() -> bytes:
    """The template as the bytes of an .xlsx file."""
    book = Workbook()
    instructions(book.active)
    book.active.title = INSTRUCTIONS
    for spec in SHEETS:
        sheet = book.create_sheet(spec.title)
        sheet.append([column.header for column in spec.columns])
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(1, index)
            cell.font, cell.fill = HEADING, HEADING_FILL
            if column.help:
                cell.comment = Comment(column.help, "Template")
            sheet.column_dimensions[get_column_letter(index)].width = 40 if column.kind == TEXT else 18
        for example in range(3):
            sheet.append(
                [
                    column.example[example] if example < len(column.example) else None
                    for column in spec.columns
                ]
            )
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
