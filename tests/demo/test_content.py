"""The demo's TOML files: what an officer sees when one is wrong (what they load into: test_load_demo.py)."""

import shutil

import pytest
from django.core.management import CommandError

from reviews.models import Review
from tests.demo.conftest import keep_only, load

pytestmark = pytest.mark.django_db


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


def test_a_theme_not_in_the_controlled_list_is_named_with_the_file_and_a_suggestion(folder):
    keep_only(folder, "SCR-2016-01")
    broken = folder / "reviews" / "scr-2016-01.toml"
    broken.write_text(broken.read_text().replace('"Neglect"', '"Neglekt"', 1))
    with pytest.raises(
        CommandError,
        match=r"scr-2016-01\.toml could not be loaded: themes: theme “Neglekt” is not one of the board's "
        r"themes — did you mean “Neglect”\?",
    ):
        load(folder)
    assert not Review.objects.exists()


def test_a_bad_theme_of_a_lesson_names_the_file_the_lesson_and_the_key(folder):
    keep_only(folder, "MR-2014-01", "SCR-2016-01")
    broken = folder / "reviews" / "scr-2016-01.toml"
    text = broken.read_text()
    second = text.index('themes = ["Neglect", "Assessment quality"]')
    broken.write_text(text[:second] + text[second:].replace('"Neglect"', '"Neglekt"', 1))
    with pytest.raises(CommandError) as refused:
        load(folder)
    assert str(refused.value) == (
        f"{folder}/reviews/scr-2016-01.toml could not be loaded: [[lessons]] number 2, themes: theme “Neglekt” "
        "is not one of the board's themes — did you mean “Neglect”?"
    )
    assert not Review.objects.exists()  # nothing of the good file either: all or nothing


def test_a_misspelt_key_is_named_with_the_key_it_may_mean(folder):
    keep_only(folder, "RR-2026-01")
    broken = folder / "reviews" / "rr-2026-01.toml"
    broken.write_text(broken.read_text().replace("\nwhy_it_matters =", "\nwhy_it_maters =", 1))
    with pytest.raises(
        CommandError,
        match=r"rr-2026-01\.toml could not be loaded: “why_it_maters” is not a column of this sheet — did you "
        r"mean “Why it matters”\?",
    ):
        load(folder)


def test_a_state_the_workbook_cannot_carry_is_still_checked_and_nothing_is_loaded(folder):
    keep_only(folder, "MR-2014-01", "RR-2026-01")
    broken = folder / "reviews" / "mr-2014-01.toml"
    broken.write_text(broken.read_text().replace('state = "published"', 'state = "not_for_publication"'))
    with pytest.raises(
        CommandError,
        match=r"mr-2014-01\.toml could not be loaded: Give the reason the board decided not to publish",
    ):
        load(folder)
    assert not Review.objects.exists()


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
