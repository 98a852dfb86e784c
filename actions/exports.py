"""The board's plan, as filtered on its page, for the board meeting: a spreadsheet and a PDF report."""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

HEADERS = [
    "Review",
    "Recommendation",
    "Action",
    "Owner",
    "Lead",
    "Target date",
    "State",
    "RAG",
    "At risk",
    "Outcome",
]
WIDTHS = [30, 40, 50, 24, 22, 12, 24, 10, 8, 40]
FILLS = {"red": "F4CCCC", "amber": "FCE5CD", "green": "D9EAD3"}
RAG_COLUMN = HEADERS.index("RAG")
DATE_COLUMN = HEADERS.index("Target date")


def plan_rows(actions):
    """The rows of the plan, one per action, as the spreadsheet prints them."""
    for action in actions.iterator(chunk_size=2000):
        yield [
            action.recommendation.review.title,
            str(action.recommendation),
            action.text,
            action.owner_group.name,
            action.lead.get_full_name() or action.lead.email,
            action.target_date,
            action.get_state_display(),
            action.rag,
            "yes" if action.at_risk else "",
            action.outcome,
        ]


def plan_xlsx(actions) -> bytes:
    """One sheet, a header row frozen at the top, red, amber and green shaded, filters on.

    Written row by row (openpyxl's write-only mode): a plan of thousands of rows is never held
    in memory as cells.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Action plan")
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    fills = {rag: PatternFill("solid", fgColor=colour) for rag, colour in FILLS.items()}
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in plan_rows(actions):
        date = WriteOnlyCell(sheet, value=row[DATE_COLUMN])
        date.number_format = "dd/mm/yyyy"
        row[DATE_COLUMN] = date
        fill = fills.get(row[RAG_COLUMN])
        if fill is not None:
            rag = WriteOnlyCell(sheet, value=row[RAG_COLUMN])
            rag.fill = fill
            row[RAG_COLUMN] = rag
        sheet.append(row)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
