"""Every change is traceable to a person, and a stale copy never overwrites a newer one."""

import pytest
from django.urls import reverse

from reviews.models import Lesson, Review
from tests.factories import LessonFactory, ReviewFactory
from tests.reviews.test_admin import review_form

pytestmark = pytest.mark.django_db


def edit_form(review, version, **overrides):
    return review_form(
        title=review.title,
        reference=review.reference,
        slug=review.slug,
        kind=review.kind,
        version=str(version),
        **overrides,
    )


def draft():
    return ReviewFactory(history=True, state=Review.State.DRAFT, published_on=None)


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_text(client, officer, manager):
    review = draft()
    url = reverse("admin:reviews_review_change", args=[review.pk])
    loaded = review.version  # both officers opened the page at this version

    client.force_login(officer)
    first = client.post(url, edit_form(review, loaded, summary="First officer's summary."))
    assert first.status_code == 302

    client.force_login(manager)
    second = client.post(url, edit_form(review, loaded, summary="Second officer's summary."))
    assert second.status_code == 200
    assert "Someone else changed this review while you were editing it" in second.text
    assert "Second officer&#x27;s summary." in second.text
    review.refresh_from_db()
    assert review.summary == "First officer's summary."


def test_saving_the_current_version_works_repeatedly(officer_client):
    review = draft()
    url = reverse("admin:reviews_review_change", args=[review.pk])
    for n in range(2):
        version = Review.objects.get(pk=review.pk).version
        assert officer_client.post(url, edit_form(review, version, summary=f"Edit {n}")).status_code == 302
    assert Review.objects.get(pk=review.pk).summary == "Edit 1"


def test_admin_changes_are_recorded_with_the_officer(officer_client, officer):
    review = draft()
    lesson = LessonFactory(history=True, review=review, text="Before.")
    url = reverse("admin:reviews_review_change", args=[review.pk])
    data = edit_form(
        review,
        review.version,
        summary="Changed summary.",
        **{
            "lessons-TOTAL_FORMS": "1",
            "lessons-INITIAL_FORMS": "1",
            "lessons-0-id": lesson.pk,
            "lessons-0-review": review.pk,
            "lessons-0-order": "0",
            "lessons-0-text": "After.",
            "lessons-0-practice_area": "",
        },
    )
    assert officer_client.post(url, data).status_code == 302
    assert review.history.first().history_user == officer
    assert review.history.first().summary == "Changed summary."
    assert Lesson.history.filter(id=lesson.pk).first().history_user == officer
    assert [h.text for h in Lesson.history.filter(id=lesson.pk)] == ["After.", "Before."]

    history_page = officer_client.get(reverse("admin:reviews_review_history", args=[review.pk]))
    assert history_page.status_code == 200
    assert officer.email in history_page.text or str(officer) in history_page.text


def test_role_changes_are_in_the_user_history(client, superuser):
    from django.contrib.auth.models import Group

    from tests.factories import PractitionerFactory

    user = PractitionerFactory()
    client.force_login(superuser)
    url = reverse("admin:accounts_user_change", args=[user.pk])
    page = client.get(url)
    assert page.status_code == 200
    manager_group = Group.objects.get(name="Board manager")
    response = client.post(
        url,
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "organisation": "",
            "is_active": "on",
            "groups": [manager_group.pk],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.is_staff  # the manager role opens the admin
    latest = user.history.first()
    assert latest.history_user == superuser
    assert list(latest.groups.values_list("group__name", flat=True)) == ["Board manager"]
