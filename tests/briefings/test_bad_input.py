"""Bad or awkward input gives a clear message or a sound document, never an error page."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from briefings.documents import newsletter_document
from briefings.models import Newsletter
from briefings.pdf import render_pdf
from briefings.services import newsletter_create
from tests.briefings.pdfs import ReadPdf, pdf_of
from tests.briefings.workflow import approve_and_publish
from tests.factories import LessonFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def newsletter_of(*reviews, **data):
    newsletter, _ = newsletter_create(
        data={"slug": "awkward", "title": "Awkward", "issue_date": "2024-05-01", **data},
        review_references=[review.reference for review in reviews],
    )
    return newsletter


def test_an_empty_newsletter_previews_gracefully_and_cannot_be_published(editor_client, board, editor):
    newsletter = newsletter_of()
    pdf = pdf_of(editor_client.get(newsletter.get_pdf_url()))
    assert pdf.page_count == 1
    assert "has no reviews that can be shown at present" in pdf.text
    assert board.telephone in pdf.text
    with pytest.raises(ValidationError, match="Choose at least one review"):
        approve_and_publish(newsletter=newsletter, by=editor)
    assert Newsletter.objects.get(pk=newsletter.pk).state == Newsletter.State.DRAFT


def test_a_review_with_no_children_and_no_findings(client, board, editor):
    review = ReviewFactory(title="Bare review", summary="")
    newsletter = approve_and_publish(newsletter=newsletter_of(review), by=editor)
    pdf = pdf_of(client.get(newsletter.get_pdf_url()))
    assert "Bare review" in pdf.text
    assert "No summary has been written yet." in pdf.text
    assert "No key issues, good practice, lessons or recommendations have been recorded" in pdf.text
    briefing = pdf_of(client.get(reverse("briefings:review_briefing_pdf", kwargs={"slug": review.slug})))
    assert "No summary has been written yet." in briefing.text
    assert "None recorded." not in briefing.text  # empty parts are left out


def test_very_long_lessons_flow_over_pages(client, board, editor):
    review = ReviewFactory(title="Long review")
    long_text = " ".join(["There is a need for thorough assessment of every child in the household."] * 50)
    for _ in range(2):
        LessonFactory(review=review, text=long_text)  # each near a lesson's length bound
    LessonFactory(review=review, text=long_text + " The very end of the long lesson.")
    LessonFactory(review=review, text="https://example.org/" + "a-very-long-address-without-spaces" * 12)
    newsletter = approve_and_publish(newsletter=newsletter_of(review), by=editor)
    pdf = pdf_of(client.get(newsletter.get_pdf_url()))
    assert pdf.page_count >= 3
    assert "The very end of the long lesson." in pdf.text.replace("\n", " ")
    for page in pdf.reader.pages:  # nothing drawn off the page: the long address wrapped
        assert float(page.mediabox.width) < 600
    assert f"Page {pdf.page_count} of {pdf.page_count}" in pdf.pages[-1]


HOSTILE = (
    "Intro <script>alert('intro-script')</script> **bold words**\n\n"
    '<img src="file:///etc/passwd" alt="x"> <iframe src="https://example.org"></iframe>\n\n'
    "![tracker](https://example.org/pixel.png) [click](javascript:alert('js-link'))\n\n"
    '<style>body { display: none }</style><link rel="stylesheet" href="https://example.org/x.css">'
)


def test_markdown_with_html_and_script_is_printed_as_text_and_never_fetched(
    client, board, editor, monkeypatch
):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("the PDF tried to fetch a URL")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    review = ReviewFactory(title="Hostile review", summary=HOSTILE)
    LessonFactory(review=review, text="<script>alert('lesson-script')</script>There is a need for care.")
    newsletter = approve_and_publish(newsletter=newsletter_of(review, introduction=HOSTILE), by=editor)
    pdf = pdf_of(client.get(newsletter.get_pdf_url()))
    assert "bold words" in pdf.text and "There is a need for care." in pdf.text
    for leaked in ["intro-script", "lesson-script", "display: none", "passwd", "<script"]:
        assert leaked not in pdf.text
    page = client.get(newsletter.get_absolute_url())
    assert page.status_code == 200
    assert "<strong>bold words</strong>" in page.text
    for leaked in ["alert(", "<iframe", 'src="file:', "javascript:", "<style>body"]:
        assert leaked not in page.text


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), "black").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_board_logo_is_printed_with_its_alt_text(client, board, editor):
    board.logo.save("logo.png", ContentFile(png_bytes()))
    review = ReviewFactory()
    newsletter = approve_and_publish(newsletter=newsletter_of(review), by=editor)
    pdf = pdf_of(client.get(newsletter.get_pdf_url()))
    first_page = pdf.reader.pages[0]
    assert any(x.get("/Subtype") == "/Image" for x in first_page["/Resources"]["/XObject"].values())
    assert "/Figure" in pdf.structure_roles()


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        ("not-an-image", "The board logo is not a PNG or JPEG image"),
        ("missing", "The board logo file is missing"),
    ],
)
def test_a_bad_logo_gives_a_document_without_it_and_a_message_in_the_admin(
    client, editor_client, board, editor, logo, message
):
    if logo == "missing":
        board.logo.name = "board/never-uploaded.png"
        board.save()
    else:
        board.logo.save("logo.png", ContentFile(b"<html>this is not a picture</html>"))
    review = ReviewFactory(title="Logo review")
    newsletter = newsletter_of(review)
    change = editor_client.get(reverse("admin:briefings_newsletter_change", args=[newsletter.pk]))
    assert change.status_code == 200
    assert message in change.text
    newsletter = approve_and_publish(newsletter=newsletter, by=editor)
    pdf = pdf_of(client.get(newsletter.get_pdf_url()))
    assert "Logo review" in pdf.text
    assert not pdf.reader.pages[0]["/Resources"].get("/XObject")
    briefing = client.get(reverse("briefings:review_briefing_pdf", kwargs={"slug": review.slug}))
    assert pdf_of(briefing).page_count >= 1


@pytest.mark.parametrize("kind", ["precis", "thematic"])
def test_a_precis_or_thematic_bulletin_is_published_with_guidance_and_no_reviews(client, board, editor, kind):
    introduction = "## Neglect\n\nAcross our reviews, missed appointments were not followed up."
    newsletter = approve_and_publish(
        newsletter=newsletter_of(kind=kind, introduction=introduction), by=editor, keep_pdf=False
    )
    assert newsletter.state == Newsletter.State.PUBLISHED
    page = client.get(newsletter.get_absolute_url()).text
    assert "missed appointments were not followed up" in page
    assert "has no reviews that can be shown" not in page


def test_a_precis_with_neither_reviews_nor_guidance_is_refused(editor):
    with pytest.raises(ValidationError, match="write its themes and guidance in the introduction"):
        approve_and_publish(newsletter=newsletter_of(kind="precis"), by=editor, keep_pdf=False)


def test_a_thematic_bulletin_prints_its_themes_guidance_without_reviews(client, board, editor):
    from tests.factories import ThemeFactory

    theme = ThemeFactory(name="Was not brought", guidance="Follow up every missed appointment the same week.")
    newsletter = newsletter_of(kind="thematic")
    newsletter.themes.set([theme])
    newsletter = approve_and_publish(newsletter=newsletter, by=editor, keep_pdf=False)
    assert newsletter.state == Newsletter.State.PUBLISHED
    page = client.get(newsletter.get_absolute_url()).text
    assert "Was not brought" in page and "Follow up every missed appointment the same week." in page
    context = {
        "newsletter": newsletter,
        "document": newsletter_document(newsletter, board=board),
        "board": board,
    }
    pdf = ReadPdf(render_pdf("pdf/newsletter.html", context).content)
    printed = " ".join(pdf.text.split())
    assert "Was not brought" in printed and "Follow up every missed appointment the same week." in printed
    assert "Was not brought" in pdf.contents()  # in “What's inside”, with its page
    # Guidance approved later changes what the bulletin prints: its kept PDF is made again.
    before = newsletter.updated_at
    theme.guidance = "Follow up every missed appointment within two days."
    theme.save()
    newsletter.refresh_from_db()
    assert newsletter.updated_at > before
