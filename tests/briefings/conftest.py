import logging

import pytest

from briefings.models import Newsletter
from demo.typical_newsletter import typical_newsletter_create
from tests.briefings.workflow import approve_and_publish
from tests.factories import BoardProfileFactory


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


def refreshed(newsletter):
    return Newsletter.objects.get(pk=newsletter.pk)
