"""Every bad file is refused in plain words, by sheet, row and column, and nothing is written."""

import io
import zipfile

import pytest

from reviews.models import Review
from tests.workbooks.builders import csv_bytes, sheets, xlsx
from workbooks.services import workbook_preview

pytestmark = pytest.mark.django_db


def problems(source, name="reviews.xlsx", user=None):
    preview = workbook_preview(source=source, name=name, user=user)
    assert not Review.objects.exists() or preview.problems
    return [str(problem) for problem in preview.problems]


def changed(sheet, row, column, value, data=None):
    data = data or sheets()
    data[sheet][row][data[sheet][0].index(column)] = value
    return xlsx(data)


def test_a_misspelt_theme_is_named_with_a_suggestion():
    found = problems(changed("Lessons", 1, "Themes", "Neglct"))
    assert found == [
        "Lessons, row 2, Themes: theme “Neglct” is not one of the board's themes — did you mean “Neglect”?"
    ]


def test_an_unknown_owner_and_a_child_not_on_the_children_sheet():
    data = sheets()
    data["Recommendations"][1][1] = "Polise"
    data["Key issues"][1][1] = "Child Q"
    found = problems(xlsx(data))
    assert (
        "Recommendations, row 2, Owner: owner group “Polise” is not one of the board's owner groups — did you mean “Police”?"
        in found
    )
    assert any(p.startswith("Key issues, row 2, Child: there is no child “Child Q”") for p in found)


def test_a_row_naming_a_review_not_on_the_reviews_sheet():
    found = problems(changed("Lessons", 1, "Review reference", "LCSPR-2099-01"))
    assert found == [
        "Lessons, row 2, Review reference: review “LCSPR-2099-01” is not on the Reviews sheet of this file."
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("31/02/2025", "“31/02/2025” is not a date: there is no day 31 in month 2."),
        ("next March", "“next March” is not a date. Write it as 31/03/2024 or 2024-03-31."),
        ("2019", "“2019” is a year, not a date"),
    ],
)
def test_dates_that_are_not_dates(value, expected):
    found = problems(changed("Reviews", 1, "Commissioned", value))
    assert len(found) == 1 and found[0].startswith("Reviews, row 2, Commissioned: " + expected)


def test_a_formula_is_refused_with_what_to_do():
    found = problems(changed("Reviews", 1, "Title", '=CONCAT("Child ", "T")'))
    assert found[0].startswith("Reviews, row 2, Title: the cell holds a formula (=CONCAT(")
    assert "Paste Special › Values" in found[0]


def test_merged_cells_are_refused():
    found = problems(xlsx(merge=("Lessons", "E2:E3")))
    assert "Lessons: cells E2:E3 are merged." in found[0]


def test_html_in_a_cell_is_refused_not_cleaned():
    found = problems(changed("Lessons", 1, "Text", "There is a need <script>alert(1)</script>"))
    assert found == [
        "Lessons, row 2, Text: HTML is not accepted (found “<script>”). Write plain text: Markdown's * for "
        "bullets and a blank line between paragraphs are fine."
    ]


def test_unknown_sheets_and_columns_and_missing_required_columns():
    data = sheets(Notes=[["anything"]])
    data["Lessons"][0][2] = "Theme"
    data["Children"] = [[h for h in data["Children"][0] if h != "Pseudonym"]]
    found = problems(xlsx(data))
    assert any(p.startswith("The sheet “Notes” is not one of the template's") for p in found)
    assert "Lessons, column C: “Theme” is not a column of this sheet — did you mean “Themes”?" in found
    assert "Children: the column “Pseudonym” is missing." in found


def test_model_rules_apply_by_column():
    data = sheets()
    data["Reviews"][1][2] = "Serius case review"
    data["Children"][1][2] = 40
    found = problems(xlsx(data))
    assert any(
        p.startswith("Reviews, row 2, Kind: “Serius case review” is not one of the choices")
        and "did you mean “Serious Case Review”?" in p
        for p in found
    )
    assert "Children, row 2: Age must be between 0 and 25 years." in found


def test_a_duplicate_reference():
    data = sheets()
    data["Reviews"].append(list(data["Reviews"][1]))
    assert problems(xlsx(data)) == [
        "Reviews, row 3, Reference: the reference LCSPR-2025-07 is on row 2 already."
    ]


def test_not_a_spreadsheet():
    found = problems(io.BytesIO(b"%PDF-1.7\n\x00\x01binary"), name="report.pdf")
    assert found == [
        "“report.pdf” is not a spreadsheet. Save it in Excel as “Excel Workbook (.xlsx)”, or as CSV, "
        "and upload it again."
    ]


def test_a_password_protected_workbook():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le")
    assert problems(io.BytesIO(ole))[0].startswith("The workbook is protected by a password")


def test_an_old_xls_workbook():
    assert "Excel 97–2003" in problems(io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500))[0]


def test_a_damaged_workbook():
    broken = io.BytesIO(xlsx().getvalue()[:3000])
    assert problems(broken) == [
        "“reviews.xlsx” is damaged and cannot be opened. Save it in Excel as “Excel "
        "Workbook (.xlsx)”, or as CSV, and upload it again."
    ]


def test_a_zip_without_a_workbook_or_csv_files():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "neither a workbook nor a set of CSV files" in problems(out, name="x.zip")[0]


def test_a_csv_named_after_no_sheet():
    assert "is not named after a sheet" in problems(io.BytesIO(csv_bytes([["a"]])), name="export.csv")[0]


def test_more_rows_than_the_limit(settings):
    settings.WORKBOOK_MAX_ROWS = 1
    assert "Lessons: the sheet has more than 1 rows" in " ".join(problems(xlsx()))


def test_bigger_than_the_size_limit(settings):
    settings.WORKBOOK_MAX_BYTES = 1000
    found = problems(xlsx())
    assert len(found) == 1 and "the largest accepted is 1 KB" in found[0]


def test_an_empty_file_and_one_without_a_reviews_sheet():
    assert problems(io.BytesIO(b""), name="x.csv") == ["The file is empty."]
    assert problems(xlsx({"Lessons": sheets()["Lessons"]})) == [
        "The file has no Reviews sheet: every other sheet names its reviews there."
    ]
