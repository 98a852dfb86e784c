"""The action plan in a browser: no WCAG violations on its pages, and an action owner posting a
progress update with the keyboard only."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts import roles
from accounts.models import User
from actions.models import Action
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.browser.test_journey import press_until_focused

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "a-long-browser-password"


@pytest.fixture(scope="module")
def people(demo, django_db_blocker):
    """The demo's Police lead and a board officer, able to sign in (committed: the server reads them)."""
    from django.contrib.auth.models import Group

    with django_db_blocker.unblock():
        owner = User.objects.get(email="owner@example.org")
        owner.set_password(PASSWORD)
        owner.save()
        officer, _ = User.objects.get_or_create(email="plan.officer@example.org", defaults={"is_staff": True})
        officer.set_password(PASSWORD)
        officer.save()
        officer.groups.add(Group.objects.get(name=roles.OFFICER))
        police_action = Action.objects.filter(owner_group__name="Police", state="signed_off").first()
        open_action = Action.objects.filter(owner_group__name="Health", state="in_progress").first()
    return {"owner": owner, "officer": officer, "signed_off": police_action, "open": open_action}


def sign_in(page, base, email):
    page.goto(base + "/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_action_plan_pages_have_no_wcag_violations(browser, demo, people):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    axe = Axe()
    problems = []
    for email, urls in [
        ("owner@example.org", ["/actions/mine/", people["signed_off"].get_absolute_url()]),
        (
            "plan.officer@example.org",
            [
                "/actions/",
                "/actions/?due=overdue",
                "/actions/review/child-r-practice-review/",
                people["open"].get_absolute_url(),
                f"/actions/{people['open'].pk}/step/complete/",
            ],
        ),
    ]:
        sign_in(page, demo, email)
        for url in urls:
            page.goto(demo + url)
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                problems.append(f"{url}:\n{results.generate_report()}")
        context.clear_cookies()
    context.close()
    assert not problems, "\n\n".join(problems)


def test_an_action_owner_posts_a_progress_update_with_the_keyboard(page, demo, people):
    sign_in(page, demo, "owner@example.org")
    page.goto(demo + "/actions/mine/")
    # The Police lead sees the Police actions only.
    assert "monthly exploitation information-sharing meeting" in page.content()
    assert "health visiting record system" not in page.content()

    action = Action.objects.get(owner_group__name="Police", state=Action.State.IN_PROGRESS)
    link = page.get_by_role("link", name=str(action))
    press_until_focused(page, link)
    page.keyboard.press("Enter")
    note = page.get_by_role("textbox", name=re.compile(r"^Progress"))
    press_until_focused(page, note)
    page.keyboard.type("Twelve sergeants briefed on the new referral route.")
    submit = page.get_by_role("button", name="Post the update")
    press_until_focused(page, submit)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your progress update was saved.")).to_be_visible()
    expect(page.get_by_text("Twelve sergeants briefed on the new referral route.")).to_be_visible()
