"""The insight page and an annual learning report in Chromium: no WCAG violations, usable with the
keyboard, and charts drawn in the text colour so that they follow a high-contrast mode."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import override_settings

from briefings.models import Newsletter
from tests.briefings.workflow import approve_and_publish
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.factories import ManagerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(scope="module")
def annual_report_url(demo, django_db_blocker):
    """A published annual report of the demo's years, committed so that the live server sees it."""
    with django_db_blocker.unblock(), override_settings(TASKS=DUMMY_TASKS):  # no PDF: only its page is read
        report = Newsletter.objects.create(
            kind=Newsletter.Kind.ANNUAL_REPORT,
            title="Learning from case reviews 2011 to 2016",
            slug="annual-report-browser",
            issue_date=datetime.date(2017, 1, 15),
            period_start=datetime.date(2011, 1, 1),
            period_end=datetime.date(2016, 12, 31),
            introduction="What the board learnt from its reviews.",
        )
        approve_and_publish(newsletter=report, by=ManagerFactory())
    return demo + report.get_absolute_url()


def test_insight_and_the_annual_report_have_no_wcag_violations_and_work_by_keyboard(
    browser, demo, annual_report_url
):
    context = browser.new_context(viewport={"width": 390, "height": 900}, forced_colors="active")
    page = context.new_page()
    axe = Axe()
    problems = []

    # Reversed years: the form error is shown, and every chart still is.
    page.goto(demo + "/insight/?from=2016&to=2011")
    assert "The first year (2016) is after the last (2011)" in page.locator("#problems").inner_text()
    assert page.locator("svg.chart[role=img]").count() == 7
    assert page.locator("#id_from").get_attribute("aria-invalid") is None  # the pair is wrong, not one year
    results = axe.run(page, options=AXE_OPTIONS)
    if results.violations_count:
        problems.append(f"/insight/:\n{results.generate_report()}")
    # A bar is painted in the text colour, whatever colours a high-contrast mode chooses.
    bar, text = page.evaluate(
        "() => { const svg = document.querySelector('#children-age svg');"
        " return [getComputedStyle(svg.querySelector('rect')).fill, getComputedStyle(svg).color]; }"
    )
    assert bar == text
    # The keyboard reaches the years, the button, and each chart's table (to scroll it) in turn.
    page.locator("#id_from").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_to"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Show figures"
    page.locator("#reviews a[href*='reviews.csv']").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"

    page.goto(annual_report_url)
    assert page.locator("h2", has_text="Themes that came up").count() == 1
    assert page.locator("svg.chart[role=img]").count() == 7
    results = axe.run(page, options=AXE_OPTIONS)
    if results.violations_count:
        problems.append(f"annual report:\n{results.generate_report()}")
    context.close()
    assert not problems, "\n\n".join(problems)
