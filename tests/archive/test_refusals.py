"""A restore that cannot be done says why in plain words and writes nothing: not half a board, not a file."""

import io
import json
import zipfile

import pytest
from django.core.management.base import CommandError

from reviews.models import Review, Theme
from tests.archive.conftest import export_board, import_board
from tests.factories import ReviewFactory


def rewritten(source, target, **changes):
    """A copy of the archive ``source`` with members replaced (bytes) or the manifest changed (a dict)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for name in original.namelist():
            content = original.read(name)
            if name == "manifest.json" and "manifest" in changes:
                content = json.dumps({**json.loads(content), **changes["manifest"]}).encode()
            copy.writestr(name, changes.get(name, content))
    return target


def refusal(path, *args) -> str:
    with pytest.raises(CommandError) as refused:
        import_board(path, *args)
    return str(refused.value)


def test_a_file_that_is_not_a_zip_is_refused(db, tmp_path):
    path = tmp_path / "board.zip"
    path.write_bytes(b"These are the minutes of the board meeting.")
    assert "not a board archive" in refusal(path)


def test_a_zip_without_a_manifest_is_refused(db, tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as photos:
        photos.writestr("holiday.jpg", b"\xff\xd8")
    assert "has no manifest.json" in refusal(path)


def test_an_archive_of_a_newer_format_asks_for_newer_software(archive, tmp_path):
    newer = rewritten(archive, tmp_path / "newer.zip", manifest={"format_version": 2})
    message = refusal(newer, "--replace")
    assert "format version 2" in message and "newer version of the software" in message


def test_a_manifest_without_its_list_of_models_is_refused(archive, tmp_path):
    damaged = rewritten(archive, tmp_path / "damaged.zip", manifest={"models": "reviews"})
    assert "its list of models cannot be read" in refusal(damaged, "--replace")


def test_an_archive_from_newer_migrations_is_refused(archive, tmp_path):
    newer = rewritten(
        archive, tmp_path / "newer.zip", manifest={"migrations": {"reviews": "9999_from_the_future"}}
    )
    assert "reviews.9999_from_the_future" in refusal(newer, "--replace")


def test_a_database_that_holds_reviews_is_not_overwritten_without_replace(archive):
    message = refusal(archive)
    assert "already holds 3 reviews" in message and "--replace" in message
    ReviewFactory(title="Entered since the export")

    import_board(archive, "--replace")
    assert not Review.objects.filter(title="Entered since the export").exists()
    assert Review.objects.filter(slug="child-m").exists()


def test_damaged_data_restores_nothing(archive, tmp_path):
    themes = set(Theme.objects.values_list("name", flat=True))
    damaged = rewritten(
        archive, tmp_path / "damaged.zip", **{"data/reviews.lesson.jsonl": b'{"model": "reviews.les'}
    )

    assert "could not be restored, and nothing was" in refusal(damaged, "--replace")
    assert set(Theme.objects.values_list("name", flat=True)) == themes
    assert Review.objects.count() == 3


def test_a_restore_that_fails_after_writing_files_deletes_them(archive, tmp_path, media_root):
    for path in media_root.rglob("*.pdf"):
        path.unlink()  # so that the restore has to write them again
    with zipfile.ZipFile(archive) as original:
        child = json.loads(original.read("data/reviews.child.jsonl"))
    child["fields"]["review"] = 999_999  # checked once every row and file is in
    dangling = rewritten(
        archive, tmp_path / "dangling.zip", **{"data/reviews.child.jsonl": json.dumps(child)}
    )

    assert "could not be restored, and nothing was" in refusal(dangling, "--replace")
    assert not list(media_root.rglob("*.pdf"))
    assert Review.objects.count() == 3


def test_an_archive_missing_rows_it_counts_is_refused(archive, tmp_path):
    with zipfile.ZipFile(archive) as original:
        reviews = original.read("data/reviews.review.jsonl").splitlines(keepends=True)
    short = rewritten(
        archive, tmp_path / "short.zip", **{"data/reviews.review.jsonl": b"".join(reviews[:-1])}
    )
    assert "the archive is incomplete" in refusal(short, "--replace")


def test_export_refuses_nothing_and_writes_a_complete_file_or_none(db, tmp_path):
    path = tmp_path / "empty-board.zip"
    export_board(path)
    assert not (tmp_path / "empty-board.zip.partial").exists()
    with zipfile.ZipFile(path) as archive, archive.open("manifest.json") as manifest:
        assert json.load(io.TextIOWrapper(manifest))["files"]["count"] == 0
