"""The board's plan, as filtered on its page, for the board meeting: a spreadsheet and a PDF report."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from actions.models import RAG

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
RAG_LABELS = dict(RAG.choices)


def plan_rows(actions):
    """The rows of the plan, one per action, as the spreadsheet and the report print them."""
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
    """One sheet, a header row frozen at the top, red and amber rows shaded, filters on."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Action plan"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rag_column = HEADERS.index("RAG")
    fills = {rag: PatternFill("solid", fgColor=colour) for rag, colour in FILLS.items()}
    for row in plan_rows(actions):
        sheet.append(row)
        fill = fills.get(row[rag_column])
        if fill is not None:
            sheet.cell(row=sheet.max_row, column=rag_column + 1).fill = fill
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[get_column_letter(HEADERS.index("Target date") + 1)][1:]:
        cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
