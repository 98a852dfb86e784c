"""Who may open each page of the action plan: nothing of it is public, an owner sees only their own."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import ProgressUpdate
from tests.factories import ManagerFactory, OfficerFactory, PractitionerFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64

ROLES = ["anonymous", "practitioner", "other_owner", "owner", "officer", "manager"]
SIGN_IN = "sign-in"


def _pages(action, update):
    review = action.recommendation.review
    return {
        "plan": ("get", reverse("actions:plan")),
        "plan_xlsx": ("get", reverse("actions:plan_xlsx")),
        "plan_pdf": ("get", reverse("actions:plan_pdf")),
        "review_plan": ("get", reverse("actions:review_plan", args=[review.slug])),
        "mine": ("get", reverse("actions:mine")),
        "action": ("get", reverse("actions:action_detail", args=[action.pk])),
        "step": ("get", reverse("actions:action_step", args=[action.pk, "complete"])),
        "at_risk": ("post", reverse("actions:action_at_risk", args=[action.pk])),
        "evidence": ("get", reverse("actions:evidence", args=[update.pk])),
        "dissemination_counts": ("get", reverse("actions:dissemination_counts")),
        "dissemination_add": ("get", reverse("actions:dissemination_add", args=[review.slug])),
    }


BOARD_ONLY = {
    "anonymous": SIGN_IN,
    "practitioner": 404,
    "other_owner": 404,
    "owner": 404,
    "officer": 200,
    "manager": 200,
}
OWNER_AND_BOARD = {**BOARD_ONLY, "owner": 200}
EXPECTED = {
    "plan": BOARD_ONLY,
    "plan_xlsx": BOARD_ONLY,
    "plan_pdf": BOARD_ONLY,
    "review_plan": BOARD_ONLY,
    # Owners see their own group's list; board staff are sent to the plan instead.
    "mine": {**BOARD_ONLY, "other_owner": 200, "owner": 200, "officer": 302, "manager": 302},
    "action": OWNER_AND_BOARD,
    "step": OWNER_AND_BOARD,
    "at_risk": {**OWNER_AND_BOARD, "owner": 302, "officer": 302, "manager": 302},
    "evidence": OWNER_AND_BOARD,
    "dissemination_counts": BOARD_ONLY,
    # Any signed-in reader records that their team discussed a published briefing.
    "dissemination_add": dict.fromkeys(ROLES, 200) | {"anonymous": SIGN_IN},
}


@pytest.fixture
def update(action, owner):
    return ProgressUpdate.objects.create(
        action=action, by=owner, note="Briefed the team.", evidence=SimpleUploadedFile("notes.png", PNG)
    )


@pytest.mark.parametrize("page", EXPECTED)
def test_each_page_answers_each_role_as_the_matrix_says(client, page, action, update, owner, other_owner):
    people = {
        "anonymous": None,
        "practitioner": PractitionerFactory(),
        "other_owner": other_owner,
        "owner": owner,
        "officer": OfficerFactory(),
        "manager": ManagerFactory(),
    }
    method, url = _pages(action, update)[page]
    wrong = []
    for role in ROLES:
        client.logout()
        if people[role] is not None:
            client.force_login(people[role])
        response = getattr(client, method)(url)
        expected = EXPECTED[page][role]
        if expected == SIGN_IN:
            if response.status_code != 302 or not response["Location"].startswith(reverse("accounts:login")):
                wrong.append(f"{role}: {response.status_code}, not sent to sign in")
        elif response.status_code != expected:
            wrong.append(f"{role}: {response.status_code}, expected {expected}")
    assert not wrong, f"{page}: " + "; ".join(wrong)


def test_an_owner_sees_only_their_own_groups_actions_in_my_actions(client, action, owner, other_owner):
    client.force_login(other_owner)
    assert action.text not in client.get(reverse("actions:mine")).content.decode()
    client.force_login(owner)
    assert action.text[:40] in client.get(reverse("actions:mine")).content.decode()


def test_staff_who_have_not_given_their_second_factor_do_not_see_the_plan(client, settings, action):
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    client.force_login(OfficerFactory())
    assert client.get(reverse("actions:plan")).status_code == 404


def test_the_nav_offers_my_actions_to_an_owner_and_the_plan_to_staff(client, owner):
    client.force_login(owner)
    assert "My actions" in client.get(reverse("pages:home")).content.decode()
    client.force_login(OfficerFactory())
    assert "Action plan" in client.get(reverse("pages:home")).content.decode()
