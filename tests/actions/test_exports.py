"""The plan's exports for the board meeting: the spreadsheet and the PDF report hold the filtered rows."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actions.models import Action
from tests.actions.factories import ActionFactory
from tests.factories import OfficerFactory


@pytest.fixture
def plan(police, health, owner, other_owner):
    return [
        ActionFactory(
            owner_group=police,
            lead=owner,
            text="Police audit of strategy discussions",
            target_date=datetime.date(2020, 1, 1),
        ),
        ActionFactory(owner_group=health, lead=other_owner, text="Health visitors' neglect training"),
        ActionFactory(
            owner_group=police,
            lead=owner,
            text="Signed off action",
            state=Action.State.SIGNED_OFF,
            outcome="Done well.",
        ),
    ]


@pytest.fixture
def officer_client(client, db):
    client.force_login(OfficerFactory())
    return client


def test_the_spreadsheet_has_the_filtered_rows(officer_client, plan, police):
    response = officer_client.get(reverse("actions:plan_xlsx"), {"owner": police.pk})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Review", "Recommendation", "Action")
    # Open actions only, by default: the signed-off one and the other owner's are left out.
    assert [row[2] for row in rows[1:]] == ["Police audit of strategy discussions"]
    assert rows[1][7] == "red" and rows[1][5] == datetime.datetime(2020, 1, 1)


def test_the_pdf_board_report_reads_back_with_the_filtered_rows(officer_client, plan, health):
    pypdf = pytest.importorskip("pypdf")
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        pytest.skip("WeasyPrint cannot run here (Pango missing)")
    response = officer_client.get(reverse("actions:plan_pdf"), {"owner": health.pk})
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Health visitors" in text and "neglect training" in text
    assert "Police audit" not in text
    assert "not for publication" in text.lower()
