"""The demo's TOML files: what they load into, and what an officer sees when one is wrong."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from briefings.models import Newsletter
from demo import content
from reviews.models import Review

pytestmark = pytest.mark.django_db

# reference: children, key issues, positive factors, lessons, recommendations
EXPECTED = {
    "MR-2014-01": (1, 6, 3, 6, 4),
    "MR-2014-02": (1, 6, 3, 7, 4),
    "MR-2011-01": (2, 8, 5, 6, 3),
    "MR-2011-02": (1, 6, 5, 8, 4),
    "SCR-2011-01": (1, 6, 3, 8, 3),
    "PR-2013-01": (3, 6, 5, 10, 7),
    "TR-2016-01": (2, 6, 3, 6, 5),
    "SCR-2016-02": (1, 4, 2, 4, 2),
    "LCSPR-2026-01": (1, 5, 2, 6, 4),
    "SCR-2016-01": (1, 4, 2, 5, 3),
    "RR-2026-01": (1, 2, 0, 2, 0),
}
FINDINGS = ["children", "keyissues", "positivefactors", "lessons", "recommendations"]


@pytest.fixture
def folder(tmp_path):
    """A copy of the demo files that a test may break."""
    shutil.copytree(content.DATA, tmp_path / "data")
    return tmp_path / "data"


def load(folder):
    out = StringIO()
    call_command("load_demo", folder=folder, stdout=out)
    return out.getvalue()


def test_the_files_load_into_eleven_reviews_with_every_child_and_finding():
    call_command("load_demo", stdout=StringIO())
    loaded = {
        review.reference: tuple(getattr(review, name).count() for name in FINDINGS)
        for review in Review.objects.all()
    }
    assert loaded == EXPECTED
    newsletters = {n.slug: (n.state, n.items.count()) for n in Newsletter.objects.all()}
    assert newsletters == {
        "learning-from-local-reviews-2014": (Newsletter.State.PUBLISHED, 3),
        "7-minute-briefing-management-reviews-2014": (Newsletter.State.DRAFT, 3),
    }


def test_long_texts_keep_their_paragraphs_and_lists_exactly():
    call_command("load_demo", stdout=StringIO())
    summary = Review.objects.get(reference="MR-2014-01").summary
    assert summary.startswith("Child M was a 15-year-old boy")
    assert "gang.\n\nAt home" in summary
    assert summary.endswith(
        "\n* Because he was nearly 16, several professionals treated his refusal of help as a free choice."
    )


def test_a_file_that_is_not_toml_is_named_with_the_line_to_look_at(folder):
    broken = folder / "reviews" / "mr-2014-02.toml"
    broken.write_text(broken.read_text().replace('kind = "management"', 'kind = "management'))
    with pytest.raises(CommandError, match=r"mr-2014-02\.toml is not valid TOML: .*line 4"):
        load(folder)
    assert not Review.objects.exists()  # every file is read before anything is loaded


def test_a_review_that_breaks_a_rule_is_refused_naming_the_file_and_the_field(folder):
    broken = folder / "reviews" / "rr-2026-01.toml"
    broken.write_text(broken.read_text().replace('kind = "rapid"', 'kind = "inquest"'))
    with pytest.raises(CommandError, match=r"rr-2026-01\.toml could not be loaded: kind: .*inquest"):
        load(folder)
    assert not Review.objects.filter(reference="RR-2026-01").exists()


def test_a_theme_not_in_the_controlled_list_is_named(folder):
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
    broken = folder / "newsletters" / "learning-from-local-reviews-2014.toml"
    broken.write_text(broken.read_text().replace('state = "published"', 'state = "withdrawn"'))
    with pytest.raises(
        CommandError, match=r'learning-from-local-reviews-2014\.toml: state must be "draft" or "published"'
    ):
        load(folder)
