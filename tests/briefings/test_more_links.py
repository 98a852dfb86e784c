"""A newsletter's “More” box: a parents' leaflet, a film, a training flyer, linked on the web
page and printed with its address; an uploaded PDF is offered only to the newsletter's readers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from briefings.documents import newsletter_document
from briefings.models import Newsletter, NewsletterLink
from briefings.pdf import render_pdf
from tests.briefings.pdfs import ReadPdf

pytestmark = pytest.mark.django_db

FILM = "https://video.example.org/safe-sleeping"


def newsletter(state=Newsletter.State.PUBLISHED, slug="spring"):
    item = Newsletter.objects.create(
        kind=Newsletter.Kind.NEWSLETTER,
        title=f"Spring learning ({state})",
        slug=slug,
        issue_date=datetime.date(2025, 4, 1),
        state=state,
        published_at=timezone.now() if state == Newsletter.State.PUBLISHED else None,
    )
    NewsletterLink.objects.create(newsletter=item, title="Safe sleeping: a film", url=FILM, order=1)
    leaflet = SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    NewsletterLink.objects.create(newsletter=item, title="A leaflet for parents", file=leaflet, order=2)
    return item


def test_the_web_page_links_the_film_and_the_leaflet_which_readers_can_open(client):
    published = newsletter()
    page = client.get(published.get_absolute_url()).text
    leaflet = published.links.get(title="A leaflet for parents")
    assert f'<a href="{FILM}">Safe sleeping: a film</a>' in page
    assert leaflet.get_absolute_url() in page
    served = client.get(leaflet.get_absolute_url())
    assert served.status_code == 200 and served["Content-Security-Policy"] == "sandbox"
    assert b"".join(served.streaming_content).startswith(b"%PDF")


def test_a_draft_newsletters_file_is_not_offered_to_readers(client):
    draft = newsletter(state=Newsletter.State.DRAFT, slug="draft")
    leaflet = draft.links.get(title="A leaflet for parents")
    assert client.get(leaflet.get_absolute_url()).status_code == 404


def test_the_pdf_prints_a_more_box_with_each_address(board):
    published = newsletter()
    context = {
        "newsletter": published,
        "document": newsletter_document(published, board=board),
        "board": board,
    }
    pdf = ReadPdf(render_pdf("pdf/newsletter.html", context).content)
    assert "More" in pdf.contents()
    text = " ".join(pdf.text.split())
    assert "More" in text and "Safe sleeping: a film" in text and "A leaflet for parents (PDF)" in text
    assert "video.example.org/safe-sleeping" in text
    assert "/newsletters/spring/more/" in text


@pytest.mark.parametrize(
    "fields, message",
    [
        ({}, "Give either a web address or a PDF"),
        (
            {"url": FILM, "file": SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%%EOF\n")},
            "Give either a web address",
        ),
    ],
)
def test_a_link_is_a_web_address_or_a_pdf(fields, message):
    link = NewsletterLink(newsletter=newsletter(), title="Something", **fields)
    with pytest.raises(ValidationError, match=message):
        link.full_clean()


def test_a_file_that_is_not_a_pdf_is_refused():
    page = SimpleUploadedFile("flyer.pdf", b"<html>flyer</html>", content_type="application/pdf")
    link = NewsletterLink(newsletter=newsletter(), title="Training flyer", file=page)
    with pytest.raises(ValidationError, match="as a PDF file"):
        link.full_clean()
