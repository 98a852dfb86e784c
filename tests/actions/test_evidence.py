"""Evidence uploads: the wrong kind or size of file is refused with a clear message, the typed text kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import Action, ProgressUpdate
from reviews.validators import MB

PDF = b"%PDF-1.7\n" + b"0" * 100


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def _post(client, action, file):
    data = {
        "written_on": "2026-03-01",
        "note": "Forty officers attended the briefing.",
        "link": "",
        "evidence": file,
    }
    return client.post(reverse("actions:action_detail", args=[action.pk]), data)


def test_a_file_that_is_not_an_accepted_kind_is_refused_and_the_note_kept(owner_client, action):
    response = _post(owner_client, action, SimpleUploadedFile("minutes.exe", b"MZ\x90\x00"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "is not accepted as evidence" in page and "PDF, Word (.docx), Excel (.xlsx), PNG or JPEG" in page
    assert "Forty officers attended the briefing." in page
    assert not ProgressUpdate.objects.exists()


def test_a_pdf_named_as_a_picture_is_refused(owner_client, action):
    response = _post(owner_client, action, SimpleUploadedFile("photo.png", PDF))
    assert "is not accepted as evidence" in response.content.decode()


def test_a_file_over_ten_megabytes_is_refused(owner_client, action):
    response = _post(owner_client, action, SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * MB)))
    page = response.content.decode()
    assert "the most allowed is 10 MB" in page and "Forty officers attended the briefing." in page


def test_an_update_with_a_pdf_starts_the_action_and_is_downloadable_by_the_owner(owner_client, action):
    response = _post(owner_client, action, SimpleUploadedFile("attendance.pdf", PDF))
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    action.refresh_from_db()
    assert action.state == Action.State.IN_PROGRESS
    download = owner_client.get(reverse("actions:evidence", args=[update.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "private" in download["Cache-Control"]
