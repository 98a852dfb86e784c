"""Every public page template checked by axe-core at the WCAG 2.2 A and AA rules: no violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Every rule runs on every element either way; only the violations are described in full, which
# is what the report needs (the passes' details were most of axe's time).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
PAGES = [
    "/",
    "/reviews/",
    "/reviews/?kind=nope",
    "/reviews/child-m-management-review/",
    "/reviews/child-m-management-review/briefing/",
    "/lessons/",
    "/lessons/?q=neglect&service=police",
    "/lessons/?q=zzzzzz",
    "/lessons/?theme=nope&page=x",
    "/themes/",
    "/themes/neglect/",
    "/accessibility/",
    "/privacy/",
    "/newsletters/",
    "/newsletters/learning-from-local-reviews-2014/",
    "/alerts/",
    "/accounts/login/",
    "/accounts/register/",
    "/accounts/password/reset/",
    "/no-such-page/",
]

# On a phone the same templates lay out in one column behind a collapsed menu: one page of each
# layout is checked there, every page on a desktop.
PHONE_PAGES = [
    "/",
    "/reviews/child-m-management-review/",
    "/reviews/child-m-management-review/briefing/",
    "/lessons/?q=neglect&service=police",
    "/themes/neglect/",
    "/newsletters/learning-from-local-reviews-2014/",
    "/accounts/login/",
]


@pytest.mark.parametrize(("width", "pages"), [(390, PHONE_PAGES), (1280, PAGES)], ids=["390", "1280"])
def test_public_pages_have_no_wcag_violations(browser, demo, width, pages):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    axe = Axe()
    problems = []
    for url in pages:
        page.goto(demo + url)
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            problems.append(f"{url}:\n{results.generate_report()}")
    context.close()
    assert not problems, "\n\n".join(problems)
