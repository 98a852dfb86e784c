"""A correction to a published review passes the same publication check before it is applied."""

import pytest
from django.core.exceptions import ValidationError

from reviews.models import Revision
from reviews.publication import revision_transition
from reviews.revisions import revision_propose
from tests.factories import LessonFactory, ManagerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def proposed(lesson, text, by):
    row = {"id": lesson.pk, "fields": {"text": text}}
    data = {
        "fields": {},
        "lists": [{"model": "reviews.lesson", "fk": "review", "rows": [row], "removed": []}],
    }
    return revision_propose(obj=lesson.review, data=data, note="Clearer wording.", by=by)


def test_a_correction_that_adds_an_exact_date_is_refused_and_one_without_is_applied():
    lesson = LessonFactory(review=ReviewFactory(), text="Share the chronology with the school nurse.")
    proposer, approver = ManagerFactory(), ManagerFactory()
    revision = proposed(
        lesson, "Share the chronology with the school nurse, as agreed on 3 May 2015.", proposer
    )
    with pytest.raises(ValidationError, match="“3 May 2015” \\(exact date, Lesson 1\\)"):
        revision_transition(revision=revision, name="approve", by=approver)
    lesson.refresh_from_db()
    assert lesson.text == "Share the chronology with the school nurse."

    revision = proposed(
        lesson, "Share the chronology with the school nurse, as agreed in May 2015.", proposer
    )
    assert (
        revision_transition(revision=revision, name="approve", by=approver).state == Revision.State.APPROVED
    )
    lesson.refresh_from_db()
    assert lesson.text.endswith("as agreed in May 2015.")
    # The approver is told what to do with a correction, not to record a reason on its page.
    revision = proposed(lesson, "Agreed with Mrs Henderson.", proposer)
    with pytest.raises(ValidationError, match="Reject the correction and propose it again without them"):
        revision_transition(revision=revision, name="approve", by=approver)
