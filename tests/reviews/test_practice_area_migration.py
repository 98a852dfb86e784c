"""Practice areas typed as free text on each finding become one area per name per review."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reviews.models import Lesson, PositiveFactor, PracticeArea

BEFORE = [("reviews", "0003_data_entry")]


@pytest.mark.migrations
@pytest.mark.django_db(transaction=True)
def test_typed_practice_areas_become_the_reviews_list_and_findings_point_to_it():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Review = old.get_model("reviews", "Review")
    review = Review.objects.create(title="Child T", reference="T-1", slug="t-1", kind="scr", summary="s")
    other = Review.objects.create(title="Child U", reference="U-1", slug="u-1", kind="scr", summary="s")
    factor = old.get_model("reviews", "PositiveFactor").objects.create
    lesson = old.get_model("reviews", "Lesson").objects.create
    factor(review=review, order=0, text="Good handover.", practice_area_text="Transition issues")
    factor(review=review, order=1, text="No area.", practice_area_text="")
    lesson(review=review, order=0, text="Plan early.", practice_area_text=" transition ISSUES ")
    lesson(review=review, order=1, text="Ask the GP.", practice_area_text="Health")
    lesson(review=other, order=0, text="Elsewhere.", practice_area_text="Transition issues")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    areas = {(a.review.reference, a.name) for a in PracticeArea.objects.select_related("review")}
    assert areas == {("T-1", "Transition issues"), ("T-1", "Health"), ("U-1", "Transition issues")}
    assert PositiveFactor.objects.get(text="Good handover.").practice_area.name == "Transition issues"
    assert PositiveFactor.objects.get(text="No area.").practice_area is None
    plan = Lesson.objects.get(text="Plan early.")
    assert plan.practice_area == PositiveFactor.objects.get(text="Good handover.").practice_area
    assert Lesson.objects.get(text="Elsewhere.").practice_area.review.reference == "U-1"
