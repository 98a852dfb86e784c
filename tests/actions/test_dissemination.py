"""A practitioner records from a briefing that their team discussed it; only board staff see the counts."""

import pytest
from django.urls import reverse

from actions.models import Dissemination
from tests.factories import OfficerFactory, PractitionerFactory, ReviewFactory

RECORD = {
    "agency": "Northshire health visiting",
    "team": "East locality",
    "discussed_on": "2026-03-02",
    "staff_count": "9",
    "changes": "Ask about fathers at every new birth visit.",
}


@pytest.fixture
def review(db):
    return ReviewFactory()


def test_a_practitioner_records_a_discussion_from_the_briefing(client, review):
    client.force_login(PractitionerFactory())
    briefing = client.get(reverse("briefings:review_briefing", args=[review.slug])).content.decode()
    url = reverse("actions:dissemination_add", args=[review.slug])
    assert url in briefing
    response = client.post(url, RECORD, follow=True)
    assert "your team&#x27;s discussion is recorded" in response.content.decode()
    record = Dissemination.objects.get()
    assert (record.team, record.staff_count, record.review) == ("East locality", 9, review)


def test_a_record_without_staff_or_in_the_future_is_refused_and_the_typed_text_kept(client, review):
    client.force_login(PractitionerFactory())
    url = reverse("actions:dissemination_add", args=[review.slug])
    response = client.post(url, {**RECORD, "staff_count": "0", "discussed_on": "2099-01-01"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "The date cannot be in the future" in page and "at least 1" in page
    assert "Ask about fathers at every new birth visit." in page
    assert not Dissemination.objects.exists()


def test_anonymous_readers_are_sent_to_sign_in_and_see_no_link(client, review):
    url = reverse("actions:dissemination_add", args=[review.slug])
    assert url not in client.get(reverse("briefings:review_briefing", args=[review.slug])).content.decode()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("actions:dissemination_counts")).status_code == 302


def test_board_staff_see_counts_per_review_and_agency_others_do_not(client, review):
    Dissemination.objects.create(review=review, by=PractitionerFactory(), **{**RECORD, "staff_count": 9})
    Dissemination.objects.create(
        review=review, by=PractitionerFactory(), **{**RECORD, "team": "West", "staff_count": 4}
    )
    client.force_login(PractitionerFactory())
    assert client.get(reverse("actions:dissemination_counts")).status_code == 404
    client.force_login(OfficerFactory())
    page = client.get(reverse("actions:dissemination_counts")).content.decode()
    assert f"<td>{review.title}</td><td>2</td><td>13</td>" in page
    assert "<td>Northshire health visiting</td><td>2</td><td>13</td>" in page
