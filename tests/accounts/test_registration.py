"""Registration never changes an existing account and answers every address alike."""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from tests.factories import ManagerFactory, PractitionerFactory

pytestmark = pytest.mark.django_db
FIRST, SECOND = "Correct-Horse-Battery-9", "Intruders-Choice-77"


@pytest.fixture(autouse=True)
def partner_domains(settings):
    settings.PRACTITIONER_EMAIL_DOMAINS = ["nhs.net", "police.uk"]


def register(client, email, password=FIRST, first_name="Hana"):
    return client.post(
        reverse("accounts:register"),
        {
            "email": email,
            "first_name": first_name,
            "last_name": "Visitor",
            "organisation": "Health visiting",
            "password1": password,
            "password2": password,
        },
    )


def test_a_deactivated_manager_does_not_come_back_through_sign_up(client):
    manager = ManagerFactory(email="former.manager@nhs.net", is_active=False, first_name="Pat")
    response = register(client, "Former.Manager@nhs.net", password=SECOND, first_name="Mallory")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:register_sent")
    manager.refresh_from_db()
    assert not manager.is_active and manager.is_staff and manager.first_name == "Pat"
    assert manager.check_password("a-long-test-password")
    assert list(manager.groups.values_list("name", flat=True)) == ["Board manager"]
    # The owner hears of it; nothing in the e-mail lets anyone in.
    assert mail.outbox[-1].to == ["former.manager@nhs.net"]
    assert "tried to register" in mail.outbox[-1].body
    assert "/register/confirm/" not in mail.outbox[-1].body


def test_an_existing_address_gets_the_same_answer_and_its_owner_an_e_mail(client):
    PractitionerFactory(email="known@nhs.net")
    known = register(client, "known@nhs.net")
    new = register(client, "new@nhs.net")
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert [m.to for m in mail.outbox] == [["known@nhs.net"], ["new@nhs.net"]]
    assert "tried to register" in mail.outbox[0].body and "reset" in mail.outbox[0].body


def test_a_second_sign_up_does_not_replace_a_pending_password_or_kill_its_link(client):
    register(client, "pending@nhs.net", password=FIRST)
    first_link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    register(client, "pending@nhs.net", password=SECOND, first_name="Mallory")
    user = User.objects.get(email="pending@nhs.net")
    assert user.check_password(FIRST) and user.first_name == "Hana"
    assert "tried to register" in mail.outbox[1].body
    assert client.get(first_link).status_code == 302  # the first registration's link still works
    user.refresh_from_db()
    assert user.is_active


def test_a_lapsed_registration_can_be_made_again(client, settings):
    register(client, "lapsed@nhs.net", password=FIRST)
    User.objects.filter(email="lapsed@nhs.net").update(
        date_joined=timezone.now() - timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    )
    register(client, "lapsed@nhs.net", password=SECOND, first_name="Noor")
    user = User.objects.get(email="lapsed@nhs.net")
    assert user.check_password(SECOND) and user.first_name == "Noor" and not user.is_active
    assert "/register/confirm/" in mail.outbox[-1].body


def production_hashing(settings):
    # The suite hashes with a fast hasher; timing is only meaningful with production's own. It is
    # switched on after the known account is made: how that account's own password was hashed
    # plays no part in registering its address again.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def test_known_and_new_addresses_cost_the_same_password_hashing(client, monkeypatch, settings):
    PractitionerFactory(email="known@nhs.net")
    production_hashing(settings)
    calls = []
    original = PBKDF2PasswordHasher.encode
    monkeypatch.setattr(
        PBKDF2PasswordHasher, "encode", lambda self, *a, **k: calls.append(1) or original(self, *a, **k)
    )
    register(client, "known@nhs.net")
    known = len(calls)
    register(client, "new@nhs.net")
    assert known == len(calls) - known == 1


def test_known_and_new_addresses_take_about_as_long(client, settings):
    PractitionerFactory(email="known@nhs.net")
    production_hashing(settings)
    register(client, "warm-up@nhs.net")

    def timed(email):
        started = time.perf_counter()
        register(client, email)
        return time.perf_counter() - started

    # The fastest of two tries each: a busy machine only ever makes a try slower.
    known = min(timed("known@nhs.net") for _ in range(2))
    new = min(timed(f"new{n}@nhs.net") for n in range(2))
    assert known > new / 3  # was about a tenth before: only the new address's password was hashed


def test_registration_never_gives_an_existing_account_the_practitioner_role(client):
    manager = ManagerFactory(email="boss@nhs.net")
    register(client, "boss@nhs.net")
    assert not manager.groups.filter(name="Practitioner").exists()
    assert Group.objects.get(name="Practitioner").user_set.count() == 0
