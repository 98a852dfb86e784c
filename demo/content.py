"""The demo content, read from the TOML files in demo/data/.

One file per review, one per newsletter, and board.toml for the board itself, so that a
board officer can read and change the demo without reading Python. Nothing is validated
here beyond the file being TOML: the services that load it validate every record.

A review file holds what a row of each sheet of the review workbook holds (workbooks/columns.py),
named by the columns' keys, so the reviews are laid out here as that workbook's sheets and
loaded by the workbook importer (demo/services.py). ``Sheets`` also says which file, and
where in it, each row came from, so that a problem the importer finds names the file.
"""

import tomllib
from pathlib import Path

from django.conf import settings
from openpyxl.utils import column_index_from_string

from workbooks.columns import REVIEWS, SHEETS, header_key
from workbooks.reading import Problem

# What a review file says that the workbook has no column for, applied after the import
# (demo/services.py): a workbook's reviews arrive as drafts, and progress on recommendations
# is recorded in the action plan, not the workbook.
REVIEW_OWN = ("state", "not_for_publication_reason")
RECOMMENDATION_OWN = ("status", "outcome")
# The sheets other than Reviews, whose rows are the file's [[children]], [[lessons]]… blocks.
TABLES = [sheet for sheet in SHEETS if sheet is not REVIEWS]

DATA = Path(__file__).resolve().parent / "data"


class DemoDataError(ValueError):
    """A demo file that cannot be loaded; the message names the file and what is wrong."""


def shown(path: Path) -> str:
    """The file's path as a reader finds it in the project, or as given when it lives elsewhere."""
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def read(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{shown(path)} is not valid TOML: {error}.") from error


def board(folder: Path = DATA) -> dict:
    return read(folder / "board.toml")


def reviews(folder: Path = DATA) -> dict[Path, dict]:
    """Every review file, in the order of the file names, keyed by its path.

    Two files with the same reference would load only the first and skip the second without
    a word (a reference already present is left alone), so that is refused instead.
    """
    found, seen = {}, {}
    for path in sorted((folder / "reviews").glob("*.toml")):
        data = found[path] = read(path)
        reference = data.get("reference")
        if not reference:
            raise DemoDataError(f"{shown(path)} has no reference: every review needs one.")
        if reference in seen:
            raise DemoDataError(
                f"{shown(path)} has the reference {reference}, already used by {shown(seen[reference])}."
            )
        seen[reference] = path
    return found


def newsletters(folder: Path = DATA) -> dict[Path, dict]:
    return {path: read(path) for path in sorted((folder / "newsletters").glob("*.toml"))}


def _cell(value):
    """A TOML value as a cell: a list of names is written as a workbook's, separated by ";"."""
    return "; ".join(value) if isinstance(value, list) else value


def _without(data: dict, keys) -> dict:
    return {key: value for key, value in data.items() if key not in keys}


class Sheets:
    """Review files laid out as the workbook's sheets, remembering where each row came from.

    ``rows`` is what ``workbook_from_rows`` reads: per sheet, a header of the keys the files
    use (a key no column has is reported as a workbook's unknown heading would be), then one
    row per review, per child, per finding.
    """

    def __init__(self, files: dict[Path, dict]):
        self.rows, self.keys, self.first = {}, {}, {}
        self.places = {}  # (sheet title, row number) -> (file, where in it)
        tables = [sheet.key for sheet in TABLES]
        self.add(
            REVIEWS, [(path, "", _without(data, [*REVIEW_OWN, *tables])) for path, data in files.items()]
        )
        for sheet in TABLES:
            own = RECOMMENDATION_OWN if sheet.key == "recommendations" else ()
            self.add(
                sheet,
                [
                    (
                        path,
                        f"[[{sheet.key}]] number {number}",
                        {"review": data.get("reference")} | _without(item, own),
                    )
                    for path, data in files.items()
                    for number, item in enumerate(data.get(sheet.key, []), start=1)
                ],
            )

    def add(self, sheet, items):
        keys = list(dict.fromkeys(key for _, _, item in items for key in item))
        self.keys[sheet.title] = keys
        self.rows[sheet.key] = [keys, *([_cell(item.get(key)) for key in keys] for _, _, item in items)]
        for number, (path, where, _) in enumerate(items, start=2):  # row 1 is the header
            self.places[sheet.title, number] = (path, where)
        for path, _, item in reversed(items):
            self.first |= {(sheet.title, key): path for key in item}

    def message(self, problem: Problem) -> str:
        """The importer's problem as a reader of the files needs it: the file, the block and the key."""
        sheet = next((sheet for sheet in SHEETS if sheet.title == problem.sheet), None)
        if sheet is None:
            return f"The demo reviews could not be loaded: {problem}"
        if problem.row is None:  # a whole column: a key (the message names it) in the first file using it
            where, key, path = ("" if sheet is REVIEWS else f"[[{sheet.key}]]"), "", None
            if problem.column.startswith("column "):
                index = column_index_from_string(problem.column.removeprefix("column ")) - 1
                path = self.first.get((sheet.title, self.keys[sheet.title][index]))
            if path is None:
                return f"The demo reviews could not be loaded: {problem}"
        else:
            path, where = self.places[sheet.title, problem.row]
            headers = {header_key(column.header): column.key for column in sheet.columns}
            key = headers.get(header_key(problem.column), "")
        location = ", ".join(part for part in (where, key) if part)
        return f"{shown(path)} could not be loaded: {location + ': ' if location else ''}{problem.message}"
