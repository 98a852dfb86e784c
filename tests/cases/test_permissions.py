"""Cases are for board staff only: everyone else is sent to sign in or told there is no such page."""

import pytest
from django.urls import reverse

from tests.cases.factories import CaseFactory
from tests.factories import ManagerFactory, OfficerFactory, PractitionerFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    return CaseFactory(reference="SI-SECRET-01", outline="Child Zed, 3.")


def _urls(case):
    return [reverse("cases:case_list"), case.get_absolute_url(), reverse("cases:calendar")]


def test_anonymous_readers_are_sent_to_sign_in(client, case):
    for url in _urls(case):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"], url


def test_practitioners_are_told_there_is_no_such_page(client, case):
    client.force_login(PractitionerFactory())
    for url in _urls(case):
        assert client.get(url).status_code == 404, url


def test_staff_without_the_case_permission_find_nothing(client, case):
    client.force_login(PractitionerFactory(is_staff=True))
    assert client.get(reverse("cases:case_list")).status_code == 404


def test_an_officer_who_has_not_given_the_code_is_sent_to_the_code_step(client, case, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    client.force_login(OfficerFactory())
    for url in _urls(case):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:two_factor") in response["Location"], url


@pytest.mark.parametrize("factory", [OfficerFactory, ManagerFactory])
def test_officers_and_managers_see_cases(client, case, factory):
    client.force_login(factory())
    listing = client.get(reverse("cases:case_list"))
    assert listing.status_code == 200 and "SI-SECRET-01" in listing.text
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200 and "Child Zed" in page.text
    assert ">What's due</a>" in client.get("/").text


def test_nothing_about_cases_reaches_public_pages_sitemap_or_search(client, case):
    review = ReviewFactory(title="Child Q: practice review", slug="child-q")
    case.review = review
    case.save()
    for url in ["/", "/reviews/", review.get_absolute_url(), "/sitemap.xml", "/lessons/?q=SI-SECRET"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "SI-SECRET-01" not in response.text and "/cases/" not in response.text, url
    client.force_login(PractitionerFactory())
    assert ">What's due</a>" not in client.get("/").text
