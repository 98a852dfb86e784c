from io import StringIO

import pytest
from django.core.management import call_command

from reviews.models import BoardProfile, Child, KeyIssue, Lesson, PositiveFactor, Recommendation, Review

pytestmark = pytest.mark.django_db

MODELS = [Review, Child, KeyIssue, PositiveFactor, Lesson, Recommendation, BoardProfile]


def snapshot():
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in MODELS} | {
        "texts": sorted(Lesson.objects.values_list("text", flat=True))
    }


def test_demo_covers_every_kind_and_state_and_loading_twice_changes_nothing():
    call_command("load_demo", stdout=StringIO())
    first = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == first
    assert "0 reviews added" in out.getvalue()

    assert set(Review.objects.values_list("kind", flat=True)) == set(Review.Kind.values)
    assert set(Review.objects.values_list("state", flat=True)) == set(Review.State.values)
    assert Review.objects.filter(visibility=Review.Visibility.PARTNERS, state=Review.State.PUBLISHED).exists()
    thematic = Review.objects.get(kind=Review.Kind.THEMATIC)
    assert thematic.children.count() == 2
    hidden = Review.objects.get(state=Review.State.NOT_FOR_PUBLICATION)
    assert hidden.not_for_publication_reason
    assert BoardProfile.objects.count() == 1


def test_demo_keeps_an_officers_edit():
    call_command("load_demo", stdout=StringIO())
    review = Review.objects.filter(state=Review.State.PUBLISHED).first()
    Review.objects.filter(pk=review.pk).update(title="Edited by an officer")
    call_command("load_demo", stdout=StringIO())
    assert Review.objects.get(pk=review.pk).title == "Edited by an officer"
