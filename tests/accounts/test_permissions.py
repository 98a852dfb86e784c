"""Each role sees only the admin sections and actions it may use."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from reviews.models import Review
from tests.factories import (
    BoardProfileFactory,
    ManagerFactory,
    OfficerFactory,
    PractitionerFactory,
    ReviewFactory,
    SuperuserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": AnonymousUser,
    "practitioner": PractitionerFactory,
    "officer": OfficerFactory,
    "manager": ManagerFactory,
    "superuser": SuperuserFactory,
}
BOARD = {"officer", "manager", "superuser"}
SECTIONS = {
    # changelist: roles that get the page (everyone else: sign-in for non-staff, 403 for staff)
    "reviews_review": BOARD,
    "reviews_theme": BOARD,
    "reviews_service": BOARD,
    "reviews_ownergroup": BOARD,
    "reviews_boardprofile": BOARD,
    "briefings_newsletter": BOARD,
    "axes_accessattempt": {"manager", "superuser"},
    "axes_accesslog": {"manager", "superuser"},
    "accounts_user": {"superuser"},
    "auth_group": {"superuser"},
    "otp_totp_totpdevice": {"superuser"},
}


def login(client, role):
    user = ROLES[role]()
    if role != "anonymous":
        client.force_login(user)
    return user


def expect(response, allowed, role):
    if allowed:
        assert response.status_code == 200, (role, response.status_code)
    elif role in {"anonymous", "practitioner"}:
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:
        assert response.status_code == 403, (role, response.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("section", SECTIONS)
def test_admin_sections(client, role, section):
    login(client, role)
    expect(client.get(reverse(f"admin:{section}_changelist")), role in SECTIONS[section], role)


@pytest.mark.parametrize("role", ROLES)
def test_admin_index_lists_only_allowed_sections(client, role):
    login(client, role)
    response = client.get(reverse("admin:index"))
    if role not in BOARD:
        assert response.status_code == 302
        return
    assert ("Users" in response.text) is (role == "superuser")
    assert "Reviews" in response.text


@pytest.mark.parametrize(("role", "can_delete"), [("officer", False), ("manager", True), ("superuser", True)])
def test_only_managers_delete_reviews(client, role, can_delete):
    login(client, role)
    review = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    response = client.get(reverse("admin:reviews_review_delete", args=[review.pk]))
    assert (response.status_code == 200) is can_delete
    changelist = client.get(reverse("admin:reviews_review_changelist"))
    assert ('value="delete_selected"' in changelist.text) is can_delete


@pytest.mark.parametrize("role", ["officer", "manager"])
def test_board_profile_can_be_edited_but_not_added_twice_or_deleted(client, role):
    login(client, role)
    profile = BoardProfileFactory()
    assert client.get(reverse("admin:reviews_boardprofile_change", args=[profile.pk])).status_code == 200
    assert client.get(reverse("admin:reviews_boardprofile_add")).status_code == 403
    assert client.get(reverse("admin:reviews_boardprofile_delete", args=[profile.pk])).status_code == 403


def test_practitioners_cannot_reach_the_admin_even_with_a_session(client):
    login(client, "practitioner")
    assert client.get(reverse("admin:reviews_review_add")).status_code == 302


@pytest.mark.django_db
def test_every_permission_a_role_names_exists_and_the_role_holds_it():
    """A misspelt permission would otherwise leave a role quietly without it."""
    from django.contrib.auth.models import Group

    from accounts.roles import ROLES

    for name, permissions in ROLES.items():
        held = {
            f"{app_label}.{codename}"
            for app_label, codename in Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == set(permissions), name
