"""The demo reviews go through the workbook importer: what its columns cannot carry still arrives,
and what the importer leaves until its transaction commits (kept briefings, "learnt before") happens."""

import pytest

from demo import content
from demo.services import reviews_demo_ensure
from learnt_before.models import LessonMatch
from reviews.models import Lesson, Review
from tests.demo.conftest import keep_only

pytestmark = pytest.mark.django_db


def test_states_reasons_and_progress_arrive_as_the_files_say_with_the_import_in_the_history(folder):
    keep_only(folder, "SCR-2016-02", "MR-2014-02", "RR-2026-01")
    assert reviews_demo_ensure(folder=folder) == (3, 3)
    for data in content.reviews(folder).values():
        review = Review.objects.get(reference=data["reference"])
        assert (review.state, review.visibility, review.not_for_publication_reason, review.published_on) == (
            data["state"],
            data["visibility"],
            data["not_for_publication_reason"],
            data.get("published_on"),
        )
        assert list(review.recommendations.order_by("order").values_list("status", "outcome")) == [
            (item["status"], item["outcome"]) for item in data.get("recommendations", [])
        ]
        created = review.history.get()
        assert created.history_user is None
        assert created.history_change_reason == "Imported from the demo data (demo/data/reviews)"
    assert Review.objects.get(reference="SCR-2016-02").state == Review.State.NOT_FOR_PUBLICATION


@pytest.mark.django_db(transaction=True)
def test_once_loaded_the_published_reviews_briefings_are_queued_and_a_lesson_learnt_again_is_suggested(
    folder, monkeypatch
):
    keep_only(folder, "SCR-2011-01", "MR-2014-02", "RR-2026-01")
    queued = []
    monkeypatch.setattr("demo.services.review_pdfs_queue", lambda *, review_id: queued.append(review_id))
    reviews_demo_ensure(
        folder=folder
    )  # committed, as by the command: the importer's "learnt before" task runs then
    published = Review.objects.filter(reference__in=["SCR-2011-01", "MR-2014-02"])
    assert sorted(queued) == sorted(published.values_list("pk", flat=True))
    later = Lesson.objects.get(review__reference="MR-2014-02", text__contains="A CAF is a shared assessment")
    earlier = Lesson.objects.get(
        review__reference="SCR-2011-01", text__contains="the CAF to be used as early"
    )
    assert earlier.pk in LessonMatch.objects.shown().filter(lesson=later).values_list("earlier", flat=True)
