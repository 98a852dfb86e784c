"""A large review (150 findings) can be saved from its one admin page."""

import pytest
from django.urls import reverse

from reviews.models import Lesson, Recommendation, Review
from tests.factories import OwnerGroupFactory, ReviewFactory
from tests.reviews.test_history_and_concurrency import edit_form

pytestmark = pytest.mark.django_db


def inline(prefix, objects, review, **fields):
    data = {f"{prefix}-TOTAL_FORMS": str(len(objects)), f"{prefix}-INITIAL_FORMS": str(len(objects))}
    for index, obj in enumerate(objects):
        data |= {
            f"{prefix}-{index}-id": obj.pk,
            f"{prefix}-{index}-review": review.pk,
            f"{prefix}-{index}-order": obj.order,
            f"{prefix}-{index}-text": obj.text,
            f"{prefix}-{index}-child": "",
        }
        data |= {f"{prefix}-{index}-{name}": value for name, value in fields.items()}
    return data


def test_a_review_with_150_findings_saves_with_the_officers_edit(officer_client):
    review = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    # Written in bulk: the officer's edit of them is what is tested, and the suite is quicker.
    lessons = Lesson.objects.bulk_create(
        Lesson(review=review, order=n, text=f"Lesson {n}.") for n in range(75)
    )
    owner = OwnerGroupFactory(name="All agencies")
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(review=review, order=n, text=f"Act {n}.", owner_group=owner) for n in range(75)
    )
    data = edit_form(
        review,
        review.version,
        summary="Typed after reading all 150 findings.",
        **inline("lessons", lessons, review, practice_area=""),
        **inline(
            "recommendations",
            recommendations,
            review,
            owner_group=recommendations[0].owner_group_id,
            status="not_started",
            target_date="",
            outcome="",
        ),
    )
    assert len(data) > 1000  # more than Django's default limit of fields in one request
    response = officer_client.post(reverse("admin:reviews_review_change", args=[review.pk]), data)
    assert response.status_code == 302, response.content[:500]
    review.refresh_from_db()
    assert review.summary == "Typed after reading all 150 findings."
    assert review.lessons.count() == 75 and review.recommendations.count() == 75
