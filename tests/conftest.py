import pytest

from tests.factories import ManagerFactory, OfficerFactory, PractitionerFactory, SuperuserFactory


def pytest_collection_modifyitems(items):
    """Run browser tests last: their live server empties the database afterwards, which would
    remove the themes and roles that data migrations seeded for the tests that follow."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


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
