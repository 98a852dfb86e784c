"""Exit this page: Shift three times leaves for a neutral site and takes this page out of the history."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NEUTRAL = "https://www.bbc.co.uk/weather"


def test_shift_three_times_leaves_and_back_does_not_return(browser, demo):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    # The neutral site, answered locally: no test needs the internet.
    context.route(
        re.compile(r"^https://www\.bbc\.co\.uk/"),
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title><p>Weather"
        ),
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(demo + "/lessons/")
    entries_before = page.evaluate("history.length")

    # Reached with the keyboard straight after the skip link, with a visible focus ring.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    exit_link = page.get_by_role("link", name=re.compile(r"^Exit this page"))
    assert exit_link.evaluate("element => element === document.activeElement")
    assert exit_link.evaluate("element => getComputedStyle(element).outlineStyle") == "solid"
    assert exit_link.get_attribute("href") == NEUTRAL

    # Capital letters typed with Shift never count as presses of Shift alone.
    for _ in range(3):
        page.keyboard.press("Shift+KeyA")
    assert page.url.endswith("/lessons/")

    with page.expect_navigation(url=re.compile(r"bbc\.co\.uk/weather")):
        for _ in range(3):
            page.keyboard.press("Shift")

    assert page.title() == "Weather"
    assert page.evaluate("history.length") == entries_before, "the lessons page was replaced, not left behind"
    page.go_back()
    assert "/lessons/" not in page.url
    context.close()
