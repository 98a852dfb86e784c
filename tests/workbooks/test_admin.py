"""The import in the admin: upload, preview, confirm; the template; who may."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from openpyxl import load_workbook

from reviews.models import Review
from tests.factories import ManagerFactory
from tests.workbooks.builders import sheets, xlsx
from workbooks.models import WorkbookImport

pytestmark = pytest.mark.django_db
ADD = reverse("admin:workbooks_workbookimport_add")


def upload(client, source):
    return client.post(ADD, {"file": source})


def test_upload_preview_confirm_imports_drafts_and_keeps_the_record(officer_client, officer):
    response = upload(officer_client, xlsx())
    record = WorkbookImport.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/{record.pk}/preview/")
    assert record.stored_name.startswith("private/workbooks/") and "reviews" not in record.stored_name
    page = officer_client.get(response.url).content.decode()
    assert "1 review to add as drafts, 0 to update, 0 unchanged" in page
    assert "LCSPR-2025-07" in page and "Import 1 review" in page
    assert not Review.objects.exists()
    record.refresh_from_db()
    confirmed = officer_client.post(
        reverse("admin:workbooks_workbookimport_confirm", args=[record.pk]),
        {"fingerprint": record.fingerprint},
    )
    assert confirmed.status_code == 302
    review = Review.objects.get(reference="LCSPR-2025-07")
    assert review.state == Review.State.DRAFT
    assert review.history.last().history_user == officer
    record.refresh_from_db()
    assert (record.status, record.reviews_created, record.stored_name) == ("imported", 1, "")
    assert not default_storage.exists(f"private/workbooks/{record.pk}")
    listing = officer_client.get(reverse("admin:workbooks_workbookimport_changelist")).content.decode()
    assert "reviews.xlsx" in listing and "Imported" in listing


def test_a_file_with_problems_lists_them_and_offers_no_confirmation(officer_client):
    data = sheets()
    data["Lessons"][1][2] = "Neglct"
    response = officer_client.get(upload(officer_client, xlsx(data)).url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 problem to correct" in page
    assert (
        "Lessons, row 2, Themes: theme “Neglct” is not one of the board&#x27;s themes — did you mean" in page
    )
    assert "Import 1 review" not in page
    record = WorkbookImport.objects.get()
    assert record.status == "refused" and record.stored_name == ""


def test_a_file_that_is_not_a_spreadsheet_is_a_problem_not_an_error(officer_client):
    source = io.BytesIO(b"%PDF-1.7 \x00\x00")
    source.name = "report.pdf"
    page = officer_client.get(upload(officer_client, source).url).content.decode()
    assert "is not a spreadsheet" in page


def test_a_file_over_the_size_limit_is_refused_on_the_upload_page(officer_client, settings):
    settings.WORKBOOK_MAX_BYTES = 100
    response = upload(officer_client, xlsx())
    assert response.status_code == 200
    assert "the largest accepted is 1 KB" in response.content.decode()
    assert not WorkbookImport.objects.exists()


def test_confirming_after_the_reviews_changed_shows_the_new_preview_and_writes_nothing(officer_client):
    upload(officer_client, xlsx())
    record = WorkbookImport.objects.get()
    response = officer_client.post(
        reverse("admin:workbooks_workbookimport_confirm", args=[record.pk]), {"fingerprint": "stale"}
    )
    assert response.status_code == 200
    assert "Nothing was imported: what the file would do has changed" in response.content.decode()
    assert not Review.objects.exists()


def test_the_template_downloads_with_instructions_and_every_sheet(officer_client):
    response = officer_client.get(reverse("admin:workbooks_template"))
    assert response["Content-Disposition"] == 'attachment; filename="review-workbook-template.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Instructions",
        "Reviews",
        "Children",
        "Key issues",
        "Positive factors",
        "Lessons",
        "Recommendations",
    ]
    assert book["Lessons"]["D1"].value == "Themes"


def test_a_practitioner_can_neither_upload_nor_download_the_template(practitioner_client):
    for url in (
        ADD,
        reverse("admin:workbooks_template"),
        reverse("admin:workbooks_workbookimport_changelist"),
    ):
        assert practitioner_client.get(url).status_code in (302, 403)
    practitioner_client.post(ADD, {"file": xlsx()})
    assert not WorkbookImport.objects.exists()


def test_another_officers_upload_cannot_be_previewed_or_confirmed(officer_client, client):
    upload(officer_client, xlsx())
    record = WorkbookImport.objects.get()
    client.force_login(ManagerFactory())
    assert client.get(reverse("admin:workbooks_workbookimport_preview", args=[record.pk])).status_code == 404
    confirm = reverse("admin:workbooks_workbookimport_confirm", args=[record.pk])
    assert client.post(confirm, {"fingerprint": record.fingerprint}).status_code == 404
    assert client.get(confirm).status_code == 405
    assert not Review.objects.exists()


def test_a_new_upload_replaces_the_one_waiting_for_confirmation(officer_client):
    upload(officer_client, xlsx())
    first = WorkbookImport.objects.get()
    upload(officer_client, xlsx())
    first.refresh_from_db()
    assert first.stored_name == ""
    response = officer_client.get(
        reverse("admin:workbooks_workbookimport_preview", args=[first.pk]), follow=True
    )
    assert "That upload is no longer kept" in response.content.decode()
