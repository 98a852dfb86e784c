import pytest

from tests.actions.factories import ActionFactory, ActionOwnerFactory
from tests.factories import OwnerGroupFactory


@pytest.fixture
def police(db):
    return OwnerGroupFactory(name="Police")


@pytest.fixture
def health(db):
    return OwnerGroupFactory(name="Health")


@pytest.fixture
def owner(police):
    return ActionOwnerFactory(owner_group=police, first_name="Olu", email="lead@police.example")


@pytest.fixture
def other_owner(health):
    return ActionOwnerFactory(owner_group=health, email="lead@health.example")


@pytest.fixture
def action(police, owner):
    return ActionFactory(owner_group=police, lead=owner)
