"""Officers download the published, public part of the library as a spreadsheet: nothing else ever reaches it."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reviews.models import Review
from tests.factories import (
    ChildFactory,
    KeyIssueFactory,
    LessonFactory,
    PositiveFactorFactory,
    RecommendationFactory,
    ReviewFactory,
    ThemeFactory,
)

HIDDEN = {
    "draft": {"state": Review.State.DRAFT, "published_on": None},
    "awaiting": {"state": Review.State.AWAITING_APPROVAL, "published_on": None},
    "withdrawn": {"state": Review.State.WITHDRAWN},
    "withheld": {"state": Review.State.NOT_FOR_PUBLICATION},
    "partners": {"visibility": Review.Visibility.PARTNERS},
}
DOWNLOAD = reverse("admin:archive_publishedcontent_download")


def review_with_everything(name, **fields):
    review = ReviewFactory(title=f"{name} review", reference=f"{name.upper()}-1", **fields)
    child = ChildFactory(review=review, pseudonym=f"{name} child")
    KeyIssueFactory(review=review, child=child, text=f"{name} key issue")
    PositiveFactorFactory(review=review, practice_area="Health", text=f"{name} good practice")
    LessonFactory(review=review, text=f"{name} lesson", themes=[ThemeFactory(name=f"{name} theme")])
    RecommendationFactory(review=review, text=f"{name} recommendation")
    return review


def cells(content) -> dict:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return {
        sheet.title: " | ".join(
            str(value) for row in sheet.iter_rows(values_only=True) for value in row if value
        )
        for sheet in workbook.worksheets
    }


@pytest.fixture
def library(db):
    for name, fields in HIDDEN.items():
        review_with_everything(name, **fields)
    return review_with_everything("Public")


def test_the_spreadsheet_holds_every_public_part_and_nothing_unpublished_or_partner_only(
    officer_client, library
):
    response = officer_client.get(DOWNLOAD)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheets = cells(response.content)
    assert list(sheets) == [
        "Reviews",
        "Children",
        "Key issues",
        "Positive factors",
        "Lessons",
        "Recommendations",
    ]
    assert "Public review" in sheets["Reviews"] and "http://testserver/reviews/" in sheets["Reviews"]
    assert "Public child" in sheets["Children"]
    assert "Public key issue" in sheets["Key issues"]
    assert "Public good practice" in sheets["Positive factors"] and "Health" in sheets["Positive factors"]
    assert "Public lesson" in sheets["Lessons"] and "Public theme" in sheets["Lessons"]
    assert "Public recommendation" in sheets["Recommendations"]
    everything = " ".join(sheets.values())
    for name in HIDDEN:
        assert name not in everything


def test_officers_find_the_spreadsheet_in_the_admin(officer_client, db):
    index = officer_client.get(reverse("admin:index")).content.decode()
    assert "Published content spreadsheet" in index
    page = " ".join(
        officer_client.get(reverse("admin:archive_publishedcontent_changelist")).content.decode().split()
    )
    assert DOWNLOAD in page and "partner agencies only are never in it" in page


def test_only_board_staff_download_it(client, practitioner, library):
    assert client.get(DOWNLOAD).status_code == 302  # to the sign-in page
    client.force_login(practitioner)
    assert client.get(DOWNLOAD).status_code == 302
