"""The annual learning report: assembled from its period, printed for everyone, approved by two people."""

import datetime
import re
import shutil
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.test import override_settings

from actions.models import BoardResponse
from briefings import kept_pdfs as keeping
from briefings.annual_report import annual_report
from briefings.models import Newsletter
from briefings.publication import newsletter_problems
from briefings.services import newsletter_publish, newsletter_submit
from reviews.models import Review
from tests.briefings.conftest import refreshed
from tests.briefings.pdfs import ReadPdf
from tests.briefings.workflow import approve_and_publish
from tests.factories import (
    BoardProfileFactory,
    ChildFactory,
    LessonFactory,
    ManagerFactory,
    ReviewFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)
IN_PERIOD = datetime.date(2024, 9, 1)
HIDDEN = {
    # Never printed, whoever reads the report: not published for everyone, or not in the period.
    "partners": "Partner-only review in the period",
    "draft": "Draft review in the period",
    "withdrawn": "Withdrawn review in the period",
    "not_published": "Review the board did not publish",
    "before": "Public review of the year before",
}
NOTE = "The board decided not to publish this review to protect the child's brothers and sisters."


def period_create():
    theme = ThemeFactory(name="Annual report theme", slug="annual-report-theme")
    public = []
    for number in range(3):
        review = ReviewFactory(title=f"Public review {number} of the year", published_on=IN_PERIOD)
        review.themes.add(theme)
        ChildFactory(review=review, pseudonym=f"Child Y{number}")
        LessonFactory(review=review)
        public.append(review)
    ReviewFactory(title=HIDDEN["partners"], visibility=Review.Visibility.PARTNERS, published_on=IN_PERIOD)
    ReviewFactory(title=HIDDEN["draft"], state=Review.State.DRAFT, published_on=None)
    ReviewFactory(title=HIDDEN["withdrawn"], state=Review.State.WITHDRAWN, published_on=IN_PERIOD)
    ReviewFactory(
        title=HIDDEN["not_published"],
        state=Review.State.NOT_FOR_PUBLICATION,
        published_on=None,
        completed_on=datetime.date(2024, 6, 1),
        public_note=NOTE,
    )
    ReviewFactory(title=HIDDEN["before"], published_on=datetime.date(2023, 9, 1)).themes.add(theme)
    for title, published, day in [
        ("Neglect strategy revised", True, datetime.date(2024, 10, 1)),
        ("Unpublished response", False, datetime.date(2024, 10, 1)),
        ("Response of another year", True, datetime.date(2023, 10, 1)),
    ]:
        BoardResponse.objects.create(
            kind=BoardResponse.Kind.STRATEGY,
            title=title,
            description="A multi-agency group rewrote the strategy.",
            responded_on=day,
            published=published,
        )
    return public


def annual_report_create(**fields):
    return Newsletter.objects.create(
        kind=Newsletter.Kind.ANNUAL_REPORT,
        title="Learning from case reviews 2024–25",
        slug=fields.pop("slug", "annual-report-2024-25"),
        issue_date=datetime.date(2025, 6, 1),
        period_start=START,
        period_end=END,
        introduction="The board's year of learning, in brief.",
        closing_message="Thank you to every practitioner who took part.",
        **fields,
    )


@pytest.fixture(scope="module")
def published_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The period's reviews and the report published once (its PDF kept: the one rendering)."""
    media = tmp_path_factory.mktemp("annual-report")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        BoardProfileFactory()
        public = period_create()
        report = approve_and_publish(newsletter=annual_report_create(), by=ManagerFactory())
    yield SimpleNamespace(media=media, report_pk=report.pk, public_pks=[r.pk for r in public])
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def published(published_once, media_root, db):
    shutil.copytree(published_once.media, media_root, dirs_exist_ok=True)
    cache.clear()
    return SimpleNamespace(
        report=Newsletter.objects.get(pk=published_once.report_pk),
        public=list(Review.objects.filter(pk__in=published_once.public_pks).order_by("pk")),
    )


@pytest.fixture(scope="module")
def printed(published_once, django_db_blocker):
    """The kept PDF, read once for the module."""
    with django_db_blocker.unblock():
        name = Newsletter.objects.get(pk=published_once.report_pk).pdf_name
    return ReadPdf((published_once.media / name).read_bytes())


