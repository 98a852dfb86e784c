import logging

import pytest
from django.contrib.auth.models import Permission

from briefings.bench import bench_newsletter_create
from briefings.models import Newsletter
from briefings.services import newsletter_publish
from tests.factories import BoardProfileFactory, UserFactory


@pytest.fixture(autouse=True)
def quiet_weasyprint():
    # WeasyPrint logs every layout step at INFO; the tests read the PDF instead.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@pytest.fixture
def board(db):
    return BoardProfileFactory()


@pytest.fixture
def editor(db):
    """Staff who may compose, preview and publish newsletters, and view every review."""
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="briefings")
        | Permission.objects.filter(content_type__app_label="reviews", codename__startswith="view_")
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def draft_newsletter(board):
    """Three published, public reviews about the size of a four-page board newsletter."""
    return bench_newsletter_create()


@pytest.fixture
def published_newsletter(draft_newsletter, editor):
    return newsletter_publish(newsletter=draft_newsletter, by=editor)


def refreshed(newsletter):
    return Newsletter.objects.get(pk=newsletter.pk)
