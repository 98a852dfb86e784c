"""Under each lesson of a review page, "Learnt before" links to the earlier reviews the reader may read."""

import pytest
from django.urls import reverse

from learnt_before.services import lesson_match_dismiss
from reviews.models import Review
from tests.factories import LessonFactory
from tests.learnt_before.conftest import SLEEP, SLEEP_AGAIN, review_of

pytestmark = pytest.mark.django_db

HIDDEN_TITLE = "Child Z: hidden review"


def page(client, lesson):
    response = client.get(lesson.review.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_lesson_learnt_before_links_to_the_earlier_review_and_its_lesson(client, earlier, later):
    html = page(client, later)
    assert "Learnt before" in html
    assert f'href="{earlier.review.get_absolute_url()}#lesson-{earlier.pk}"' in html
    assert "Child M: serious case review</a>, 2014" in html
    assert f'id="lesson-{earlier.pk}"' in page(client, earlier)


def test_a_lesson_in_the_practice_table_shows_it_too(client, earlier):
    later = LessonFactory(review=review_of(2024), text=SLEEP_AGAIN, practice_area="Health")
    html = page(client, later)
    assert "Learnt before" in html and "Child M: serious case review" in html


HIDDEN = [
    ({"state": Review.State.DRAFT, "published_on": None}, False),
    ({"state": Review.State.AWAITING_APPROVAL, "published_on": None}, False),
    ({"state": Review.State.WITHDRAWN}, False),
    ({"state": Review.State.NOT_FOR_PUBLICATION, "published_on": None}, False),
    ({"visibility": Review.Visibility.PARTNERS}, True),
]


@pytest.mark.parametrize(("fields", "for_practitioners"), HIDDEN)
def test_an_earlier_review_no_reader_may_see_is_never_named(client, practitioner, fields, for_practitioners):
    LessonFactory(review=review_of(2014, title=HIDDEN_TITLE, **fields), text=SLEEP)
    later = LessonFactory(review=review_of(2024), text=SLEEP_AGAIN)
    assert later.learnt_before_matches.count() == 1  # found, but not shown to everyone
    html = page(client, later)
    assert HIDDEN_TITLE not in html and "Learnt before" not in html
    client.force_login(practitioner)
    assert (HIDDEN_TITLE in page(client, later)) is for_practitioners


def test_withdrawing_the_earlier_review_takes_it_off_a_page_already_cached(client, earlier, later):
    assert "Child M: serious case review" in page(client, later)
    earlier.review.state = Review.State.WITHDRAWN
    earlier.review.save()
    assert "Child M: serious case review" not in page(client, later)


def test_a_dismissed_suggestion_leaves_the_page(client, officer, earlier, later):
    assert "Learnt before" in page(client, later)
    lesson_match_dismiss(match=later.learnt_before_matches.get(), by=officer)
    assert "Learnt before" not in page(client, later)


@pytest.mark.parametrize("size", [1, 12])
def test_the_review_page_reads_every_lesson_s_suggestions_in_one_query(
    client, django_assert_num_queries, size
):
    for year in (2012, 2013):
        LessonFactory(review=review_of(year), text=SLEEP)
    later = review_of(2024)
    for _ in range(size):
        LessonFactory(review=later, text=SLEEP_AGAIN)
    url = reverse("reviews:review_detail", args=[later.slug])
    # As the reviews' own page pins it, and one query for the suggestions.
    with django_assert_num_queries(14):
        html = client.get(url).content.decode()
    assert html.count("Learnt before") == size
    with django_assert_num_queries(4):
        assert client.get(url).content.decode().count("Learnt before") == size
