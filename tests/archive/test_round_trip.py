"""An exported board, restored into an emptied database, exports again to the same archive and shows the same pages."""

import json
import re
import shutil
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from reviews.caching import content_version
from reviews.models import Review, Theme
from tests.archive.conftest import PDF, export_board, import_board

PAGES = [
    "/",
    "/reviews/",
    "/lessons/",
    "/lessons/?q=curiosity",
    "/reviews/child-m/",
    "/themes/neglect/",
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
    """Empty every table, as a new database would be; content types and permissions come back under other ids.

    As migrate would make them in a database where models were created in another order: the
    archive must find them by name, never by id.
    """

    def empty():
        content_types = list(ContentType.objects.values())
        permissions = list(Permission.objects.values())
        connection.check_constraints()  # PostgreSQL empties no table with checks pending in the transaction
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        ContentType.objects.bulk_create(
            ContentType(**{**row, "id": row["id"] + 1000}) for row in content_types
        )
        Permission.objects.bulk_create(
            Permission(**{**row, "id": row["id"] + 5000, "content_type_id": row["content_type_id"] + 1000})
            for row in permissions
        )

    yield empty
    ContentType.objects.clear_cache()  # the ids of the emptied database are rolled back with it


def test_export_then_import_into_an_emptied_database_gives_back_the_same_board(
    archive, client, tmp_path, media_root, database_emptied
):
    before = page_texts(client)
    first = export_board(tmp_path / "first.zip")

    database_emptied()
    shutil.rmtree(media_root)
    assert not Review.objects.exists()
    import_board(archive)

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


def test_the_archive_is_documented_and_maps_what_migrate_recreates_by_natural_key(archive):
    with zipfile.ZipFile(archive) as opened:
        archive = {name: opened.read(name) for name in opened.namelist()}
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


def test_a_restored_board_gets_new_ids_after_its_own_and_cached_pages_go_stale(archive, database_emptied):
    database_emptied()
    emptied_version = content_version()
    import_board(archive)
    assert content_version() != emptied_version
    theme = Theme.objects.create(name="Added after the restore", slug="added")
    assert theme.pk > Theme.objects.exclude(pk=theme.pk).order_by("-pk").first().pk
    assert Group.objects.filter(permissions__codename="publish_review").exists()
