"""The admin pages a board officer and manager use most: the review list and the approval page."""

import re

import pytest
from django.urls import reverse

from reviews.models import Review
from reviews.publication import review_transition
from tests.factories import ManagerFactory, OfficerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_the_review_list_has_columns_that_fit_1280_pixels_beside_the_filters(client, officer):
    ReviewFactory(title="Child Q and Child S: looked-after children exploited out of area")
    client.force_login(officer)
    page = client.get(reverse("admin:reviews_review_changelist")).text
    results = page[page.index('id="result_list"') :]
    header = results[: results.index("</thead>")]
    columns = re.findall(r'<th scope="col"', header)
    # The check box, reference, title, kind, state, published and children: measured to fit 1280 px.
    assert len(columns) <= 7
    assert "Who may read it" not in header


def test_the_approval_page_has_the_admins_breadcrumbs(client):
    review = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    review = review_transition(review=review, name="submit", by=OfficerFactory())
    client.force_login(ManagerFactory())
    page = client.get(reverse("admin:reviews_review_transition", args=[review.pk, "publish"])).text
    assert '<ol class="breadcrumbs">' in page
    assert '<li aria-current="page">Approve and publish</li>' in page
