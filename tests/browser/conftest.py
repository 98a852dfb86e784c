"""Browser tests: the real Chromium from the system's package, driven by Playwright, no download.

Every browser module shares one loaded demo (package scope): Chromium starts and the demo loads
once per worker that runs browser tests.

Locally they are skipped, with the reason, when /usr/bin/chromium is missing. In continuous
integration (CI=true) a missing browser is a failure: these tests must run there.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import modify_settings, override_settings
from pytest_django.live_server_helper import LiveServer

from tests.conftest import seed_data_migrations

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() or IN_CI:
        return
    skip = pytest.mark.skip(reason=f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"CI=true but Chromium is missing at {CHROMIUM}: the browser tests must run in CI.")
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an event loop running in this thread. The ORM calls the
    # tests make beside it are ordinary synchronous calls, so Django's guard against ORM use from
    # async code is lifted while the browser is open; the other tests of this worker make plain
    # synchronous calls too, so lifting it changes nothing for them.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="package")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture
def media_root(settings, demo_media):
    """Every browser test serves the files its demo kept (the published newsletter's PDF)."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture(scope="package")
def demo(browser, django_db_setup, django_db_blocker, demo_media):
    """The demo board and its reviews, served by a live server: loaded once per worker for all browser tests.

    The server answers in its own threads, which read committed data, so the demo is committed
    rather than loaded inside a test's transaction. Each test still runs in a transaction that
    is rolled back, so what a test changes directly is undone; what a test changes through the
    server (a form a browser posts) stays, so such a test uses rows no other test counts. When
    the last browser test ends the database is emptied and the roles and controlled lists seeded
    by the data migrations are put back, as after any test that commits (tests/conftest.py).
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        call_command("load_demo", pdfs=False, verbosity=0)  # each PDF made at its first download
    server = LiveServer("localhost")
    try:
        with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
            yield server.url
    finally:
        server.stop()
        with django_db_blocker.unblock():
            call_command("flush", verbosity=0, interactive=False)
            seed_data_migrations()
