"""One cell's value as the model wants it, or a plain sentence saying why it cannot be.

Dates come as real dates (a date-formatted cell), ISO text (2024-03-31), British text
(31/03/2024) or an Excel serial number (45382, what a date becomes when its cell is formatted
as a number or saved to CSV). HTML is refused, not cleaned: a cell with a tag in it is shown
back to the officer to correct, so nothing they wrote is silently dropped. Text without tags is
stored as typed and printed through the project's Markdown renderer and nh3, as any text
typed in the admin is.
"""

import datetime
import re
from difflib import get_close_matches

from openpyxl.utils.datetime import from_excel

from workbooks.columns import LIST_SEPARATOR, Column

# A tag, a comment or a declaration: anything an HTML parser would read as markup.
# "a < b" and autolinks (<https://…>, <jo@example.org>) are not tags.
HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[|<![A-Za-z]")
BRITISH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
YEAR = re.compile(r"^\d{4}$")
YES = {"yes", "y", "true", "1", "x", "✓"}
NO = {"no", "n", "false", "0", ""}
# Excel serial numbers from 1 January 1900 to 31 December 9999.
SERIALS = range(1, 2_958_466)


class CellError(ValueError):
    """A cell that cannot be read; the message is shown after "Sheet, row N, Column: "."""


def plain(value) -> str:
    """The cell as text, without the surrounding spaces; 2019.0 from a number cell is "2019"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def text(value) -> str:
    words = plain(value)
    found = HTML.search(words)
    if found:
        raise CellError(
            f"HTML is not accepted (found “{found.group(0)[:30]}”). Write plain text: Markdown's * "
            "for bullets and a blank line between paragraphs are fine."
        )
    return words


def date(value) -> datetime.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise CellError(f"“{value}” is not a date.")
    words = plain(value)
    number = value if isinstance(value, int | float) else None
    if number is None and re.fullmatch(r"\d+(\.\d+)?", words) and not YEAR.match(words):
        number = float(words)
    if number is not None:
        if int(number) not in SERIALS:
            raise CellError(f"{words} is not a date (nor an Excel date number).")
        read = from_excel(number)
        return read.date() if isinstance(read, datetime.datetime) else read
    try:
        return datetime.date.fromisoformat(words)
    except ValueError:
        pass
    british = BRITISH.match(words)
    if british:
        day, month, year = (int(part) for part in british.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise CellError(f"“{words}” is not a date: there is no day {day} in month {month}.") from None
    if YEAR.match(words):
        raise CellError(
            f"“{words}” is a year, not a date: enter 1 January {words} (01/01/{words}) and choose “year” "
            "in the how precise column."
        )
    raise CellError(f"“{words}” is not a date. Write it as 31/03/2024 or 2024-03-31.")


def choice(value, column: Column) -> str:
    """A choice by its value ("lcspr") or its words ("Local Child Safeguarding Practice Review")."""
    words = plain(value)
    if not words:
        return ""
    wanted = words.casefold().replace(" ", "_")
    for stored, label in column.choices:
        if wanted in (stored.casefold(), label.casefold().replace(" ", "_")):
            return stored
    # Words that start a longer label ("Other" for "Other: say what…") or a label's first part.
    for stored, label in column.choices:
        if label.casefold().startswith(words.casefold()) and len(words) >= 4:
            return stored
    options = [stored for stored, _ in column.choices] + [label for _, label in column.choices]
    close = get_close_matches(words, options, n=1, cutoff=0.6)
    hint = f" — did you mean “{close[0]}”?" if close else ""
    listed = ", ".join(stored for stored, _ in column.choices)
    raise CellError(f"“{words}” is not one of the choices ({listed}){hint}")


def yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    words = plain(value).casefold()
    if words in YES:
        return True
    if words in NO:
        return False
    raise CellError(f"“{plain(value)}” is not yes or no.")


def whole(value) -> int | None:
    words = plain(value)
    if not words:
        return None
    if not re.fullmatch(r"\d+", words):
        raise CellError(f"“{words}” is not a whole number.")
    return int(words)


def named(words: str, lookup: dict, noun: str):
    """The entry of a controlled list called ``words`` (any capitals), or a suggestion."""
    found = lookup.get(words.casefold())
    if found is not None:
        return found
    names = [str(entry) for entry in lookup.values()]
    close = get_close_matches(words, names, n=1, cutoff=0.6)
    hint = (
        f" — did you mean “{close[0]}”?"
        if close
        else ". Check the spelling, or ask a board officer to add it."
    )
    raise CellError(f"{noun} “{words}” is not one of the board's {noun}s{hint}")


def names(value, lookup: dict, noun: str) -> list:
    """Entries of a controlled list separated by ";" or new lines; each problem is reported."""
    entries, problems = [], []
    for part in LIST_SEPARATOR.split(plain(value)):
        part = part.strip()
        if not part:
            continue
        try:
            entry = named(part, lookup, noun)
        except CellError as error:
            problems.append(str(error))
            continue
        if entry not in entries:
            entries.append(entry)
    if problems:
        raise CellError(" ".join(problems))
    return entries
