"""The public archive, the web version of a newsletter, and PDF downloads."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from briefings.models import Newsletter
from briefings.services import newsletter_create
from demo.typical_newsletter import AMBER, REVIEW_TITLES
from tests.briefings.pdfs import pdf_of
from tests.briefings.workflow import approve_and_publish
from tests.factories import (
    ChildFactory,
    KeyIssueFactory,
    LessonFactory,
    PositiveFactorFactory,
    RecommendationFactory,
    ReviewFactory,
)

# Every test starts from the typical newsletter just published (tests/briefings/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("published_for_the_test")]


@pytest.fixture
def published_newsletter(published_for_the_test):
    return published_for_the_test.newsletter


@pytest.fixture
def board(published_for_the_test):
    return published_for_the_test.board


def test_archive_lists_published_newsletters_newest_first_with_kind_date_pages_and_size(
    client, published_newsletter, editor
):
    older_review = ReviewFactory()
    older, _ = newsletter_create(
        data={
            "slug": "older",
            "title": "Older briefing",
            "issue_date": datetime.date(2012, 1, 5),
            "kind": "seven_minute",
        },
        review_references=[older_review.reference],
    )
    approve_and_publish(newsletter=older, by=editor)
    newsletter_create(
        data={"slug": "draft", "title": "Unfinished", "issue_date": "2030-01-01"}, review_references=[]
    )
    page = client.get(reverse("briefings:newsletter_list"))
    assert page.status_code == 200
    text = page.text
    assert text.index("Learning from local case reviews") < text.index("Older briefing")
    assert "Unfinished" not in text
    assert "7-minute briefing" in text and "5 January 2012" in text and "2 December 2013" in text
    published = Newsletter.objects.get(pk=published_newsletter.pk)
    assert f"{published.pdf_pages} pages" in text
    assert "KB" in text
    assert published_newsletter.get_pdf_url() in text


def test_pdf_downloads_with_a_sensible_file_name(client, published_newsletter):
    response = client.get(published_newsletter.get_pdf_url())
    assert response["Content-Disposition"] == 'attachment; filename="nscp-bench-newsletter.pdf"'
    assert published_newsletter.get_pdf_url() == "/newsletters/bench-newsletter.pdf"


def test_the_web_version_has_the_same_sections_as_the_pdf(client, published_newsletter):
    page = client.get(published_newsletter.get_absolute_url())
    assert page.status_code == 200
    text = page.text
    position = 0
    for heading in ["What's inside", "Introduction", *REVIEW_TITLES, "Closing message", "Contact us"]:
        position = text.index(heading, position + 1)
    assert AMBER["key_issues"][0] in html.unescape(text)
    assert "The names used are not those of the children involved." in text
    assert 'href="#review-bench-amber"' in text and 'id="review-bench-amber"' in text
    assert "Download the PDF" in text


@pytest.mark.parametrize("name", ["newsletter_list", "newsletter_detail", "newsletter_pdf"])
def test_pages_only_answer_get(client, published_newsletter, name):
    kwargs = {} if name == "newsletter_list" else {"slug": published_newsletter.slug}
    assert client.post(reverse(f"briefings:{name}", kwargs=kwargs)).status_code == 405


def test_unknown_newsletter_is_not_found(client, board):
    assert client.get("/newsletters/no-such-thing.pdf").status_code == 404
    assert client.get("/newsletters/no-such-thing/").status_code == 404


@pytest.fixture
def review_with_findings(board):
    review = ReviewFactory(title="Child M: a teenager at risk", why_it_matters="Age is not a shield.")
    KeyIssueFactory(review=review, text="Risk was seen as choice.")
    PositiveFactorFactory(review=review, text="School kept in touch.")
    LessonFactory(review=review, text="There is a need to see exploitation.")
    RecommendationFactory(review=review, text="Train staff on exploitation.")
    return review


def test_seven_minute_briefing_pdf_has_seven_numbered_parts_then_the_team_questions(
    client, review_with_findings
):
    response = client.get(
        reverse("briefings:review_briefing_pdf", kwargs={"slug": review_with_findings.slug})
    )
    assert response[
        "Content-Disposition"
    ] == 'attachment; filename="nscp-7-minute-briefing-test-review-0.pdf"'.replace(
        "test-review-0", review_with_findings.slug
    )
    pdf = pdf_of(response)
    assert 1 <= pdf.page_count <= 2
    assert pdf.reader.metadata.title == "7-minute briefing: Child M: a teenager at risk"
    assert pdf.is_tagged
    text = pdf.text
    position = 0
    parts = [
        "Background",
        "Why it matters",
        "Key issues",
        "What went well",
        "Lessons learned",
        "Things to remember",
        "What to do",
    ]
    for number, title in enumerate(parts, start=1):
        position = re.compile(rf"{number}\s+{title}").search(text, position).end()
    questions = text.index("Questions for your team", position)
    assert text.index("What goes into our team plan", questions)
    for finding in [
        "Risk was seen as choice.",
        "School kept in touch.",
        "There is a need to see exploitation.",
        "Train staff on exploitation.",
    ]:
        assert finding in text
    assert [title for depth, title, page in pdf.outline()][:2] == ["1 Background", "2 Why it matters"]


def test_without_weasyprint_a_download_points_to_the_web_version(
    client, published_newsletter, monkeypatch, media_root
):
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name.startswith("weasyprint"):
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    for path in media_root.rglob("*.pdf"):  # nothing kept: it would have to render
        path.unlink()
    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    response = client.get(published_newsletter.get_pdf_url())
    assert response.status_code == 503
    assert "The PDF cannot be made just now" in response.text
    assert published_newsletter.get_absolute_url() in response.text


@pytest.mark.parametrize("kind", [k for k in Newsletter.Kind.values if k != Newsletter.Kind.ANNUAL_REPORT])
def test_every_contents_entry_leads_to_a_section_for_every_kind(editor_client, board, kind):
    review = ReviewFactory(title="Two children")
    for pseudonym in ("Child A", "Child B"):
        LessonFactory(review=review, child=ChildFactory(review=review, pseudonym=pseudonym))
    newsletter, _ = newsletter_create(
        data={"slug": "k", "title": "K", "issue_date": "2024-01-01", "kind": kind, "introduction": "Intro."},
        review_references=[review.reference],
    )
    page = editor_client.get(newsletter.get_absolute_url()).text
    contents = page[page.index("What's inside") : page.index("</nav>", page.index("What's inside"))]
    anchors = re.findall(r'href="#([^"]+)"', contents)
    assert "review-" + review.slug in anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in page, anchor
