"""Guards for the project as a whole: migrations, parameterless URLs, settings from the environment."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lscb.env import env_bool, env_int, env_list, env_str
from tests.factories import BoardProfileFactory, ReviewFactory
from tests.production import settings_with


@pytest.mark.django_db
def test_no_migration_is_pending():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def parameterless_urls(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            if namespace == "admin":
                continue
            yield from parameterless_urls(pattern, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.regex.groups:
            yield f"{prefix}{pattern.name}"


# Signing out changes state, so it answers only POST (a link could otherwise sign people out).
POST_ONLY = {"accounts:logout"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(set(parameterless_urls())))
@pytest.mark.parametrize("reader", ["anonymous", "officer"])
def test_every_parameterless_url_answers(client, officer, name, reader):
    BoardProfileFactory()
    ReviewFactory()
    if reader == "officer":
        client.force_login(officer)
    response = client.get(reverse(name))
    if name in POST_ONLY:
        assert response.status_code == 405
    else:
        assert response.status_code in (200, 301, 302), (name, response.status_code)


@pytest.mark.django_db
def test_admin_index_answers_an_officer(officer_client):
    response = officer_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Case reviews" in response.text


def test_booleans_are_read_strictly(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Flase")
    with pytest.raises(ImproperlyConfigured, match="not a boolean"):
        env_bool("X_FLAG", default=False)
    monkeypatch.setenv("X_FLAG", "TRUE")
    assert env_bool("X_FLAG", default=False) is True
    monkeypatch.setenv("X_FLAG", "")
    assert env_bool("X_FLAG", default=True) is True


def test_other_readers(monkeypatch):
    monkeypatch.setenv("X_LIST", " a.example, b.example ,,")
    assert env_list("X_LIST") == ["a.example", "b.example"]
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("X_INT", 1)
    monkeypatch.delenv("X_MISSING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_MISSING"):
        env_str("X_MISSING", required=True)


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(
        ImproperlyConfigured, match="The SECRET_KEY environment variable must be set in production."
    ):
        settings_with(DEBUG="false", ALLOWED_HOSTS="example.org")


def test_production_refuses_to_start_without_allowed_hosts():
    with pytest.raises(
        ImproperlyConfigured, match="The ALLOWED_HOSTS environment variable must be set in production."
    ):
        settings_with(DEBUG="false", SECRET_KEY="x" * 50)


def test_production_starts_with_both():
    settings = settings_with(DEBUG="false", SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org")
    assert settings["DEBUG"] is False and settings["ALLOWED_HOSTS"] == ["example.org"]


def test_production_hashes_passwords_with_full_cost_pbkdf2():
    """The tests use a fast hasher (tests/conftest.py); the site itself must not."""
    code = "from django.contrib.auth.hashers import make_password; print(make_password('a-long-password'))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lscb.settings"},
    )
    algorithm, iterations, *_ = result.stdout.strip().splitlines()[-1].split("$")
    assert algorithm == "pbkdf2_sha256"
    assert int(iterations) >= 1_000_000
