"""Officers see each saved lesson's suggestions in the review's admin page and dismiss wrong ones."""

import pytest
from django.urls import reverse

from learnt_before.models import LessonMatch
from tests.factories import UserFactory
from tests.learnt_before.conftest import SLEEP_AGAIN
from tests.reviews.test_admin import review_form

pytestmark = pytest.mark.django_db


def dismiss_url(match):
    return reverse("admin:learnt_before_lessonmatch_dismiss", args=[match.pk])


def test_a_saved_lesson_shows_what_was_learnt_before_with_a_link_to_the_earlier_review(
    officer_client, earlier, later
):
    html = officer_client.get(reverse("admin:reviews_review_change", args=[later.review_id])).content.decode()
    assert "Learnt before" in html
    assert f'href="{reverse("admin:reviews_review_change", args=[earlier.review_id])}"' in html
    assert "Child M: serious case review</a>, 2014" in html
    assert dismiss_url(later.learnt_before_matches.get()) in html


def test_a_lesson_entered_in_the_admin_is_matched_when_the_review_is_saved(officer_client, earlier):
    data = review_form(**{"lessons-TOTAL_FORMS": "1", "lessons-0-order": "0", "lessons-0-text": SLEEP_AGAIN})
    assert officer_client.post(reverse("admin:reviews_review_add"), data).status_code == 302
    assert LessonMatch.objects.get(lesson__review__reference="PR-2026-01").earlier == earlier


def test_dismissing_asks_first_then_hides_the_suggestion_for_good(officer_client, officer, earlier, later):
    match = later.learnt_before_matches.get()
    confirm = officer_client.get(dismiss_url(match))
    assert confirm.status_code == 200
    assert earlier.text in confirm.content.decode() and later.text in confirm.content.decode()
    assert LessonMatch.objects.shown().count() == 1  # nothing changes on GET
    response = officer_client.post(dismiss_url(match))
    assert response.status_code == 302
    assert response.url == reverse("admin:reviews_review_change", args=[later.review_id])
    match.refresh_from_db()
    assert match.dismissed_by == officer and match.dismissed_at is not None
    html = officer_client.get(response.url).content.decode()
    assert "Child M: serious case review</a>, 2014" not in html
    later.save()
    assert LessonMatch.objects.shown().count() == 0


def test_dismissing_needs_permission_to_change_lessons_and_a_csrf_token(client, officer, earlier, later):
    match = later.learnt_before_matches.get()
    assert client.post(dismiss_url(match)).status_code == 302  # to the sign-in page
    client.force_login(UserFactory(is_staff=True))
    assert client.post(dismiss_url(match)).status_code == 403
    client.force_login(officer)
    assert client.post(reverse("admin:learnt_before_lessonmatch_dismiss", args=[999999])).status_code == 404
    client.handler.enforce_csrf_checks = True
    assert client.post(dismiss_url(match)).status_code == 403
    match.refresh_from_db()
    assert match.dismissed_at is None


def test_suggestions_are_listed_and_dismissed_together_from_the_list(officer_client, earlier, later):
    url = reverse("admin:learnt_before_lessonmatch_changelist")
    assert "Child M: serious case review" in officer_client.get(url).content.decode()
    match = later.learnt_before_matches.get()
    data = {"action": "dismiss", "_selected_action": [match.pk]}
    assert officer_client.post(url, data).status_code == 302
    assert LessonMatch.objects.shown().count() == 0
