"""Lock-out after failed sign-ins: per account, whatever else succeeds; behind a proxy, per real client."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.urls import reverse
from django.utils import timezone

from tests.factories import ManagerFactory, PractitionerFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def sign_in(client, email, password, **headers):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, **headers)


def test_signing_in_to_ones_own_account_does_not_reset_failures_against_another(client):
    manager, own = ManagerFactory(), PractitionerFactory()
    answers = []
    for _ in range(5):  # four guesses at the manager, then a sign-in to one's own account, again and again
        answers += [sign_in(client, manager.email, f"guess-{len(answers)}").status_code for _ in range(4)]
        sign_in(client, own.email, PASSWORD)
        client.post(reverse("accounts:logout"))
    # The fifth wrong password locked the manager's account; the other fifteen were never checked.
    assert answers == [200] * 4 + [429] * 16
    assert sign_in(client, manager.email, PASSWORD).status_code == 429


def test_a_success_resets_its_own_accounts_failures(client):
    user = PractitionerFactory()
    for _ in range(4):
        sign_in(client, user.email, "wrong")
    assert sign_in(client, user.email, PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        sign_in(client, user.email, "wrong")
    assert sign_in(client, user.email, PASSWORD).status_code == 302


def test_failures_count_whatever_the_case_of_the_address(client):
    user = PractitionerFactory()
    variants = [user.email, user.email.upper(), user.email.title(), user.email.capitalize(), f" {user.email}"]
    for n, variant in enumerate(variants):
        sign_in(client, variant, "wrong", REMOTE_ADDR=f"192.0.2.{n}")
    assert sign_in(client, user.email, PASSWORD, REMOTE_ADDR="192.0.2.99").status_code == 429


def test_made_up_usernames_never_lock_an_address(client):
    for n in range(12):
        sign_in(client, f"nobody{n}@example.org", "wrong")
    user = PractitionerFactory()
    assert sign_in(client, user.email, PASSWORD).status_code == 302


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_PROXY = True
    settings.PROXY_COUNT = 1


def via_proxy(client_address, claimed=None):
    """What the proxy passes on: it appends the address it saw to whatever the client claimed."""
    forwarded = f"{claimed}, {client_address}" if claimed else client_address
    return {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": forwarded}


def test_behind_a_proxy_failures_are_recorded_against_the_real_client(client, behind_proxy):
    user = PractitionerFactory()
    sign_in(client, user.email, "wrong", **via_proxy("203.0.113.7", claimed="198.51.100.1"))
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_behind_a_proxy_one_clients_guessing_does_not_lock_out_the_others(client, behind_proxy, settings):
    settings.SIGN_IN_ADDRESS_FAILURE_LIMIT = 6
    users = [PractitionerFactory() for _ in range(6)]
    for user in users:  # a password spray: one guess per real account from one client
        sign_in(client, user.email, "wrong", **via_proxy("203.0.113.7"))
    spraying = sign_in(client, users[0].email, PASSWORD, **via_proxy("203.0.113.7"))
    assert spraying.status_code == 429
    assert sign_in(client, users[1].email, PASSWORD, **via_proxy("192.0.2.44")).status_code == 302


def test_a_client_cannot_escape_the_address_limit_by_claiming_another_address(client, behind_proxy, settings):
    settings.SIGN_IN_ADDRESS_FAILURE_LIMIT = 6
    users = [PractitionerFactory() for _ in range(6)]
    for n, user in enumerate(users):
        sign_in(client, user.email, "wrong", **via_proxy("203.0.113.7", claimed=f"198.51.100.{n}"))
    refused = sign_in(client, users[0].email, PASSWORD, **via_proxy("203.0.113.7", claimed="198.51.100.99"))
    assert refused.status_code == 429


def test_without_a_proxy_the_forwarded_header_is_ignored(client):
    user = PractitionerFactory()
    sign_in(client, user.email, "wrong", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_the_audit_log_names_the_real_client(client, behind_proxy, caplog):
    user = PractitionerFactory()
    sign_in(client, user.email, "wrong", **via_proxy("203.0.113.7"))
    assert f"failed sign-in: {user.email} from 203.0.113.7" in caplog.text


def test_records_of_sign_ins_are_kept_for_a_bounded_time(client, settings):
    settings.ACCESS_LOG_DAYS = 90
    old = AccessLog.objects.create(
        username="old@example.org", ip_address="192.0.2.1", user_agent="Old browser"
    )
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=timezone.now() - timedelta(days=91))
    recent = AccessLog.objects.create(username="new@example.org", ip_address="192.0.2.2", user_agent="New")
    user = PractitionerFactory()
    sign_in(client, user.email, PASSWORD)
    assert not AccessLog.objects.filter(pk=old.pk).exists()
    assert AccessLog.objects.filter(pk=recent.pk).exists()
    assert AccessLog.objects.filter(username=user.email).exists()
