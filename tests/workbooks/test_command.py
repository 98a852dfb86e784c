"""manage.py import_reviews: the same checks and writes from the command line."""

import pytest
from django.core.management import CommandError, call_command

from reviews.models import Review
from tests.workbooks.builders import sheets, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "board.xlsx"
    path.write_bytes(xlsx().getvalue())
    return path


def test_a_dry_run_says_what_would_be_done_and_writes_nothing(workbook, capsys):
    call_command("import_reviews", str(workbook), "--dry-run", verbosity=0)
    assert "Dry run: 1 review(s) to add as drafts, 0 to update, 0 unchanged." in capsys.readouterr().out
    assert not Review.objects.exists()


def test_an_import_records_the_named_officer_and_a_second_changes_nothing(workbook, officer, capsys):
    call_command("import_reviews", str(workbook), "--user", officer.email, verbosity=0)
    review = Review.objects.get(reference="LCSPR-2025-07")
    assert review.history.last().history_user == officer
    call_command("import_reviews", str(workbook), "--user", officer.email, verbosity=0)
    assert "0 review(s) to add as drafts, 0 to update, 1 unchanged" in capsys.readouterr().out


def test_problems_stop_the_command_with_each_one_listed(tmp_path, officer, capsys):
    data = sheets()
    data["Lessons"][1][2] = "Neglct"
    path = tmp_path / "bad.xlsx"
    path.write_bytes(xlsx(data).getvalue())
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_reviews", str(path), "--user", officer.email, verbosity=0)
    assert "did you mean “Neglect”?" in capsys.readouterr().err
    assert not Review.objects.exists()


def test_someone_must_be_named_and_may_import(workbook, practitioner):
    with pytest.raises(CommandError, match="--user"):
        call_command("import_reviews", str(workbook), verbosity=0)
    with pytest.raises(CommandError, match="not a board officer or manager"):
        call_command("import_reviews", str(workbook), "--user", practitioner.email, verbosity=0)
