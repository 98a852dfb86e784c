"""Every text an officer types has a length bound, held by the form and by the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from briefings.models import Newsletter
from reviews.models import (
    BoardProfile,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    Recommendation,
    Review,
    Theme,
)
from reviews.models.bounds import ADDRESS, BACKGROUND, FINDING, GUIDANCE, NOTE
from tests.factories import (
    BoardProfileFactory,
    KeyIssueFactory,
    LessonFactory,
    OwnerGroupFactory,
    PositiveFactorFactory,
    RecommendationFactory,
    ReviewFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

INLINES = ["children", "practice_areas", "keyissues", "positivefactors", "lessons", "recommendations"]


def review_form(**overrides):
    data = {
        "title": "Child K: practice review",
        "reference": "PR-2026-01",
        "slug": "child-k-practice-review",
        "kind": "practice",
        "method": "",
        "commissioned_on": "2026-01-05",
        "completed_on": "",
        "published_on": "",
        "period_start": "",
        "period_end": "",
        "summary": "Child K was not brought to appointments.",
        "why_it_matters": "",
        "report_url": "",
        "version": "1",
        "not_for_publication_reason": "",
        "visibility": "public",
    }
    for prefix in INLINES:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | overrides


def one_lesson(text):
    return {
        "lessons-TOTAL_FORMS": "1",
        "lessons-0-order": "0",
        "lessons-0-text": text,
        "lessons-0-practice_area": "",
    }


def test_a_background_or_lesson_over_its_bound_is_refused_in_the_admin_and_kept_on_screen(officer_client):
    background = ("Child K was not brought. " * 801).strip()
    lesson = ("There is a need for curiosity. " * 130).strip()
    response = officer_client.post(
        reverse("admin:reviews_review_add"), review_form(summary=background, **one_lesson(lesson))
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 20000 characters (it has 20024)." in response.text
    assert "Ensure this value has at most 4000 characters (it has 4029)." in response.text
    assert background in response.text and lesson in response.text
    assert not Review.objects.exists()


def test_the_admin_warns_that_an_unclosed_html_tag_would_be_shown_as_text(officer_client):
    response = officer_client.post(
        reverse("admin:reviews_review_add"), review_form(**one_lesson("Practice in <style> schools varied."))
    )
    assert response.status_code == 200
    assert "HTML tags are not allowed and would be shown as text: &lt;style&gt;" in response.text
    assert not Review.objects.exists()


def test_a_service_write_over_a_bound_gets_a_plain_message():
    review = ReviewFactory.build(summary="x" * (BACKGROUND + 1))
    with pytest.raises(ValidationError, match="The background can be at most 20,000 characters"):
        review.full_clean()


BOUNDED = [
    (ReviewFactory, Review, "summary", BACKGROUND),
    (ReviewFactory, Review, "why_it_matters", BACKGROUND),
    (ReviewFactory, Review, "not_for_publication_reason", NOTE),
    (ReviewFactory, Review, "decision_note", NOTE),
    (KeyIssueFactory, KeyIssue, "text", FINDING),
    (PositiveFactorFactory, PositiveFactor, "text", FINDING),
    (LessonFactory, Lesson, "text", FINDING),
    (RecommendationFactory, Recommendation, "text", FINDING),
    (RecommendationFactory, Recommendation, "outcome", FINDING),
    (ThemeFactory, Theme, "guidance", GUIDANCE),
    (ThemeFactory, Theme, "proposed_guidance", GUIDANCE),
    (OwnerGroupFactory, OwnerGroup, "description", NOTE),
    (BoardProfileFactory, BoardProfile, "address", ADDRESS),
]


@pytest.mark.parametrize(
    ("factory", "model", "field", "bound"), BOUNDED, ids=[f"{m.__name__}.{f}" for _, m, f, _ in BOUNDED]
)
def test_the_database_refuses_a_bulk_write_over_the_bound(factory, model, field, bound):
    row = factory()
    model.objects.filter(pk=row.pk).update(**{field: "x" * bound})  # at the bound: accepted
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: "x" * (bound + 1)})


@pytest.mark.parametrize(("field", "bound"), [("introduction", BACKGROUND), ("closing_message", NOTE)])
def test_the_database_refuses_a_newsletter_text_over_the_bound(field, bound):
    newsletter = Newsletter.objects.create(
        title="Spring", slug="spring", issue_date=datetime.date(2026, 4, 1)
    )
    Newsletter.objects.filter(pk=newsletter.pk).update(**{field: "x" * bound})
    with pytest.raises(IntegrityError), transaction.atomic():
        Newsletter.objects.filter(pk=newsletter.pk).update(**{field: "x" * (bound + 1)})


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search vectors are PostgreSQL's"
)


def many_distinct_words(count):
    return " ".join(f"w{n}x" for n in range(count))


@postgresql_only
def test_a_background_too_long_for_the_search_index_is_refused_with_a_message_not_a_server_error(
    officer_client,
):
    background = many_distinct_words(200_000)  # about 1.3 MB: over PostgreSQL's 1 MB search vector
    response = officer_client.post(
        reverse("admin:reviews_review_add"), review_form(summary=background, **one_lesson("A lesson."))
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 20000 characters" in response.text
    assert "w199999x" in response.text  # what was typed is still there
