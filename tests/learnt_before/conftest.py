import datetime

import pytest

from tests.factories import LessonFactory, ReviewFactory

SLEEP = "There is a need for safe sleeping advice at every contact when a parent misuses alcohol or drugs."
SLEEP_AGAIN = "Safe sleeping advice must be given at every contact where parents misuse alcohol and drugs."
UNRELATED = "Schools should escalate concerns when attendance falls for a child on a protection plan."


def review_of(year, **fields):
    """A published public review completed in ``year``."""
    dates = {
        "commissioned_on": datetime.date(year, 1, 10),
        "completed_on": datetime.date(year, 6, 30),
        "published_on": datetime.date(year, 9, 1),
    }
    return ReviewFactory(**{**dates, **fields})


@pytest.fixture
def earlier(db):
    """A 2014 review whose lesson is learnt again in 2024."""
    return LessonFactory(review=review_of(2014, title="Child M: serious case review"), text=SLEEP)


@pytest.fixture
def later(earlier):
    return LessonFactory(review=review_of(2024, title="Baby Q: practice review"), text=SLEEP_AGAIN)
