"""A practitioner on a phone, keyboard only and without JavaScript: search, filter, read, brief."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def press_until_focused(page, locator, *, key="Tab", limit=200):
    """Press Tab until ``locator`` has the focus, as a keyboard user would; fail if it never does."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{locator} never received the keyboard focus")


def choose(select, starting):
    """Pick the option whose label starts with ``starting`` (labels end with a count)."""
    labels = [label for label in select.locator("option").all_inner_texts() if label.startswith(starting)]
    assert labels, f"no option starting {starting!r}"
    select.select_option(label=labels[0])


def test_keyboard_only_journey_from_search_to_briefing(page, demo):
    page.goto(demo + "/")

    # The first Tab reaches the skip link, which moves the reader to the main content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")

    # Search from the home page.
    search_box = page.get_by_role("searchbox", name="Search the learning from every review")
    press_until_focused(page, search_box)
    page.keyboard.type("professional curiosity")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/lessons/\?q=professional\+curiosity"))
    assert page.get_by_role("heading", level=1).inner_text() == "Search the learning from all reviews"
    assert page.locator("mark").count() > 0

    # Filter by theme and by service with the keyboard: select the option, then submit.
    theme = page.get_by_label("Theme")
    press_until_focused(page, theme)
    choose(theme, "Professional curiosity (")
    service = page.get_by_label("Your service")
    press_until_focused(page, service)
    choose(service, "Children's social care (")
    submit = page.get_by_role("button", name="Show findings")
    press_until_focused(page, submit)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"theme=professional-curiosity.*service=childrens-social-care"))
    count = page.locator(".result-count").inner_text()
    assert re.match(r"\d+ findings? from \d+ reviews?", count), count
    assert "Your service: Children's social care" in page.locator(".filters-applied").inner_text()

    # Open the review the first findings come from.
    review_link = page.locator(".result h3 a").first
    title = review_link.inner_text()
    press_until_focused(page, review_link)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/reviews/[\w-]+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == title

    # And its 7-minute briefing.
    briefing = page.get_by_role("link", name="7-minute briefing")
    press_until_focused(page, briefing)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/reviews/[\w-]+/briefing/$"))
    parts = page.locator(".briefing-part h2").all_inner_texts()
    assert [p.split()[0] for p in parts] == ["1", "2", "3", "4", "5", "6", "7"]
    assert page.get_by_role("heading", name="Questions for your team").is_visible()


def test_focus_is_always_visible(page, demo):
    page.goto(demo + "/lessons/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_briefing_prints_without_the_site_menus(page, demo):
    page.goto(demo + "/reviews/child-m-management-review/briefing/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.get_by_role("heading", name="Questions for your team").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
