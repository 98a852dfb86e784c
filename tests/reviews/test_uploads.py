"""Uploaded reports and logos: type and size checked, served only to those who may see the review."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from reviews.models import BoardProfile, Review
from tests.factories import BoardProfileFactory, ReviewFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_real_pdf_report_is_accepted():
    review = ReviewFactory(report_file=SimpleUploadedFile("report.pdf", PDF))
    review.full_clean()


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", b"<html><script>alert(1)</script>"), ("report.exe", PDF), ("report.html", b"%PDF-1.4")],
)
def test_anything_else_is_refused_with_a_plain_message(name, content):
    review = ReviewFactory.build(report_file=SimpleUploadedFile(name, content))
    with pytest.raises(ValidationError, match="Upload the full report as a PDF file."):
        review.full_clean(exclude=["reference", "slug"])


def test_a_report_over_10_mb_is_refused():
    review = ReviewFactory.build(report_file=SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024)))
    with pytest.raises(ValidationError, match="the most allowed is 10 MB"):
        review.full_clean(exclude=["reference", "slug"])


def test_logo_must_be_png_or_jpeg():
    profile = BoardProfileFactory.build(logo=SimpleUploadedFile("logo.png", png_bytes()))
    profile.full_clean(exclude=["singleton"])
    svg = BoardProfileFactory.build(logo=SimpleUploadedFile("logo.png", b"<svg onload='x'></svg>"))
    with pytest.raises(ValidationError):
        svg.full_clean(exclude=["singleton"])


def test_admin_explains_a_bad_logo(officer_client):
    profile = BoardProfileFactory()
    url = reverse("admin:reviews_boardprofile_change", args=[profile.pk])
    response = officer_client.post(
        url,
        {
            "name": profile.name,
            "short_name": "NSCP",
            "address": "",
            "telephone": "",
            "email": "",
            "website": "",
            "chair": "",
            "logo": SimpleUploadedFile("logo.png", b"not an image at all"),
        },
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.text or "must be a PNG or JPEG" in response.text
    assert not BoardProfile.objects.get().logo


def test_report_is_served_inline_sandboxed_and_only_when_visible(client):
    shown = ReviewFactory(report_file=SimpleUploadedFile("a.pdf", PDF))
    hidden = ReviewFactory(report_file=SimpleUploadedFile("b.pdf", PDF), state=Review.State.WITHDRAWN)
    response = client.get(reverse("reviews:review_report", args=[shown.slug]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["Content-Disposition"].startswith("inline")
    assert client.get(reverse("reviews:review_report", args=[hidden.slug])).status_code == 404
    assert client.get(reverse("reviews:review_report", args=[ReviewFactory().slug])).status_code == 404


def test_media_files_are_not_served_directly(client):
    review = ReviewFactory(
        report_file=SimpleUploadedFile("c.pdf", PDF), state=Review.State.DRAFT, published_on=None
    )
    assert client.get("/media/" + review.report_file.name).status_code == 404


def huge_png(side=13_000):
    """A decompression bomb: a single-colour picture of 169 million pixels in a file of 20 KB."""
    buffer = io.BytesIO()
    Image.new("P", (side, side), 0).save(buffer, "PNG")
    return buffer.getvalue()


def sized_png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_logo_of_enormous_pixel_size_is_refused_however_small_the_file():
    content = huge_png()
    assert len(content) < 100 * 1024
    profile = BoardProfileFactory.build(logo=SimpleUploadedFile("logo.png", content))
    with pytest.raises(ValidationError, match="at most 4,000 × 4,000 pixels"):
        profile.full_clean(exclude=["singleton"])


def test_the_admin_refuses_a_logo_of_enormous_pixel_size(officer_client):
    profile = BoardProfileFactory()
    response = officer_client.post(
        reverse("admin:reviews_boardprofile_change", args=[profile.pk]),
        {"name": profile.name, "logo": SimpleUploadedFile("logo.png", huge_png())},
    )
    assert response.status_code == 200
    assert "errornote" in response.text
    assert not BoardProfile.objects.get().logo


def test_an_uploaded_logo_is_stored_at_the_size_a_letterhead_needs(officer_client, media_root):
    profile = BoardProfileFactory()
    response = officer_client.post(
        reverse("admin:reviews_boardprofile_change", args=[profile.pk]),
        {"name": profile.name, "logo": SimpleUploadedFile("logo.png", sized_png(3000, 1500))},
    )
    assert response.status_code == 302
    with BoardProfile.objects.get().logo.open("rb") as stored, Image.open(stored) as image:
        assert image.size == (1200, 600)
        assert image.format == "PNG"


def test_a_small_logo_is_stored_as_uploaded(media_root):
    content = sized_png(300, 100)
    profile = BoardProfileFactory(logo=SimpleUploadedFile("logo.png", content))
    with profile.logo.open("rb") as stored:
        assert stored.read() == content


def test_an_enormous_logo_already_stored_is_left_off_the_pdfs_unopened(media_root):
    from briefings.pdf import board_logo

    profile = BoardProfileFactory()
    profile.logo.save("logo.png", SimpleUploadedFile("logo.png", huge_png()))  # no validation here
    logo, message = board_logo(profile)
    assert logo is None
    assert "larger than 4,000 × 4,000 pixels" in message
