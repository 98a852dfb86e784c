"""Two-factor sign-in for staff, session expiry, security headers and production checks."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import SEEN, STARTED
from tests.factories import OfficerFactory
from tests.production import settings_with

pytestmark = pytest.mark.django_db


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.fixture
def two_factor_on(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


def test_staff_are_sent_to_the_code_step_before_the_admin(client, officer, two_factor_on):
    TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.force_login(officer)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two_factor"))


def test_a_wrong_code_is_explained(client, officer, two_factor_on):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.force_login(officer)
    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000", "next": "/admin/"})
    assert "That code is not right" in wrong.text
    device.refresh_from_db()
    device.throttle_reset()  # a wrong code delays the next try by a second; the test does not wait
    done = client.post(reverse("accounts:two_factor"), {"token": current_code(device), "next": "/admin/"})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_next_time_staff_are_asked_for_a_code_not_a_new_device(client, officer, two_factor_on):
    TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.force_login(officer)
    page = client.get(reverse("accounts:two_factor"))
    assert "Enter your sign-in code" in page.text and "<svg" not in page.text


def test_two_factor_page_refuses_to_send_people_elsewhere(client, officer, two_factor_on):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.force_login(officer)
    response = client.post(
        reverse("accounts:two_factor"), {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("admin:index")


def test_two_factor_not_asked_when_the_setting_is_off(client, officer, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = False
    client.force_login(officer)
    assert client.get(reverse("admin:index")).status_code == 200


def test_two_factor_is_on_by_default_in_production():
    settings = settings_with(DEBUG="false", SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org")
    assert settings["STAFF_TWO_FACTOR_REQUIRED"] is True


def age_session(client, *, started_ago=0, seen_ago=0):
    session = client.session
    now = time.time()
    session[STARTED] = now - started_ago
    session[SEEN] = now - seen_ago
    session.save()


def test_staff_are_signed_out_after_30_minutes_idle(client, officer):
    client.force_login(officer)
    client.get(reverse("admin:index"))
    age_session(client, started_ago=31 * 60, seen_ago=31 * 60)
    response = client.get(reverse("admin:index"), follow=True)
    assert "You were signed out after 30 minutes without activity." in response.text
    assert not response.wsgi_request.user.is_authenticated


def test_staff_are_signed_out_after_12_hours_even_when_active(client, officer):
    client.force_login(officer)
    client.get(reverse("admin:index"))
    age_session(client, started_ago=12 * 3600 + 60, seen_ago=60)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_an_active_staff_session_stays(client, officer):
    client.force_login(officer)
    client.get(reverse("admin:index"))
    age_session(client, started_ago=3600, seen_ago=20 * 60)
    assert client.get(reverse("admin:index")).status_code == 200


def test_practitioners_are_not_signed_out_after_30_minutes(client, practitioner):
    client.force_login(practitioner)
    age_session(client, started_ago=3 * 3600, seen_ago=3 * 3600)
    assert client.get(reverse("pages:home")).wsgi_request.user == practitioner


def test_security_headers_on_a_public_page(client):
    response = client.get(reverse("pages:home"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" not in response.get("Cache-Control", "")


def test_signed_in_pages_are_never_stored(client, practitioner, officer):
    client.force_login(practitioner)
    assert "no-store" in client.get(reverse("pages:home"))["Cache-Control"]
    client.force_login(officer)
    assert "no-store" in client.get(reverse("admin:index"))["Cache-Control"]


def test_no_page_has_an_inline_script(client, officer):
    client.force_login(officer)
    for url in [reverse("pages:home"), reverse("admin:index"), reverse("admin:reviews_review_add")]:
        html = client.get(url).text
        for chunk in html.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            assert "src=" in tag or "application/json" in tag, (url, tag)


def test_check_deploy_is_clean_with_production_settings():
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "k" * 60 + "-Zq9", "ALLOWED_HOSTS": "example.org"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_otp_device_admin_is_for_superusers_only(client):
    client.force_login(OfficerFactory())
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 403


def test_every_response_limits_browser_features(client, officer):
    expected = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    assert client.get(reverse("pages:home"))["Permissions-Policy"] == expected
    assert client.get("/no-such-page/")["Permissions-Policy"] == expected
    client.force_login(officer)
    assert client.get(reverse("admin:index"))["Permissions-Policy"] == expected


def production_settings(secret_key):
    return settings_with(DEBUG="false", ALLOWED_HOSTS="example.org", SECRET_KEY=secret_key)


def env_example_value(name):
    text = (Path(__file__).resolve().parents[2] / ".env.example").read_text()
    return next(line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{name}="))


@pytest.mark.parametrize(
    "weak_key",
    [
        "change-me",
        "local-compose-only-change-me-0123456789abcdefghijklmnopqrstuvwxyz",
        "development-only-key-never-used-in-production",
        "django-insecure-" + "q7#v" * 12,
        "short-but-random-9f8e7d6c5b4a",
        "ENV_EXAMPLE",
    ],
)
def test_production_refuses_a_weak_or_published_secret_key(weak_key):
    if weak_key == "ENV_EXAMPLE":
        weak_key = env_example_value("SECRET_KEY")
    with pytest.raises(ImproperlyConfigured) as refused:
        production_settings(weak_key)
    assert "SECRET_KEY" in str(refused.value)
    assert "50 random characters" in str(refused.value)


def test_production_accepts_a_long_random_secret_key():
    assert production_settings("9f" * 32)["SECRET_KEY"] == "9f" * 32


def test_docker_compose_has_no_default_secret_and_listens_locally():
    compose = (Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text()
    assert "SECRET_KEY: ${SECRET_KEY:?" in compose
    assert "change-me" not in compose
    assert '"${BIND_ADDRESS:-127.0.0.1}:8000:8000"' in compose
