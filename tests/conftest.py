import pytest

from tests.factories import OfficerFactory, PractitionerFactory


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
