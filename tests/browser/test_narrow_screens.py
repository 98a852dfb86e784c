"""Printed output read on a phone: nothing wider than the screen."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    "/newsletters/learning-from-local-reviews-2014/",
    "/reviews/special-practice-review-three-children/",
    "/reviews/special-practice-review-three-children/briefing/",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_newsletter_and_a_review_fit_a_phone_without_sideways_scrolling(browser, demo, media_root, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # A table wider than the screen scrolls in its own region, which a keyboard can reach.
    for region in page.locator(".table-scroll, .table-responsive").all():
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("aria-label")
    context.close()
