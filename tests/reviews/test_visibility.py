"""The one visibility rule, for every state × visibility × kind of reader."""

import pytest
from django.contrib.auth.models import AnonymousUser

from reviews.models import KeyIssue, Lesson, PositiveFactor, Recommendation, Review
from tests.factories import (
    KeyIssueFactory,
    LessonFactory,
    OfficerFactory,
    PositiveFactorFactory,
    PractitionerFactory,
    RecommendationFactory,
    ReviewFactory,
    UserFactory,
)

STATES = list(Review.State)
VISIBILITIES = list(Review.Visibility)


def expected(reader, state, visibility):
    if reader == "officer":
        return True
    if state != Review.State.PUBLISHED:
        return False
    return visibility == Review.Visibility.PUBLIC or reader == "practitioner"


def make_reader(kind):
    return {
        "anonymous": AnonymousUser,
        "practitioner": PractitionerFactory,
        "inactive": lambda: PractitionerFactory(is_active=False),
        "staff_without_permission": lambda: UserFactory(is_staff=True),
        "officer": OfficerFactory,
    }[kind]()


READERS = ["anonymous", "practitioner", "inactive", "staff_without_permission", "officer"]


@pytest.mark.django_db
@pytest.mark.parametrize("reader_kind", READERS)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("visibility", VISIBILITIES)
def test_review_and_its_findings_follow_one_rule(reader_kind, state, visibility):
    review = ReviewFactory(state=state, visibility=visibility)
    LessonFactory(review=review)
    KeyIssueFactory(review=review)
    PositiveFactorFactory(review=review)
    RecommendationFactory(review=review)
    reader = make_reader(reader_kind)
    rule = {"inactive": "anonymous", "staff_without_permission": "practitioner"}.get(reader_kind, reader_kind)
    should_see = expected(rule, state, visibility)

    assert Review.objects.visible_to(reader).filter(pk=review.pk).exists() is should_see
    for model in [Lesson, KeyIssue, PositiveFactor, Recommendation]:
        assert model.objects.visible_to(reader).filter(review=review).exists() is should_see, model


@pytest.mark.django_db
def test_public_is_what_an_anonymous_visitor_sees():
    shown = ReviewFactory()
    for state in STATES:
        ReviewFactory(state=state, visibility=Review.Visibility.PARTNERS)
        if state != Review.State.PUBLISHED:
            ReviewFactory(state=state)
    assert list(Review.objects.public()) == [shown]
    assert list(Review.objects.public()) == list(Review.objects.visible_to(AnonymousUser()))
