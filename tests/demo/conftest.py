import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from demo import content


@pytest.fixture
def folder(tmp_path):
    """A copy of the demo files that a test may break."""
    shutil.copytree(content.DATA, tmp_path / "data")
    return tmp_path / "data"


def keep_only(folder, *references):
    """Leave the copy with only these reviews and no newsletters: loading twelve reviews to find
    one broken file took seconds per test."""
    for path in (folder / "reviews").glob("*.toml"):
        if path.stem.upper() not in references:
            path.unlink()
    shutil.rmtree(folder / "newsletters")
    (folder / "newsletters").mkdir()


def load(folder):
    out = StringIO()
    call_command("load_demo", folder=folder, pdfs=False, stdout=out)
    return out.getvalue()
