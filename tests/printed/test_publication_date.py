"""The approval page asks for the publication date; a historic review's dates are shown as entered."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.models import Review
from reviews.publication import review_transition
from reviews.templatetags.review_tags import as_entered
from tests.factories import LessonFactory, ManagerFactory, OfficerFactory, ReviewFactory, ThemeFactory

pytestmark = pytest.mark.django_db

Precision = Review.Precision


@pytest.fixture
def awaiting():
    review = ReviewFactory(state=Review.State.DRAFT, published_on=None, title="Child N: 2011 review")
    return review_transition(review=review, name="submit", by=OfficerFactory())


def approval_page(review):
    return reverse("admin:reviews_review_transition", args=[review.pk, "publish"])


def test_the_approval_page_asks_for_the_publication_date_with_today_filled_in(client, awaiting):
    client.force_login(ManagerFactory())
    page = client.get(approval_page(awaiting))
    assert "Publication date" in page.text
    assert f'value="{timezone.localdate().isoformat()}"' in page.text


def test_a_historic_review_is_published_with_the_date_entered_on_the_approval_page(client, awaiting):
    client.force_login(ManagerFactory())
    response = client.post(
        approval_page(awaiting), {"published_on": "2011-11-01", "published_precision": "month"}
    )
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.state == Review.State.PUBLISHED
    assert (awaiting.published_on, awaiting.published_precision) == (datetime.date(2011, 11, 1), "month")
    text = client.get(awaiting.get_absolute_url()).text
    assert "November 2011" in text and "1 November 2011" not in text
    in_2011 = client.get(reverse("reviews:review_list") + "?year=2011").text
    assert "Child N: 2011 review" in in_2011 and 'value="2011"' in in_2011


def test_publishing_without_a_date_uses_today(client, awaiting):
    client.force_login(ManagerFactory())
    client.post(approval_page(awaiting), {"published_on": "", "published_precision": "day"})
    awaiting.refresh_from_db()
    assert awaiting.published_on == timezone.localdate()


def test_a_date_that_is_not_a_date_is_refused_in_plain_words(client, awaiting):
    client.force_login(ManagerFactory())
    page = client.post(approval_page(awaiting), {"published_on": "last spring", "published_precision": "day"})
    assert page.status_code == 200 and "Enter a valid date." in page.text
    awaiting.refresh_from_db()
    assert awaiting.state == Review.State.AWAITING_APPROVAL


@pytest.mark.parametrize(
    "date, precision, shown",
    [
        (datetime.date(2017, 1, 14), Precision.DAY, "14 January 2017"),
        (datetime.date(2017, 1, 1), Precision.MONTH, "January 2017"),
        (datetime.date(2013, 1, 1), Precision.YEAR, "2013"),
        (datetime.date(2013, 4, 1), Precision.FINANCIAL_YEAR, "2013–14"),
        (datetime.date(2000, 1, 1), Precision.FINANCIAL_YEAR, "1999–00"),
        (None, Precision.DAY, ""),
    ],
)
def test_a_date_is_shown_as_precisely_as_it_was_entered(date, precision, shown):
    assert as_entered(date, precision) == shown


def test_commissioned_and_completed_dates_are_shown_as_entered(client):
    review = ReviewFactory(
        commissioned_on=datetime.date(2013, 4, 1),
        commissioned_precision=Precision.FINANCIAL_YEAR,
        completed_on=datetime.date(2014, 1, 1),
        completed_precision=Precision.YEAR,
        published_on=datetime.date(2014, 6, 1),
        published_precision=Precision.MONTH,
    )
    text = client.get(review.get_absolute_url()).text
    assert "Commissioned</dt><dd>2013–14" in text
    assert "Completed</dt><dd>2014" in text
    assert "June 2014" in text and "1 June 2014" not in text


def test_an_officer_enters_a_review_published_in_a_year_only(client, officer):
    client.force_login(officer)
    page = client.get(reverse("admin:reviews_review_add"))
    assert 'name="published_precision"' in page.text and 'name="commissioned_precision"' in page.text
    review = ReviewFactory.build(published_precision="")
    review.full_clean()
    assert review.published_precision == Precision.DAY  # left empty, a date means a day


def test_the_home_page_shows_a_publication_date_as_entered(client):
    ReviewFactory(published_on=datetime.date(2011, 11, 1), published_precision=Precision.MONTH)
    text = client.get(reverse("pages:home")).text
    assert '<time datetime="2011-11">November 2011</time>' in text


def test_a_theme_page_shows_a_publication_date_as_entered(client):
    theme = ThemeFactory()
    review = ReviewFactory(
        published_on=datetime.date(2013, 4, 1), published_precision=Precision.FINANCIAL_YEAR
    )
    LessonFactory(review=review, themes=[theme])
    text = client.get(reverse("reviews:theme_detail", args=[theme.slug])).text
    assert ">2013–14</time>" in text and "April 2013" not in text


def test_approving_several_reviews_at_once_keeps_a_publication_date_entered(client):
    officer = OfficerFactory()
    entered = ReviewFactory(
        state=Review.State.DRAFT, published_on=datetime.date(2012, 3, 1), published_precision=Precision.MONTH
    )
    undated = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    for review in (entered, undated):
        review_transition(review=review, name="submit", by=officer)
    client.force_login(ManagerFactory())
    data = {"action": "publish_selected", "_selected_action": [entered.pk, undated.pk]}
    client.post(reverse("admin:reviews_review_changelist"), data)
    entered.refresh_from_db()
    undated.refresh_from_db()
    assert entered.state == undated.state == Review.State.PUBLISHED
    assert (entered.published_on, entered.published_precision) == (datetime.date(2012, 3, 1), "month")
    assert undated.published_on == timezone.localdate()
    assert "March 2012" in client.get(entered.get_absolute_url()).text
