import gc
import importlib

import pytest
from pytest_django.plugin import blocking_manager_key

from tests.factories import ManagerFactory, OfficerFactory, PractitionerFactory, SuperuserFactory
from tests.pdf_layouts import remember_layouts

# Hashing every factory user's password at full cost took most of the suite's time. Only the
# tests use this hasher; test_project.py proves production still uses Django's PBKDF2.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_configure(config):
    from django.conf import settings

    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
    # Each test that searches through the index makes its own (tests/reviews/test_search_index.py).
    settings.SEARCH_INDEX_DIR = ""
    # The live server answers in threads that end without closing a kept-open connection, and
    # PostgreSQL will not drop a test database while one is open.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The suite makes millions of short-lived objects: collecting garbage less often, and never
    # looking again at what was imported and collected, took 8% off its processor time.
    gc.set_threshold(50_000, 20, 20)
    try:
        import weasyprint
    except (ImportError, OSError):  # no Pango: the PDF tests say so themselves
        pass
    else:
        remember_layouts(weasyprint)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Seed again what the data migrations seeded, after a test that emptied the database.

    A live-server test runs outside a transaction and empties the database when it ends,
    taking the roles and the controlled lists with it. Putting them back here lets such tests
    run in any order and in any worker, beside the others.
    """
    result = yield
    if nextitem is None:
        # The last test of this process: the test database is gone already, and no test follows.
        return result
    marker = item.get_closest_marker("django_db")
    emptied = marker is not None and marker.kwargs.get("transaction")
    if emptied or {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())):
        with item.config.stash[blocking_manager_key].unblock():
            seed_data_migrations()
    return result


def seed_data_migrations():
    """Seed what the data migrations seed: the controlled lists and the roles.

    The suite builds its databases from the models (``--no-migrations``: replaying every
    migration took each worker over ten seconds), so this is also how its databases get them.
    """
    from django.apps import apps

    from accounts.roles import roles_sync

    importlib.import_module("reviews.migrations.0002_seed_vocabulary").seed(apps, None)
    roles_sync(apps)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database, with the controlled lists and roles that the data migrations seed."""
    if request.config.getoption("nomigrations"):
        with django_db_blocker.unblock():
            seed_data_migrations()


def pytest_collection_finish(session):
    gc.freeze()  # everything imported and collected stays for the whole run


def pytest_collection_modifyitems(config, items):
    if not config.getoption("nomigrations"):
        return
    skip = pytest.mark.skip(reason="needs the migrations: pytest --migrations -m migrations (run by .ci/run)")
    for item in items:
        if "migrations" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: the versions cached values are kept under start
    again from the same numbers in each test's rolled-back database."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files and kept PDFs go to a temporary folder, never the project's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def practitioner(db):
    return PractitionerFactory()


@pytest.fixture
def officer(db):
    return OfficerFactory()


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def practitioner_client(client, practitioner):
    client.force_login(practitioner)
    return client


@pytest.fixture
def manager(db):
    return ManagerFactory()


@pytest.fixture
def superuser(db):
    return SuperuserFactory()
