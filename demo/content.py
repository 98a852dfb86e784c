"""The demo content, read from the TOML files in demo/data/.

One file per review, one per newsletter, and board.toml for the board itself, so that a
board officer can read and change the demo without reading Python. Nothing is validated
here beyond the file being TOML: the services that load it validate every record.
"""

import tomllib
from pathlib import Path

from django.conf import settings

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
