"""On the demo board, the lessons learnt again are suggested, and lessons that only share a circumstance are not."""

from io import StringIO

import pytest
from django.core.management import call_command

from learnt_before.models import LessonMatch
from reviews.models import Lesson, Review
from tests.demo_loading import demo_loaded
from tests.factories import LessonFactory
from tests.learnt_before.conftest import SLEEP, SLEEP_AGAIN

pytestmark = pytest.mark.django_db

# (later review, its lesson, earlier review, its lesson): the same learning in other words.
LEARNT_AGAIN = [
    (
        "LCSPR-2026-01",
        "combined impact of domestic abuse",
        "MR-2014-01",
        "parental mental ill health undermine",
    ),
    ("LCSPR-2026-01", "fathers and male carers", "MR-2011-01", "male carers to be identified"),
    ("MR-2014-02", "A CAF is a shared assessment", "SCR-2011-01", "the CAF to be used as early as possible"),
    ("PR-2026-01", "adult services to ask every parent", "LCSPR-2026-01", "ask about pregnancy and babies"),
]
# The same client group or circumstance, another lesson: never suggested.
SAME_CIRCUMSTANCE = [
    # Sexual abuse: a medical assessment of young children, and who assesses.
    (
        "MR-2011-02",
        "cases involving sexual abuse",
        "SCR-2011-01",
        "medical assessment of every very young child",
    ),
    # Children with complex needs and adult services: transition planning, and partners' part.
    (
        "TR-2016-01",
        "full participation of every relevant partner",
        "PR-2013-01",
        "as they move to adult services",
    ),
    # Parental substance misuse and domestic abuse: their impact, and risks outside the home.
    ("LCSPR-2026-01", "combined impact of domestic abuse", "MR-2014-01", "whole-family approach"),
]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for this module, rolled back after.

    The import computes the new lessons' matches once its transaction commits: here, where
    nothing commits, the callbacks are run as the load ends.
    """
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield


def lesson(reference, words):
    return Lesson.objects.select_related("review").get(review__reference=reference, text__contains=words)


def suggested(later):
    return set(LessonMatch.objects.shown().filter(lesson=later).values_list("earlier", flat=True))


def pairs(cases):
    return [(lesson(a, a_words), lesson(b, b_words)) for a, a_words, b, b_words in cases]


def test_loading_the_demo_suggests_each_lesson_learnt_again_and_none_that_only_shares_a_circumstance():
    for later, earlier in pairs(LEARNT_AGAIN):
        assert earlier.pk in suggested(later), f"{later.text!r} should name {earlier.text!r}"
    for later, earlier in pairs(SAME_CIRCUMSTANCE):
        assert earlier.pk not in suggested(later), f"{later.text!r} should not name {earlier.text!r}"


def test_the_suggestions_are_the_same_whatever_order_the_lessons_were_entered_in():
    before = set(LessonMatch.objects.values_list("lesson", "earlier"))
    call_command("learnt_before_update", "--batch-size", "7", stdout=StringIO(), stderr=StringIO())
    assert set(LessonMatch.objects.values_list("lesson", "earlier")) == before
    assert {(later.pk, earlier.pk) for later, earlier in pairs(LEARNT_AGAIN)} <= before


def test_on_the_demo_board_a_shared_circumstance_is_not_the_same_lesson():
    child_m = Review.objects.get(reference="MR-2014-01")
    child_r = Review.objects.get(reference="LCSPR-2026-01")
    supervision = "There is a need for reflective supervision when a parent misuses alcohol or drugs."
    LessonFactory(review=child_m, text=supervision)
    sleep = LessonFactory(review=child_r, text=SLEEP)
    assert suggested(sleep) == set()
    sleep_again = LessonFactory(review=child_m, text=SLEEP_AGAIN)
    assert suggested(sleep) == {sleep_again.pk}


def test_a_later_review_s_page_names_the_earlier_review_that_learnt_it(client):
    later = Review.objects.get(reference="MR-2014-02")
    html = client.get(later.get_absolute_url()).content.decode()
    assert "Learnt before" in html
    assert "Benjamin: a baby whose vulnerability was not pieced together</a>, 2011" in html
