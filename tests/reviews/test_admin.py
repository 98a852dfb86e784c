"""Board officers enter a whole review on one admin page."""

import pytest
from django.urls import reverse

from reviews.models import OwnerGroup, Review, Service, Theme
from tests.factories import ChildFactory, LessonFactory, PracticeAreaFactory, ReviewFactory

pytestmark = pytest.mark.django_db

INLINES = ["children", "practice_areas", "keyissues", "positivefactors", "lessons", "recommendations"]


def review_form(**overrides):
    data = {
        "title": "Child K: practice review",
        "reference": "PR-2026-01",
        "slug": "child-k-practice-review",
        "kind": "practice",
        "method": "Learning together",
        "commissioned_on": "2026-01-05",
        "completed_on": "2026-06-01",
        "published_on": "",
        "period_start": "",
        "period_end": "",
        "summary": "Child K was not brought to appointments.",
        "why_it_matters": "",
        "report_url": "",
        "version": "1",
        "not_for_publication_reason": "",
        "visibility": "public",
        "themes": [Theme.objects.get(slug="neglect").pk],
        "services": [Service.objects.get(slug="police").pk],
    }
    for prefix in INLINES:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= overrides
    return data


def test_add_page_renders_with_every_inline(officer_client):
    response = officer_client.get(reverse("admin:reviews_review_add"))
    assert response.status_code == 200
    for heading in ["Children", "Key issues", "Positive factors", "Lessons learned", "Recommendations"]:
        assert heading in response.text


def test_officer_adds_a_review_with_children_lessons_and_recommendations(officer_client):
    owner = OwnerGroup.objects.get(name="Policies and Procedures Group")
    data = review_form(
        **{
            "children-TOTAL_FORMS": "1",
            "children-0-pseudonym": "Child K",
            "children-0-order": "0",
            "children-0-age_years": "3",
            "children-0-age_band": "",
            "children-0-sex": "",
            "children-0-outcome": "serious_harm",
            "children-0-outcome_detail": "",
            "children-0-known_to_social_care": "on",
            "lessons-TOTAL_FORMS": "2",
            "lessons-0-order": "1",
            "lessons-0-text": "There is a need for follow through.",
            "lessons-0-practice_area": "",
            "lessons-0-themes": [Theme.objects.get(slug="neglect").pk],
            "lessons-1-order": "0",
            "lessons-1-text": "There is a need for curiosity.",
            "lessons-1-practice_area": "",
            "recommendations-TOTAL_FORMS": "1",
            "recommendations-0-order": "0",
            "recommendations-0-owner_group": owner.pk,
            "recommendations-0-text": "Amend the procedure.",
            "recommendations-0-status": "not_started",
            "recommendations-0-target_date": "2026-12-31",
            "recommendations-0-outcome": "",
        }
    )
    response = officer_client.post(reverse("admin:reviews_review_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    review = Review.objects.get(reference="PR-2026-01")
    assert review.children.get().pseudonym == "Child K"
    assert [lesson.text for lesson in review.lessons.all()] == [
        "There is a need for curiosity.",
        "There is a need for follow through.",
    ]
    assert review.recommendations.get().owner_group == owner
    assert list(review.themes.values_list("slug", flat=True)) == ["neglect"]


def test_a_failing_form_saves_nothing_and_keeps_what_was_typed(officer_client):
    data = review_form(
        commissioned_on="2026-06-01",
        completed_on="2026-01-01",
        **{
            "lessons-TOTAL_FORMS": "1",
            "lessons-0-order": "0",
            "lessons-0-text": "A lesson typed carefully.",
            "lessons-0-practice_area": "",
        },
    )
    response = officer_client.post(reverse("admin:reviews_review_add"), data)
    assert response.status_code == 200
    assert "A review cannot be completed before it was commissioned." in response.text
    assert "A lesson typed carefully." in response.text
    assert not Review.objects.filter(reference="PR-2026-01").exists()


def test_change_page_offers_only_this_reviews_children_and_saves(officer_client):
    review = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    own = ChildFactory(review=review, pseudonym="Child Own")
    ChildFactory(pseudonym="Child Elsewhere")
    lesson = LessonFactory(review=review, text="Old words.")
    area = PracticeAreaFactory(review=review, name="Transition issues")
    url = reverse("admin:reviews_review_change", args=[review.pk])
    page = officer_client.get(url)
    assert page.status_code == 200
    assert "Child Own" in page.text and "Child Elsewhere" not in page.text
    assert "View on site" in page.text

    data = review_form(
        title=review.title,
        reference=review.reference,
        slug=review.slug,
        kind=review.kind,
        **{
            "children-TOTAL_FORMS": "1",
            "children-INITIAL_FORMS": "1",
            "children-0-id": own.pk,
            "children-0-review": review.pk,
            "children-0-pseudonym": "Child Own",
            "children-0-order": "0",
            "children-0-age_years": "6",
            "children-0-age_band": "",
            "children-0-sex": "",
            "children-0-outcome": "died",
            "children-0-outcome_detail": "",
            "lessons-TOTAL_FORMS": "1",
            "lessons-INITIAL_FORMS": "1",
            "lessons-0-id": lesson.pk,
            "lessons-0-review": review.pk,
            "lessons-0-order": "0",
            "lessons-0-text": "New words.",
            "lessons-0-practice_area": area.pk,
            "lessons-0-child": "Child Own",
        },
    )
    response = officer_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    lesson.refresh_from_db()
    assert (lesson.text, lesson.child, lesson.practice_area) == ("New words.", own, area)


@pytest.mark.parametrize("model", ["review", "theme", "service", "ownergroup", "boardprofile"])
def test_list_pages_render_with_filters_and_search(officer_client, model):
    ReviewFactory(title="Child Z: findable")
    url = reverse(f"admin:reviews_{model}_changelist")
    assert officer_client.get(url).status_code == 200
    assert officer_client.get(url, {"q": "findable"}).status_code == 200


def test_review_list_filters_by_year_and_theme(officer_client):
    ReviewFactory(title="Child Y: old", published_on="2019-03-01")
    ReviewFactory(title="Child X: new", published_on="2025-03-01")
    response = officer_client.get(reverse("admin:reviews_review_changelist"), {"year": "2025"})
    assert "Child X: new" in response.text and "Child Y: old" not in response.text
    assert (
        officer_client.get(reverse("admin:reviews_review_changelist"), {"year": "nonsense"}).status_code
        == 200
    )


def test_anonymous_visitors_are_sent_to_sign_in():
    from django.test import Client

    response = Client().get(reverse("admin:reviews_review_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
