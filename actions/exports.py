"""The board's plan, as filtered on its page, for the board meeting: a spreadsheet and a PDF report."""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from actions.models import Action

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


def recommendation_summary(text: str) -> str:
    """The recommendation's first words, as ``Recommendation.__str__`` gives them."""
    words = text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def plan_rows(actions):
    """The rows of the plan, one per action, as the spreadsheet prints them.

    Read as values, not objects: a national plan's export builds tens of thousands of rows."""
    states = dict(Action.State.choices)
    columns = actions.values_list(
        "recommendation__review__title",
        "recommendation__text",
        "text",
        "owner_group__name",
        "lead__first_name",
        "lead__last_name",
        "lead__email",
        "target_date",
        "state",
        "rag",
        "at_risk",
        "outcome",
    )
    for (
        review,
        recommendation,
        text,
        owner,
        first,
        last,
        email,
        due,
        state,
        rag,
        at_risk,
        outcome,
    ) in columns.iterator(chunk_size=2000):
        yield [
            review,
            recommendation_summary(recommendation),
            text,
            owner,
            f"{first} {last}".strip() or email,
            due,
            states.get(state, state),
            rag,
            "yes" if at_risk else "",
            outcome,
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
