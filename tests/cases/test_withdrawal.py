"""A review published from a case stays online for a year unless a manager says why it is withdrawn."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reviews.models import Review
from reviews.publication import review_transition
from tests.cases.factories import CaseFactory
from tests.factories import ManagerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def _published(days_ago, *, from_case=True):
    review = ReviewFactory(published_on=datetime.date.today() - datetime.timedelta(days=days_ago))
    if from_case:
        CaseFactory(review=review)
    return review


def test_withdrawing_within_the_year_needs_the_box_ticked_and_a_reason():
    review, manager = _published(90), ManagerFactory()
    with pytest.raises(ValidationError, match="must stay online until"):
        review_transition(review=review, name="withdraw", by=manager, reason="Family asked")
    review.refresh_from_db()
    assert review.state == Review.State.PUBLISHED
    review = review_transition(
        review=review, name="withdraw", by=manager, reason="Family asked", data={"withdraw_early": True}
    )
    assert review.state == Review.State.WITHDRAWN
    assert "within its year online: Family asked" in review.decision_note


def test_after_a_year_or_without_a_case_withdrawal_is_as_before():
    manager = ManagerFactory()
    for review in (_published(400), _published(30, from_case=False)):
        review = review_transition(review=review, name="withdraw", by=manager, reason="Superseded")
        assert review.state == Review.State.WITHDRAWN


def test_the_confirmation_page_asks_to_confirm_an_early_withdrawal(client):
    review = _published(90)
    client.force_login(ManagerFactory())
    url = f"/admin/reviews/review/{review.pk}/transition/withdraw/"
    page = client.get(url)
    assert "Withdraw it before" in page.text and "at least a year" in page.text
    refused = client.post(url, {"reason": "Family asked"})
    assert "must stay online until" in refused.text
    client.post(url, {"reason": "Family asked", "withdraw_early": "on"})
    review.refresh_from_db()
    assert review.state == Review.State.WITHDRAWN