def test_it_holds_the_periods_public_reviews_published_responses_and_only_a_count_of_the_rest(published):
    report = annual_report(START, END)
    assert [review.pk for review in report.reviews] == [review.pk for review in published.public]
    assert [(theme.name, theme.reviews) for theme in report.themes] == [("Annual report theme", 3)]
    assert [response.title for response in report.responses] == ["Neglect strategy revised"]
    assert report.not_published == 1
    assert [note["public_note"] for note in report.public_notes] == [NOTE]
    assert report.children == 3
    # The theme table looks back over five years: the theme came up in 2023 and in 2024.
    themes = report.themes_chart.table
    assert themes.columns == ["Theme", "2021", "2022", "2023", "2024", "2025", "All years"]
    assert themes.rows == [("Annual report theme", [0, 0, 1, 3, 0, 4])]


def test_its_web_page_shows_the_report_and_nothing_that_is_not_public(client, published):
    html = client.get(published.report.get_absolute_url()).content.decode()
    for review in published.public:
        assert review.title in html
    for title in HIDDEN.values():
        assert title not in html
    assert "Neglect strategy revised" in html and "Unpublished response" not in html
    assert "brothers and sisters" in html  # the board's public sentence, without its review
    assert "Themes by year" in html and "<svg" in html


def test_the_pdf_prints_the_period_as_vector_charts_tagged_for_screen_readers(published, printed):
    text = printed.text
    for review in published.public:
        assert review.title in text
    for title in HIDDEN.values():
        assert title not in text
    assert "Unpublished response" not in text
    for heading in ("The period in figures", "Themes by year", "What the board did in response"):
        assert heading in text
    assert "Reviews not published" in text and "brothers and sisters" in text
    images = [
        xobject
        for page in printed.reader.pages
        for xobject in (page.get("/Resources", {}).get("/XObject") or {}).values()
        if xobject.get_object().get("/Subtype") == "/Image"
    ]
    assert images == []  # the charts are drawn, not pictures
    catalog = printed.reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "en-GB"


def test_a_review_withdrawn_after_publication_takes_the_kept_report_with_it(
    client, published, media_root, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    assert list((media_root / keeping.NEWSLETTER_FOLDER).glob("*.pdf"))
    review = published.public[0]
    with django_capture_on_commit_callbacks(execute=True):
        review.state = Review.State.WITHDRAWN
        review.save()
    assert list((media_root / keeping.NEWSLETTER_FOLDER).glob("*.pdf")) == []
    assert refreshed(published.report).pdf_name == ""
    assert client.get(published.report.get_pdf_url()).status_code == 503  # rendered again, without it
    assert review.title not in client.get(published.report.get_absolute_url()).content.decode()


def test_it_needs_its_period_and_no_reviews_chosen_by_hand(published):
    with pytest.raises(ValidationError, match="both dates of the period"):
        Newsletter(
            kind=Newsletter.Kind.ANNUAL_REPORT, title="No period", slug="no-period", issue_date=END
        ).full_clean()
    draft = annual_report_create(slug="by-hand")
    assert newsletter_problems(draft) == []
    draft.items.create(review=published.public[0])
    assert "remove the reviews added by hand" in " ".join(newsletter_problems(draft))


def test_the_manager_who_submits_it_cannot_publish_it_but_another_can(published):
    manager = ManagerFactory()
    report = newsletter_submit(newsletter=annual_report_create(slug="four-eyes"), by=manager)
    with pytest.raises(PermissionDenied):
        newsletter_publish(newsletter=report, by=manager)
    # Its PDF is rendered once the publication commits, which a test's transaction never does.
    newsletter_publish(newsletter=refreshed(report), by=ManagerFactory())
    assert refreshed(report).state == Newsletter.State.PUBLISHED


def test_every_contents_entry_leads_to_a_section(client, published):
    page = client.get(published.report.get_absolute_url()).content.decode()
    contents = page[page.index("What's inside") : page.index("</nav>", page.index("What's inside"))]
    anchors = re.findall(r'href="#([^"]+)"', contents)
    assert anchors[:3] == ["introduction", "figures", "reviews"]
    for anchor in anchors:
        assert f'id="{anchor}"' in page, anchor
