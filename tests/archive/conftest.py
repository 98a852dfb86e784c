import datetime
import io
import shutil
import zipfile
from types import SimpleNamespace

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from actions.models import ProgressUpdate
from briefings.models import Newsletter, NewsletterReview
from reviews.models import Review
from tests.actions.factories import ActionFactory
from tests.cases.factories import CaseFactory
from tests.factories import (
    BoardProfileFactory,
    ChildFactory,
    KeyIssueFactory,
    LessonFactory,
    OfficerFactory,
    PositiveFactorFactory,
    RecommendationFactory,
    ReviewFactory,
    ServiceFactory,
    ThemeFactory,
)

PDF = b"%PDF-1.7\n" + b"report " * 50
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(scope="module")
def archived_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The board made and exported once for a module, in a transaction rolled back at its end.

    Each test runs in its own transaction inside this one, so whatever it changes (emptying the
    database, restoring) is undone before the next.
    """
    folder = tmp_path_factory.mktemp("archived-board")
    media, path = folder / "media", folder / "board.zip"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        board_fill()
        export_board(path)
    yield SimpleNamespace(media=media, path=path)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def archive(archived_once, media_root, db):
    """The archive of the board, with the board in the database and its files in storage as exported."""
    shutil.copytree(archived_once.media, media_root, dirs_exist_ok=True)
    cache.clear()
    return archived_once.path


def board_fill():
    """A board holding a little of everything: reviews in each state, a newsletter, an action with evidence, a case."""
    BoardProfileFactory(logo=SimpleUploadedFile("crest.png", PNG))
    officer = OfficerFactory()
    neglect, domestic = ThemeFactory(name="Neglect", slug="neglect"), ThemeFactory()
    health = ServiceFactory()
    published = ReviewFactory(
        title="Child M: management review",
        slug="child-m",
        report_file=SimpleUploadedFile("child-m.pdf", PDF),
        history=True,
    )
    published.themes.set([neglect, domestic])
    published.services.set([health])
    child = ChildFactory(review=published, pseudonym="Child M")
    KeyIssueFactory(review=published, child=child, text="Nobody asked the child what life was like at home.")
    PositiveFactorFactory(
        review=published, practice_area="Health", text="The health visitor escalated promptly."
    )
    LessonFactory(
        review=published, themes=[neglect], services=[health], text="There is a need for curiosity."
    )
    recommendation = RecommendationFactory(
        review=published, text="All agencies review their escalation policy."
    )
    action = ActionFactory(recommendation=recommendation)
    ProgressUpdate.objects.create(
        action=action,
        written_on=datetime.date(2026, 3, 1),
        note="Forty officers attended the briefing.",
        evidence=SimpleUploadedFile("attendance.pdf", PDF + b"attendance"),
        by=officer,
    )
    partners = ReviewFactory(visibility=Review.Visibility.PARTNERS, title="Partner-only review")
    LessonFactory(review=partners, text="Partner-only lesson.")
    ReviewFactory(state=Review.State.DRAFT, title="Draft review", published_on=None)
    newsletter = Newsletter.objects.create(
        title="Learning from reviews, spring", slug="spring", issue_date=datetime.date(2026, 4, 1)
    )
    NewsletterReview.objects.create(newsletter=newsletter, review=published, order=1)
    CaseFactory()
    LogEntry.objects.create(
        user=officer,
        content_type=ContentType.objects.get_for_model(Review),
        object_id=str(published.pk),
        object_repr=str(published),
        action_flag=ADDITION,
    )
    return published


def export_board(path) -> dict:
    """Export through the command, as an officer would; returns the archive's members and their bytes."""
    call_command("export_board", str(path), stdout=io.StringIO())
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def import_board(path, *args):
    call_command("import_board", str(path), *args, stdout=io.StringIO())
