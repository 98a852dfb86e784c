"""The staff pages of cases in Chromium: no WCAG violations, and the timeline reads in order."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from cases.models import Case
from cases.services import calendar_token_renew
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.factories import OfficerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def officer_session(demo, django_db_blocker):
    """A signed-in officer's session cookie, committed so that the live server sees it."""
    with django_db_blocker.unblock():
        officer = OfficerFactory()
        calendar_token_renew(user=officer)
        client = Client()
        client.force_login(officer)
        pages = {
            ref: Case.objects.get(reference=ref).get_absolute_url() for ref in ("SI-DEMO-02", "SI-DEMO-04")
        }
    return client.cookies[settings.SESSION_COOKIE_NAME].value, pages


def _signed_in(browser, demo, cookie, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": demo}])
    return context, context.new_page()


@pytest.mark.parametrize("width", [390, 1280])
def test_case_pages_have_no_wcag_violations(browser, demo, officer_session, width):
    cookie, pages = officer_session
    context, page = _signed_in(browser, demo, cookie, width)
    axe = Axe()
    problems = []
    for url in ["/cases/", *pages.values(), "/cases/calendar/"]:
        page.goto(demo + url)
        assert page.locator("h1").count() == 1, url
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            problems.append(f"{url}:\n{results.generate_report()}")
    context.close()
    assert not problems, "\n\n".join(problems)


def test_whats_due_puts_the_overdue_rapid_review_first_and_its_timeline_says_so(
    browser, demo, officer_session
):
    cookie, pages = officer_session
    context, page = _signed_in(browser, demo, cookie, 1280)
    page.goto(demo + "/cases/")
    first_row = page.locator("tbody tr").first
    assert "SI-DEMO-02" in first_row.inner_text() and "Overdue by" in first_row.inner_text()
    page.get_by_role("link", name="SI-DEMO-02").click()
    steps = page.locator("ol.timeline > li")
    texts = steps.all_inner_texts()
    assert texts[0].startswith("The local authority became aware")
    assert any(t.startswith("Rapid review sent to the panel") and "Overdue by" in t for t in texts)
    context.close()
