"""The demo's TOML files: what an officer sees when one is wrong (what they load into: test_load_demo.py)."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from demo import content
from reviews.models import Review

pytestmark = pytest.mark.django_db


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
    call_command("load_demo", folder=folder, stdout=out)
    return out.getvalue()


def test_a_file_that_is_not_toml_is_named_with_the_line_to_look_at(folder):
    broken = folder / "reviews" / "mr-2014-02.toml"
    broken.write_text(broken.read_text().replace('kind = "management"', 'kind = "management'))
    with pytest.raises(CommandError, match=r"mr-2014-02\.toml is not valid TOML: .*line 4"):
        load(folder)
    assert not Review.objects.exists()  # every file is read before anything is loaded


def test_a_review_that_breaks_a_rule_is_refused_naming_the_file_and_the_field(folder):
    keep_only(folder, "MR-2014-01", "RR-2026-01")
    broken = folder / "reviews" / "rr-2026-01.toml"
    broken.write_text(broken.read_text().replace('kind = "rapid"', 'kind = "inquest"'))
    with pytest.raises(CommandError, match=r"rr-2026-01\.toml could not be loaded: kind: .*inquest"):
        load(folder)
    assert not Review.objects.filter(reference="RR-2026-01").exists()


def test_a_theme_not_in_the_controlled_list_is_named(folder):
    keep_only(folder, "SCR-2016-01")
    broken = folder / "reviews" / "scr-2016-01.toml"
    broken.write_text(broken.read_text().replace('"Neglect"', '"Neglekt"', 1))
    with pytest.raises(
        CommandError, match=r"scr-2016-01\.toml could not be loaded: 'Neglekt' is missing, or is not a name"
    ):
        load(folder)


def test_a_copied_file_that_keeps_the_reference_is_refused_rather_than_skipped(folder):
    shutil.copy(folder / "reviews" / "mr-2014-01.toml", folder / "reviews" / "mr-2014-03.toml")
    with pytest.raises(
        CommandError,
        match=r"mr-2014-03\.toml has the reference MR-2014-01, already used by .*mr-2014-01\.toml",
    ):
        load(folder)


def test_a_newsletter_in_a_state_the_demo_cannot_give_it_is_refused(folder):
    newsletter = (folder / "newsletters" / "learning-from-local-reviews-2014.toml").read_text()
    keep_only(folder, "MR-2011-01", "SCR-2011-01", "PR-2013-01")  # the reviews it prints
    broken = folder / "newsletters" / "learning-from-local-reviews-2014.toml"
    broken.write_text(newsletter)
    broken.write_text(broken.read_text().replace('state = "published"', 'state = "withdrawn"'))
    with pytest.raises(
        CommandError, match=r'learning-from-local-reviews-2014\.toml: state must be "draft" or "published"'
    ):
        load(folder)
