import logging
import shutil
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from accounts.models import User
from briefings.models import Newsletter
from demo.typical_newsletter import typical_newsletter_create
from reviews.models import BoardProfile
from tests.briefings.workflow import approve_and_publish
from tests.factories import BoardProfileFactory, ManagerFactory


@pytest.fixture(autouse=True)
def quiet_weasyprint():
    # WeasyPrint logs every layout step at INFO; the tests read the PDF instead.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@pytest.fixture
def board(db):
    return BoardProfileFactory()


@pytest.fixture
def editor(manager):
    """A board manager: composes, previews, approves and publishes newsletters, views every review."""
    return manager


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def draft_newsletter(board):
    """Three published, public reviews about the size of a four-page board newsletter."""
    return typical_newsletter_create()


@pytest.fixture
def published_newsletter(draft_newsletter, editor):
    return approve_and_publish(newsletter=draft_newsletter, by=editor)


@pytest.fixture(scope="module")
def published_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The typical newsletter published once for a whole module, in a transaction rolled back at its end.

    For modules whose every test starts from the same published newsletter: making and publishing
    it is most of such a test's time. Each test runs in its own transaction inside this one, so
    whatever a test changes is undone before the next; ``published_for_the_test`` also gives each
    test the kept files as they were just after publishing and an empty cache.
    """
    media = tmp_path_factory.mktemp("published-once")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        board = BoardProfileFactory()
        editor = ManagerFactory()
        newsletter = approve_and_publish(newsletter=typical_newsletter_create(), by=editor)
    yield SimpleNamespace(media=media, board_pk=board.pk, editor_pk=editor.pk, newsletter_pk=newsletter.pk)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def published_for_the_test(published_once, media_root, db):
    """The module's published newsletter, its board and its editor, as each test of the module finds them."""
    shutil.copytree(published_once.media, media_root, dirs_exist_ok=True)
    cache.clear()
    return SimpleNamespace(
        board=BoardProfile.objects.get(pk=published_once.board_pk),
        editor=User.objects.get(pk=published_once.editor_pk),
        newsletter=Newsletter.objects.get(pk=published_once.newsletter_pk),
    )


def refreshed(newsletter):
    return Newsletter.objects.get(pk=newsletter.pk)
