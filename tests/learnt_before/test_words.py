"""Rare words and the learning weigh more than common words and the circumstance; the board's counts follow its lessons."""

import pytest

from learnt_before.models import WordCount
from learnt_before.services import word_counts_add, word_counts_rebuild
from learnt_before.words import lesson_words, likeness, rarity, significant_words
from reviews.models import Lesson
from tests.factories import LessonFactory
from tests.learnt_before.conftest import SLEEP, review_of

FATHERS = "There is a need for fathers and male carers to be seen and included in parenting advice."
MALE_CARERS = "There is a need for male carers to be identified and included in every parenting assessment."
PARENTING = "There is a need for parenting assessments to be seen by the parents' GP."


def test_a_circumstance_weighs_half_and_the_learning_in_full():
    words = lesson_words(SLEEP)
    assert words["sleep"] == words["advice"] == 1.0
    assert words["parent"] == words["misuse"] == words["drug"] == 0.5
    # "When to" is what is learnt, not when it applies.
    assert set(
        lesson_words("There is a need for a shared understanding of when to hold a meeting").values()
    ) == {1.0}


def test_endings_are_cut_so_that_forms_of_a_word_meet():
    assert significant_words("babies assessments planning referred") == {"baby", "assess", "plan", "refer"}
    assert significant_words("a baby, assessed, a plan, to refer") == {"baby", "assess", "plan", "refer"}


def test_sharing_rare_words_counts_more_than_sharing_common_ones():
    # On a board where most lessons speak of parenting and being seen, and few of male carers.
    counts = {"father": 1, "male": 3, "carer": 4, "seen": 60, "includ": 30, "parent": 70, "advice": 40}
    counts |= {"identify": 20, "assess": 80, "gp": 5}
    weight = rarity(counts, 100)
    assert weight["male"] > weight["parent"] > 1
    fathers, male_carers, parenting = (
        lesson_words(FATHERS),
        lesson_words(MALE_CARERS),
        lesson_words(PARENTING),
    )
    assert likeness(fathers, male_carers, weight) > likeness(fathers, parenting, weight)
    assert likeness(fathers, male_carers) < likeness(fathers, male_carers, weight)


def counted():
    return dict(WordCount.objects.exclude(lessons=0).values_list("word", "lessons"))


@pytest.mark.django_db
def test_saving_editing_and_deleting_lessons_keeps_the_counts_as_counting_again_would():
    review = review_of(2014)
    fathers = LessonFactory(review=review, text=FATHERS)
    LessonFactory(review=review, text=MALE_CARERS)
    assert counted()["male"] == 2 and counted()["father"] == 1 and counted()[""] == 2
    fathers.text = PARENTING
    fathers.save()
    assert counted()["male"] == 1 and "father" not in counted() and counted()["assess"] == 2
    fathers.save(update_fields=["order"])  # the words are not read again
    review.delete()
    assert counted() == {}
    LessonFactory(review=review_of(2015), text=SLEEP)
    LessonFactory(review=review_of(2016), text=PARENTING)
    kept = counted()
    assert word_counts_rebuild() == 2
    assert counted() == kept


@pytest.mark.django_db
def test_lessons_written_in_bulk_are_counted_as_their_import_asks():
    LessonFactory(review=review_of(2014), text=FATHERS)
    review = review_of(2020)
    texts = [MALE_CARERS, PARENTING, SLEEP]
    Lesson.objects.bulk_create(Lesson(review=review, text=text, order=i) for i, text in enumerate(texts))
    assert counted()["male"] == 1  # no signals: not counted yet
    assert word_counts_add(texts=texts) == 3
    kept = counted()
    assert kept["male"] == 2 and kept[""] == 4
    word_counts_rebuild()
    assert counted() == kept
