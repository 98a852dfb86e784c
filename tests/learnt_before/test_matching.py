"""A lesson learnt again is found with the earlier reviews that learnt it, and nothing else is."""

import pytest
from django.core.management import call_command

from learnt_before.matching import MATCH_THRESHOLD, lesson_words, likeness, significant_words
from learnt_before.models import LessonMatch
from learnt_before.services import lesson_match_dismiss, lesson_matches_update, lesson_matches_update_all
from tests.factories import LessonFactory, OfficerFactory
from tests.learnt_before.conftest import SLEEP, SLEEP_AGAIN, UNRELATED, review_of

pytestmark = pytest.mark.django_db


def suggested(lesson):
    return [m.earlier for m in LessonMatch.objects.shown().filter(lesson=lesson).order_by("-score")]


def test_the_same_lesson_in_other_words_is_alike_and_a_different_one_is_not():
    assert likeness(lesson_words(SLEEP), lesson_words(SLEEP_AGAIN)) >= MATCH_THRESHOLD
    assert likeness(lesson_words(SLEEP), lesson_words(UNRELATED)) < MATCH_THRESHOLD
    # The same circumstance with another lesson is not the same lesson.
    same_circumstance = "There is a need for reflective supervision when a parent misuses alcohol or drugs."
    assert likeness(lesson_words(SLEEP), lesson_words(same_circumstance)) < MATCH_THRESHOLD
    # Words every lesson uses, plural and -ing endings do not make or break a match.
    assert significant_words("There is a need for agencies to share sleeping plans") == {
        "share",
        "sleep",
        "plan",
    }


def test_saving_a_lesson_finds_the_earlier_lesson_it_learns_again_and_not_unrelated_ones(earlier):
    unrelated = LessonFactory(review=review_of(2015), text=UNRELATED)
    later = LessonFactory(review=review_of(2024), text=SLEEP_AGAIN)
    assert suggested(later) == [earlier]
    assert unrelated not in suggested(later)
    assert suggested(earlier) == []  # nothing before 2014


def test_only_lessons_of_earlier_and_other_reviews_are_suggested(earlier):
    same_review = LessonFactory(review=earlier.review, text=SLEEP_AGAIN)
    same_year = LessonFactory(review=review_of(2014), text=SLEEP)
    later = LessonFactory(review=review_of(2024), text=SLEEP)
    assert suggested(same_review) == []
    assert suggested(same_year) == []
    assert set(suggested(later)) == {earlier, same_year}  # one per review, never its own


def test_a_review_without_dates_counts_from_when_it_was_entered(earlier):
    draft = review_of(2014, state="draft", published_on=None)
    draft.completed_on = draft.commissioned_on = None
    draft.save()
    lesson = LessonFactory(review=draft, text=SLEEP_AGAIN)
    assert suggested(lesson) == [earlier]


def test_a_historic_review_entered_after_later_ones_is_found_by_them(later):
    older = LessonFactory(review=review_of(2009, title="Child A: serious case review"), text=SLEEP)
    assert older in suggested(later)


def test_at_most_three_suggestions_best_first_one_per_review(earlier):
    others = [LessonFactory(review=review_of(2010 + i), text=SLEEP) for i in range(4)]
    LessonFactory(review=others[0].review, text=SLEEP_AGAIN)
    later = LessonFactory(review=review_of(2024), text=SLEEP)
    found = suggested(later)
    assert len(found) == 3
    assert len({lesson.review_id for lesson in found}) == 3
    assert all(lesson.text == SLEEP for lesson in found)  # the exact words outrank other words


def test_changing_a_lesson_s_words_changes_its_suggestions_and_deleting_it_removes_them(earlier, later):
    assert suggested(later) == [earlier]
    later.text = UNRELATED
    later.save()
    assert suggested(later) == []
    later.text = SLEEP_AGAIN
    later.save()
    earlier.review.delete()
    assert LessonMatch.objects.count() == 0


def test_a_dismissed_suggestion_stays_dismissed_when_computed_again(earlier, later):
    match = LessonMatch.objects.get(lesson=later)
    lesson_match_dismiss(match=match, by=OfficerFactory())
    later.save()
    lesson_matches_update(lesson=later)
    lesson_matches_update_all()
    # Offered to the later lesson again as its "learnt again", and still refused.
    earlier.save()
    assert earlier not in suggested(later)
    match.refresh_from_db()
    assert match.dismissed_at is not None and match.dismissed_by is not None


def test_the_command_computes_every_lesson_s_suggestions(earlier, later, capsys):
    LessonMatch.objects.all().delete()
    call_command("learnt_before_update", "--batch-size", "1")
    assert suggested(later) == [earlier]
    assert "2 lessons" in capsys.readouterr().out


def test_moving_a_review_s_date_moves_what_is_earlier_than_its_lessons(earlier, later):
    later.review.completed_on = later.review.commissioned_on = later.review.published_on = None
    later.review.state = "draft"
    later.review.save()  # now dated when it was entered: still after 2014
    assert suggested(later) == [earlier]
    later.review.completed_on = earlier.review.completed_on.replace(year=2010)
    later.review.save()
    assert suggested(later) == []
    assert suggested(earlier) == [later]
