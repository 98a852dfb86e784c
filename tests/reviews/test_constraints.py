"""Invariants are kept by the database itself, not only by forms."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reviews.models import BoardProfile, Child, Recommendation, Review
from tests.factories import (
    BoardProfileFactory,
    ChildFactory,
    LessonFactory,
    RecommendationFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_references_and_slugs_are_unique():
    ReviewFactory(reference="MR-1", slug="child-a")
    refused(lambda: ReviewFactory(reference="MR-1"))
    refused(lambda: ReviewFactory(slug="child-a"))


def test_not_for_publication_needs_a_reason():
    refused(lambda: ReviewFactory(state=Review.State.NOT_FOR_PUBLICATION, not_for_publication_reason=""))
    assert ReviewFactory(
        state=Review.State.NOT_FOR_PUBLICATION, not_for_publication_reason="To protect the victim."
    )


def test_published_review_needs_a_publication_date():
    refused(lambda: ReviewFactory(state=Review.State.PUBLISHED, published_on=None))
    assert ReviewFactory(state=Review.State.DRAFT, published_on=None)


def test_dates_must_be_in_order():
    refused(
        lambda: ReviewFactory(period_start=datetime.date(2024, 5, 1), period_end=datetime.date(2024, 1, 1))
    )
    refused(
        lambda: ReviewFactory(
            commissioned_on=datetime.date(2024, 5, 1), completed_on=datetime.date(2024, 1, 1)
        )
    )


def test_unknown_state_kind_or_visibility_is_refused():
    refused(lambda: ReviewFactory(state="secret"))
    refused(lambda: ReviewFactory(kind="inquest"))
    refused(lambda: ReviewFactory(visibility="everyone"))


def test_child_age_must_be_plausible_and_not_negative():
    refused(lambda: ChildFactory(age_years=-1))
    refused(lambda: ChildFactory(age_years=40))
    assert ChildFactory(age_years=0).age_display == "under 1"


def test_pseudonyms_are_unique_within_a_review_only():
    child = ChildFactory(pseudonym="Child M")
    refused(lambda: ChildFactory(review=child.review, pseudonym="Child M"))
    assert ChildFactory(pseudonym="Child M")


def test_only_one_board_profile():
    BoardProfileFactory()
    refused(lambda: BoardProfile.objects.create(name="A second board"))


def test_recommendation_is_complete_only_with_an_outcome():
    refused(lambda: RecommendationFactory(status=Recommendation.Status.COMPLETE, outcome=""))
    assert RecommendationFactory(status=Recommendation.Status.COMPLETE, outcome="Procedure revised in May.")


def test_validation_explains_the_rule_in_plain_english():
    review = ReviewFactory.build(state=Review.State.NOT_FOR_PUBLICATION, not_for_publication_reason="")
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert "Give the reason the board decided not to publish" in str(error.value)


def test_a_finding_cannot_name_a_child_of_another_review():
    lesson = LessonFactory()
    lesson.child = ChildFactory()
    with pytest.raises(ValidationError) as error:
        lesson.full_clean()
    assert "Choose a child from this review" in str(error.value)


def test_child_has_no_field_for_identifying_details():
    names = {field.name for field in Child._meta.get_fields()}
    assert not names & {"name", "first_name", "surname", "date_of_birth", "dob", "address", "postcode"}
    assert "real name" in Child._meta.get_field("pseudonym").help_text
