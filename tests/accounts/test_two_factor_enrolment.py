"""Setting up an authenticator app needs the staff member's mailbox as well as their password."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from tests.accounts.test_security import current_code
from tests.factories import OfficerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


def set_up_link():
    return re.search(r"http://testserver(\S+)", mail.outbox[-1].body).group(1)


def test_a_password_alone_never_shows_the_set_up_secret(client, officer):
    client.force_login(officer)
    page = client.get(reverse("accounts:two_factor"))
    assert "<svg" not in page.text and "secret=" not in page.text
    assert "Send me the set-up link" in page.text
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_staff_enrol_through_the_e_mailed_link_then_reach_the_admin(client, officer):
    client.force_login(officer)
    sent = client.post(reverse("accounts:two_factor"))
    assert f"We have sent a set-up link to {officer.email}" in sent.text
    assert mail.outbox[-1].to == [officer.email]

    assert client.get(set_up_link()).status_code == 302
    page = client.get(reverse("accounts:two_factor"))
    assert "Set up two-factor sign-in" in page.text and "<svg" in page.text
    device = TOTPDevice.objects.get(user=officer, confirmed=False)

    done = client.post(reverse("accounts:two_factor"), {"token": current_code(device), "next": "/admin/"})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_set_up_link_works_once(client, officer):
    client.force_login(officer)
    client.post(reverse("accounts:two_factor"))
    link = set_up_link()
    assert client.get(link).status_code == 302
    again = client.get(link)
    assert again.status_code == 400 and "does not work" in again.text


def test_a_set_up_link_expires(client, officer, settings):
    settings.TWO_FACTOR_ENROLMENT_SECONDS = -1
    client.force_login(officer)
    client.post(reverse("accounts:two_factor"))
    assert client.get(set_up_link()).status_code == 400
    assert "<svg" not in client.get(reverse("accounts:two_factor")).text


def test_a_set_up_link_is_useless_in_someone_elses_session(client, officer):
    client.force_login(officer)
    client.post(reverse("accounts:two_factor"))
    link = set_up_link()
    client.force_login(OfficerFactory())
    assert client.get(link).status_code == 400
    assert "<svg" not in client.get(reverse("accounts:two_factor")).text


def test_a_set_up_link_cannot_add_a_second_app(client, officer):
    client.force_login(officer)
    client.post(reverse("accounts:two_factor"))
    link = set_up_link()
    TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    assert client.get(link).status_code == 400
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_a_forged_link_is_refused(client, officer):
    client.force_login(officer)
    assert client.get(reverse("accounts:two_factor_enrol", kwargs={"token": "forged"})).status_code == 400


def test_secret_helper_is_gone():
    assert not hasattr(two_factor, "secret")
