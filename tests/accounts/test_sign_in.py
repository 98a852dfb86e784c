"""Sign-in, lock-out after five failures, the audit log, registration and password reset."""

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import OfficerFactory, PractitionerFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def sign_in(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_a_practitioner_signs_in_and_out(client, caplog):
    user = PractitionerFactory()
    response = sign_in(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("pages:home")).wsgi_request.user == user
    assert f"sign-in: {user.email}" in caplog.text
    client.post(reverse("accounts:logout"))
    assert not client.get(reverse("pages:home")).wsgi_request.user.is_authenticated


def test_a_wrong_password_is_explained_and_logged(client, caplog):
    user = PractitionerFactory()
    response = sign_in(client, user.email, "wrong")
    assert response.status_code == 200
    assert "do not match an account" in response.text
    assert f"failed sign-in: {user.email}" in caplog.text
    assert "wrong" not in caplog.text


def test_five_failures_lock_the_account_with_a_message_and_a_record(client, caplog):
    user = OfficerFactory()
    for _ in range(5):
        sign_in(client, user.email, "wrong")
    response = sign_in(client, user.email, PASSWORD)  # even the right password is refused now
    assert response.status_code == 429
    assert "too many failed attempts" in response.text
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username=user.email).exists()
    assert f"lock-out: {user.email}" in caplog.text


def test_sign_in_records_with_addresses_and_browsers_are_for_managers_only(client, officer, manager):
    client.force_login(officer)
    for section in ["accesslog", "accessattempt", "accessfailurelog"]:
        assert client.get(reverse(f"admin:axes_{section}_changelist")).status_code == 403, section
    assert not officer.has_perm("axes.view_accesslog")
    client.force_login(manager)
    assert client.get(reverse("admin:axes_accesslog_changelist")).status_code == 200
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200
    assert manager.has_perm("axes.delete_accessattempt")


def test_admin_sign_in_is_locked_too(client):
    user = OfficerFactory()
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": user.email, "password": "wrong"})
    response = client.post(reverse("admin:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 429


@pytest.fixture
def partner_domains(settings):
    settings.PRACTITIONER_EMAIL_DOMAINS = ["nhs.net", "police.uk"]


def register(client, email, password="Correct-Horse-Battery-9"):
    return client.post(
        reverse("accounts:register"),
        {
            "email": email,
            "first_name": "Hana",
            "last_name": "Visitor",
            "organisation": "Health visiting",
            "password1": password,
            "password2": password,
        },
    )


def test_practitioner_registers_confirms_and_signs_in(client, partner_domains):
    response = register(client, "Hana.Visitor@NHS.net")
    assert response.status_code == 302
    user = User.objects.get(email="hana.visitor@nhs.net")
    assert not user.is_active and user.groups.filter(name="Practitioner").exists()
    assert sign_in(client, user.email, "Correct-Horse-Battery-9").status_code == 200  # not yet

    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    assert client.get(link).status_code == 302
    user.refresh_from_db()
    assert user.is_active and not user.is_staff
    assert client.get(link).status_code == 400  # a used link says so
    assert sign_in(client, user.email, "Correct-Horse-Battery-9").status_code == 302


def test_registration_refuses_other_domains_and_keeps_what_was_typed(client, partner_domains):
    response = register(client, "someone@gmail.com")
    assert response.status_code == 200
    assert "open to staff of the board&#x27;s partner agencies" in response.text
    assert 'value="Health visiting"' in response.text
    assert not User.objects.filter(email="someone@gmail.com").exists()
    assert mail.outbox == []


def test_subdomains_of_a_partner_domain_are_accepted(client, partner_domains):
    assert register(client, "pc.smith@northshire.police.uk").status_code == 302


def test_weak_or_mismatched_passwords_are_explained(client, partner_domains):
    assert "too short" in register(client, "a@nhs.net", password="short").text
    response = client.post(
        reverse("accounts:register"),
        {
            "email": "a@nhs.net",
            "first_name": "A",
            "last_name": "B",
            "organisation": "C",
            "password1": "Correct-Horse-Battery-9",
            "password2": "different-Horse-9",
        },
    )
    assert "The two passwords are not the same." in response.text


def test_an_empty_registration_form_is_explained(client):
    response = client.post(reverse("accounts:register"), {})
    assert response.status_code == 200
    assert "This field is required." in response.text


def test_password_reset_sends_a_working_link(client):
    user = PractitionerFactory()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.text
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Another-Long-Secret-7", "new_password2": "Another-Long-Secret-7"},
    )
    assert response.status_code == 302
    assert sign_in(client, user.email, "Another-Long-Secret-7").status_code == 302


def test_every_page_offers_sign_in_or_sign_out(client, officer):
    page = client.get(reverse("pages:home"))
    assert f'href="{reverse("accounts:login")}"' in page.text
    client.force_login(officer)
    page = client.get(reverse("pages:home"))
    assert f'action="{reverse("accounts:logout")}"' in page.text and "Sign out" in page.text
    assert f'href="{reverse("admin:index")}"' in page.text


def test_sign_in_ignores_the_case_of_the_e_mail_address(client):
    user = PractitionerFactory(email="sam.reader@example.org")
    assert sign_in(client, "Sam.Reader@Example.ORG", PASSWORD).status_code == 302
    assert client.get(reverse("pages:home")).wsgi_request.user == user


def test_admin_sign_in_ignores_the_case_of_the_e_mail_address(client, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = False
    OfficerFactory(email="officer@example.org")
    response = client.post(reverse("admin:login"), {"username": "OFFICER@example.org", "password": PASSWORD})
    assert response.status_code == 302


def test_two_accounts_cannot_differ_only_by_case(client, superuser):
    PractitionerFactory(email="sam@example.org")
    client.force_login(superuser)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {"email": "Sam@Example.org", "usable_password": "false", "password1": "", "password2": ""},
    )
    assert response.status_code == 200
    assert User.objects.filter(email__iexact="sam@example.org").count() == 1
