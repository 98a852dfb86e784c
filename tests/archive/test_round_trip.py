"""An exported board, restored into an emptied database, exports again to the same archive and shows the same pages."""

import json
import re
import shutil

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal

from reviews.caching import content_version
from reviews.models import Review, Theme
from tests.archive.conftest import PDF, export_board, import_board

PAGES = [
    "/",
    "/reviews/",
    "/lessons/",
    "/reviews/child-m/",
    "/themes/neglect/",
    "/newsletters/",
]


def page_texts(client):
    texts = {}
    for address in PAGES:
        response = client.get(address)
        assert response.status_code == 200, address
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
        texts[address] = " ".join(re.sub(r"<[^>]+>", " ", body).split())
    return texts


@pytest.fixture
def database_emptied():
    """Empty every table, then let migrate's signals recreate content types and permissions under other ids."""

    def empty():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        ContentType.objects.create(app_label="elsewhere", model="shifted")  # every id moves up by one
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    yield empty
    ContentType.objects.clear_cache()  # the ids of the emptied database are rolled back with it


def test_export_then_import_into_an_emptied_database_gives_back_the_same_board(
    board, client, tmp_path, media_root, database_emptied
):
    before = page_texts(client)
    first = export_board(tmp_path / "first.zip")

    database_emptied()
    shutil.rmtree(media_root)
    assert not Review.objects.exists()
    import_board(tmp_path / "first.zip")

    second = export_board(tmp_path / "second.zip")
    assert first.keys() == second.keys()
    for name in first:
        if name != "manifest.json":
            assert first[name] == second[name], name
    manifests = [json.loads(archive["manifest.json"]) for archive in (first, second)]
    for manifest in manifests:
        del manifest["created_at"]
    assert manifests[0] == manifests[1]

    cache.clear()  # pages must come from the restored rows, not from what was cached before
    assert page_texts(client) == before
    assert "Nobody asked the child what life was like at home." in before["/reviews/child-m/"]
    assert (media_root / "reports" / "child-m.pdf").read_bytes() == PDF


def test_the_archive_is_documented_and_maps_what_migrate_recreates_by_natural_key(board, tmp_path):
    archive = export_board(tmp_path / "board.zip")
    manifest = json.loads(archive["manifest.json"])
    assert manifest["format"] == "lscb-board-archive" and manifest["format_version"] == 1
    counts = {entry["model"]: entry["count"] for entry in manifest["models"]}
    assert counts["reviews.review"] == 3 and counts["reviews.historicalreview"] >= 1
    assert "sessions.session" in manifest["left_out"] and "sessions.session" not in counts
    assert manifest["files"]["count"] == 3  # the report, the evidence and the logo
    log = json.loads(archive["data/admin.logentry.jsonl"])
    assert log["fields"]["content_type"] == ["reviews", "review"]
    group = json.loads(archive["data/auth.group.jsonl"].splitlines()[0])
    assert all(isinstance(permission, list) for permission in group["fields"]["permissions"])


def test_a_restored_board_gets_new_ids_after_its_own_and_cached_pages_go_stale(
    board, tmp_path, database_emptied
):
    export_board(tmp_path / "board.zip")
    database_emptied()
    emptied_version = content_version()
    import_board(tmp_path / "board.zip")
    assert int(content_version()) > int(emptied_version)
    theme = Theme.objects.create(name="Added after the restore", slug="added")
    assert theme.pk > Theme.objects.exclude(pk=theme.pk).order_by("-pk").first().pk
    assert Group.objects.filter(permissions__codename="publish_review").exists()
