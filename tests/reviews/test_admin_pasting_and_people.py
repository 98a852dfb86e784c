"""Entering a review in bulk and by the right people: lists pasted in one go (one finding per
bullet, after the existing ones), who may create, edit and delete what, and how the admin speaks."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.urls import reverse

from reviews.models import BoardProfile, Lesson, OwnerGroup, Recommendation, Review
from reviews.paste import pasted_items
from tests.factories import (
    LessonFactory,
    ManagerFactory,
    OfficerFactory,
    PracticeAreaFactory,
)
from tests.reviews.test_admin import review_form
from tests.reviews.test_admin_data_entry import change_url, draft, edit_form, errors_of

pytestmark = pytest.mark.django_db


# --- paste a list -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pasted",
    [
        "• Share information early.\n• Record the child's views.\n• Escalate when nothing changes.",
        "- Share information early.\n- Record the child's views.\n- Escalate when nothing changes.",
        "* Share information early.\r\n* Record the child's views.\r\n* Escalate when nothing changes.",
        "·\tShare information early.\n·\tRecord the child's views.\n·\tEscalate when nothing changes.",
        "\uf0b7\tShare information early.\n\uf0b7\tRecord the child's views.\n\uf0b7\tEscalate when nothing changes.",
        "1. Share information early.\n2. Record the child's views.\n3. Escalate when nothing changes.",
        "a) Share information early.\nb) Record the child's views.\nc) Escalate when nothing changes.",
        "\n\n1)  Share information\n    early.\n\n2)  Record the child's views.\n3)\tEscalate when nothing changes.\n",
    ],
)
def test_a_pasted_list_gives_one_item_per_bullet(pasted):
    assert pasted_items(pasted) == [
        "Share information early.",
        "Record the child's views.",
        "Escalate when nothing changes.",
    ]


def test_paragraphs_without_bullets_give_one_item_each_and_nothing_gives_nothing():
    assert pasted_items("First point\nwrapped.\n\nSecond point.") == ["First point wrapped.", "Second point."]
    assert pasted_items("  \n\t\n") == []
    assert pasted_items("Lessons:\n• One.\n• Two.") == ["Lessons:", "One.", "Two."]


def test_an_officer_pastes_a_list_and_gets_one_finding_per_bullet_after_the_existing_ones(officer_client):
    review = draft()
    LessonFactory(review=review, order=30, text="Already here.")
    owner = OwnerGroup.objects.get(name="Policies and Procedures Group")
    existing = review.lessons.get()
    data = edit_form(
        review,
        **{
            "lessons-TOTAL_FORMS": "1",
            "lessons-INITIAL_FORMS": "1",
            "lessons-0-id": existing.pk,
            "lessons-0-review": review.pk,
            "lessons-0-order": "30",
            "lessons-0-text": "Already here.",
            "paste_lessons": "•\tThink family.\n•\tSee the child alone.",
            "paste_keyissues": "1. Missed appointments.\n2. Dental decay.",
            "paste_recommendations": "- Audit strategy discussions.",
            "paste_owner_group": owner.pk,
        },
    )
    response = officer_client.post(change_url(review), data, follow=True)
    assert response.redirect_chain, errors_of(response)
    assert [lesson.text for lesson in review.lessons.all()] == [
        "Already here.",
        "Think family.",
        "See the child alone.",
    ]
    assert list(review.keyissues.values_list("text", flat=True)) == ["Missed appointments.", "Dental decay."]
    assert review.recommendations.get().owner_group == owner
    assert "2 lessons added from the pasted list." in response.text


def test_pasted_recommendations_need_an_owner_and_nothing_is_saved_without_one(officer_client):
    review = draft()
    response = officer_client.post(
        change_url(review), edit_form(review, paste_recommendations="- Audit strategy discussions.")
    )
    assert response.status_code == 200
    assert "Choose who must act on the pasted recommendations." in response.text
    assert not Recommendation.objects.filter(review=review).exists()


# --- who may do what --------------------------------------------------------------------------


def test_a_board_manager_creates_and_edits_the_board_profile(client):
    manager = ManagerFactory()
    client.force_login(manager)
    data = {
        "name": "Northshire Safeguarding Children Partnership",
        "short_name": "NSCP",
        "address": "Civic Centre",
        "telephone": "01632 960 000",
        "email": "learning@northshire.example",
        "website": "https://northshire.example",
        "chair": "Pat Example",
    }
    add = client.post(reverse("admin:reviews_boardprofile_add"), data)
    assert add.status_code == 302, add.content[:2000]
    profile = BoardProfile.objects.get()
    page = client.get(reverse("admin:reviews_boardprofile_change", args=[profile.pk]))
    assert page.status_code == 200 and 'name="chair"' in page.text


def test_an_officer_deletes_a_draft_they_created_but_not_anyone_elses_nor_a_submitted_one(client):
    officer, colleague = OfficerFactory(), OfficerFactory()
    client.force_login(colleague)
    theirs = client.post(reverse("admin:reviews_review_add"), review_form(reference="X-1", slug="x-1"))
    assert theirs.status_code == 302
    client.force_login(officer)
    mine = client.post(reverse("admin:reviews_review_add"), review_form(reference="X-2", slug="x-2"))
    assert mine.status_code == 302
    own, other = Review.objects.get(reference="X-2"), Review.objects.get(reference="X-1")

    assert client.get(reverse("admin:reviews_review_delete", args=[other.pk])).status_code == 403
    assert (
        client.post(reverse("admin:reviews_review_delete", args=[own.pk]), {"post": "yes"}).status_code == 302
    )
    assert not Review.objects.filter(pk=own.pk).exists()

    submitted = client.post(reverse("admin:reviews_review_add"), review_form(reference="X-3", slug="x-3"))
    assert submitted.status_code == 302
    sent = Review.objects.get(reference="X-3")
    Review.objects.filter(pk=sent.pk).update(state=Review.State.AWAITING_APPROVAL)
    assert client.get(reverse("admin:reviews_review_delete", args=[sent.pk])).status_code == 403


def test_the_admin_greets_people_by_name_not_by_a_shouted_first_name(client):
    officer = OfficerFactory(first_name="Dana", last_name="Officer")
    client.force_login(officer)
    page = client.get(reverse("admin:index")).text
    assert "Dana Officer" in page


def test_one_error_is_announced_in_the_singular(officer_client):
    response = officer_client.post(reverse("admin:reviews_review_add"), review_form(title=""))
    assert "Please correct the error below." in response.text
    assert "Please correct the errors below." not in response.text


def test_two_errors_are_announced_in_the_plural(officer_client):
    data = review_form(
        commissioned_on="2026-06-01",
        completed_on="2026-01-01",
        period_start="2025-06-01",
        period_end="2025-01-01",
    )
    response = officer_client.post(reverse("admin:reviews_review_add"), data)
    assert "A review cannot be completed before it was commissioned." in response.text
    assert "The period covered must end after it starts." in response.text
    assert "Please correct the errors below." in response.text


def test_the_demo_accounts_have_real_looking_names_shown_in_the_admin(client, settings):
    from io import StringIO

    from django.core.management import call_command

    from accounts.models import User

    settings.DEBUG = True
    call_command("demo_officer", stdout=StringIO())
    officer = User.objects.get(email="officer@example.org")
    client.force_login(officer)
    assert "Dana Officer" in client.get(reverse("admin:index")).text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors are PostgreSQL's")
def test_a_lessons_practice_area_name_finds_it_in_ranked_search():
    review = draft()
    area = PracticeAreaFactory(review=review, name="Hoarding and home conditions")
    lesson = LessonFactory(review=review, practice_area=area, text="Visit the home unannounced.")
    LessonFactory(review=review, text="Unrelated lesson.")
    found = Lesson.objects.filter(search_vector=SearchQuery("hoarding", config="english"))
    assert list(found) == [lesson]
