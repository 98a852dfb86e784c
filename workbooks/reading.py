"""Reading an uploaded file into rows: an XLSX workbook, one CSV, or a zip of CSVs.

What kind of file it is, is decided from its first bytes, never from its name alone: a
renamed PDF is "not a spreadsheet", an encrypted workbook (an OLE compound file holding an
``EncryptedPackage``) is "password-protected". XLSX is read by openpyxl in read-only mode,
row by row, so a 30 MB workbook never sits in memory as cell objects. Every refusal is a
``Problem`` naming the sheet, the row and the column as the officer sees them in Excel.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from difflib import get_close_matches

import openpyxl
from django.conf import settings

from workbooks.columns import INSTRUCTIONS, SHEETS_BY_NAME, Sheet, header_key

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# A workbook's XML is typically 5-15 times its zipped size; far more is a "zip bomb".
UNZIPPED_FACTOR = 40
MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")
SAVE_AS_XLSX = "Save it in Excel as “Excel Workbook (.xlsx)”, or as CSV, and upload it again."


def max_rows() -> int:
    return getattr(settings, "WORKBOOK_MAX_ROWS", 20_000)


def max_bytes() -> int:
    return getattr(settings, "WORKBOOK_MAX_BYTES", 30 * 1024 * 1024)


@dataclass(frozen=True)
class Problem:
    """Something that stops the import, where the officer will find it."""

    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def __str__(self):
        where = ", ".join(
            part for part in (self.sheet, f"row {self.row}" if self.row else "", self.column) if part
        )
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Rows:
    """The rows of one sheet: (row number as Excel shows it, {column key: raw value})."""

    sheet: Sheet
    rows: list = field(default_factory=list)
    columns: set = field(default_factory=set)  # keys of the columns the sheet has


@dataclass
class Workbook:
    sheets: dict = field(default_factory=dict)  # sheet key -> Rows, only the sheets in the file
    problems: list = field(default_factory=list)


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _size(source) -> int:
    size = getattr(source, "size", None)
    if size is None:
        source.seek(0, io.SEEK_END)
        size = source.tell()
    source.seek(0)
    return size


def workbook_read(source, name: str) -> Workbook:
    """Read ``source`` (a binary file) into rows per sheet, or the problems that stop it."""
    book = Workbook()
    size = _size(source)
    limit = max_bytes()
    if size > limit:
        book.problems.append(
            Problem(
                f"The file is {human_size(size)}; the largest accepted is {human_size(limit)}. "
                "Split it into several files (by year, for example) and upload each."
            )
        )
        return book
    if size == 0:
        book.problems.append(Problem("The file is empty."))
        return book
    head = source.read(8)
    source.seek(0)
    if head.startswith(ZIP_MAGIC):
        _read_zip(source, name, book)
    elif head == OLE_MAGIC:
        data = source.read()
        if "EncryptedPackage".encode("utf-16-le") in data:
            book.problems.append(
                Problem(
                    "The workbook is protected by a password, so it cannot be read. Remove the "
                    "password (File › Info › Protect Workbook), save it, and upload it again."
                )
            )
        else:
            book.problems.append(
                Problem(
                    f"This is an old Excel 97–2003 workbook (.xls), which is not accepted. {SAVE_AS_XLSX}"
                )
            )
    else:
        data = source.read()
        if b"\x00" in data[:4096] or name.lower().endswith((".pdf", ".docx", ".doc", ".xls")):
            book.problems.append(Problem(f"“{name}” is not a spreadsheet. {SAVE_AS_XLSX}"))
        else:
            sheet = _csv_sheet(name, book)
            if sheet is not None:
                _read_csv(data, sheet, book, sheet_title=sheet.title)
    return book


def _read_zip(source, name, book):
    try:
        archive = zipfile.ZipFile(source)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        book.problems.append(Problem(f"“{name}” is damaged and cannot be opened. {SAVE_AS_XLSX}"))
        return
    if sum(member.file_size for member in members) > UNZIPPED_FACTOR * max_bytes():
        book.problems.append(Problem("The file unpacks to far more than a workbook of its size could hold."))
        return
    names = {member.filename for member in members}
    if "xl/workbook.xml" in names:
        source.seek(0)
        _read_xlsx(source, name, book)
        return
    csvs = [member for member in members if member.filename.lower().endswith(".csv")]
    if not csvs or len(csvs) != len([m for m in members if not m.is_dir()]):
        book.problems.append(
            Problem(
                f"“{name}” is a zip file but neither a workbook nor a set of CSV files (only .csv inside). "
                f"{SAVE_AS_XLSX}"
            )
        )
        return
    for member in csvs:
        file_name = member.filename.rsplit("/", 1)[-1]
        sheet = _csv_sheet(file_name, book)
        if sheet is not None:
            _read_csv(archive.read(member), sheet, book, sheet_title=file_name)


def _csv_sheet(file_name, book) -> Sheet | None:
    stem = file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    sheet = SHEETS_BY_NAME.get(header_key(stem))
    if sheet is None:
        known = ", ".join(f"{s.key}.csv" for s in SHEETS_BY_NAME.values() if s.key)
        book.problems.append(
            Problem(
                f"The CSV file “{file_name}” is not named after a sheet of the template. Name each file "
                f"after its sheet: {', '.join(dict.fromkeys(known.split(', ')))}."
            )
        )
    elif sheet.key in book.sheets:
        book.problems.append(Problem(f"The {sheet.title} sheet is given twice (“{file_name}”)."))
        return None
    return sheet


def _read_csv(data: bytes, sheet: Sheet, book: Workbook, *, sheet_title: str):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        book.problems.append(Problem(f"The CSV file cannot be read: {error}.", sheet=sheet.title))
        return
    rows = (
        (number, [cell if cell != "" else None for cell in record])
        for number, record in enumerate(records, start=1)
    )
    _read_rows(rows, sheet, book)


def _read_xlsx(source, name, book):
    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, XML errors) for a damaged file
        book.problems.append(Problem(f"“{name}” is damaged and cannot be opened. {SAVE_AS_XLSX}"))
        return
    try:
        for worksheet in workbook.worksheets:
            title = worksheet.title
            if header_key(title) == header_key(INSTRUCTIONS):
                continue
            sheet = SHEETS_BY_NAME.get(header_key(title))
            if sheet is None:
                expected = ", ".join(s.title for s in dict.fromkeys(SHEETS_BY_NAME.values()))
                book.problems.append(
                    Problem(
                        f"The sheet “{title}” is not one of the template's ({expected}, {INSTRUCTIONS}). "
                        "Rename it or delete it."
                    )
                )
                continue
            if sheet.key in book.sheets:
                book.problems.append(
                    Problem(f"The {sheet.title} sheet is in the workbook twice (“{title}”).")
                )
                continue
            for cells in _merged(workbook, worksheet):
                book.problems.append(
                    Problem(
                        f"cells {cells} are merged. Unmerge them (Home › Merge & Center) and give "
                        "each row its own value.",
                        sheet=sheet.title,
                    )
                )
            rows = enumerate(worksheet.iter_rows(values_only=True), start=1)
            _read_rows(rows, sheet, book)
    except Exception:
        book.problems.append(Problem(f"“{name}” is damaged and cannot be read to the end. {SAVE_AS_XLSX}"))
    finally:
        workbook.close()


def _merged(workbook, worksheet) -> list[str]:
    """The merged ranges of a read-only sheet, found in its XML (read-only mode does not list them)."""
    path = getattr(worksheet, "_worksheet_path", None)
    if path is None:
        return []
    found, tail = [], b""
    with workbook._archive.open(path) as xml:
        while chunk := xml.read(1 << 20):
            data = tail + chunk
            found += [m.group(1).decode() for m in MERGE.finditer(data)]
            tail = data[-200:] if not MERGE.search(data[-200:]) else b""
    return list(dict.fromkeys(found))


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_rows(rows, sheet: Sheet, book: Workbook):
    """Match the header row to the sheet's columns, then keep each non-blank row's known cells."""
    out = Rows(sheet)
    book.sheets[sheet.key] = out
    header = next(rows, None)
    if header is None:
        return
    _, headings = header
    by_header = {}
    for column in sheet.columns:
        by_header[header_key(column.header)] = column
        by_header.setdefault(header_key(column.key), column)
    positions, seen, headed = {}, set(), set()
    for index, heading in enumerate(headings):
        letter = openpyxl.utils.get_column_letter(index + 1)
        if _blank(heading):
            continue
        headed.add(index)
        column = by_header.get(header_key(heading))
        if column is None:
            close = get_close_matches(str(heading), [c.header for c in sheet.columns], n=1, cutoff=0.6)
            hint = f" — did you mean “{close[0]}”?" if close else ". Delete the column or rename it."
            book.problems.append(
                Problem(
                    f"“{heading}” is not a column of this sheet{hint}",
                    sheet=sheet.title,
                    column=f"column {letter}",
                )
            )
        elif column.key in seen:
            book.problems.append(
                Problem(
                    f"the column “{column.header}” appears twice.",
                    sheet=sheet.title,
                    column=f"column {letter}",
                )
            )
            column = None
        else:
            seen.add(column.key)
        positions[index] = column
    out.columns = seen
    for column in sheet.columns:
        if column.required and column.key not in seen:
            book.problems.append(Problem(f"the column “{column.header}” is missing.", sheet=sheet.title))
    limit, counted, unheaded = max_rows(), 0, False
    for number, values in rows:
        if all(_blank(value) for value in values):
            continue
        counted += 1
        if counted > limit:
            book.problems.append(
                Problem(
                    f"the sheet has more than {limit:,} rows, the most one import takes. Split the file.",
                    sheet=sheet.title,
                )
            )
            return
        cells = {}
        for index, value in enumerate(values):
            column = positions.get(index)
            if column is None:
                if index not in headed and not _blank(value):
                    unheaded = unheaded or (number, index)
                continue
            if isinstance(value, str) and value.startswith("="):
                book.problems.append(
                    Problem(
                        f"the cell holds a formula ({value[:40]}), not a value. Copy the column and "
                        "paste it back with Paste Special › Values, then upload again.",
                        sheet=sheet.title,
                        row=number,
                        column=column.header,
                    )
                )
                continue
            cells[column.key] = value
        out.rows.append((number, cells))
    if unheaded:
        number, index = unheaded
        letter = openpyxl.utils.get_column_letter(index + 1)
        book.problems.append(
            Problem(
                f"column {letter} has values but no heading. Give it one of the template's headings "
                "or delete it.",
                sheet=sheet.title,
                row=number,
            )
        )


def workbook_from_rows(sheets: dict) -> Workbook:
    """A workbook made in memory: ``{sheet title or key: [header row, row, …]}``, each row a list of cells.

    Read exactly as a CSV or XLSX file is (headers matched by their words or column keys, cells
    kept as given for the checks to parse), and numbered as a spreadsheet would be: the header
    is row 1. For content kept in another form, such as the demo's TOML files.
    """
    book = Workbook()
    for title, rows in sheets.items():
        sheet = SHEETS_BY_NAME.get(header_key(title))
        if sheet is None:
            book.problems.append(Problem(f"“{title}” is not one of the template's sheets."))
        elif sheet.key in book.sheets:
            book.problems.append(Problem(f"The {sheet.title} sheet is given twice (“{title}”)."))
        else:
            _read_rows(enumerate(rows, start=1), sheet, book)
    return book
