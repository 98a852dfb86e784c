import pytest
from django.core.cache import cache

from reviews.models import Review, Service, Theme

# Every way a review can be kept from an anonymous reader.
HIDDEN_STATES = {
    "draft": {"state": Review.State.DRAFT, "published_on": None},
    "awaiting approval": {"state": Review.State.AWAITING_APPROVAL, "published_on": None},
    "withdrawn": {"state": Review.State.WITHDRAWN},
    "not for publication": {"state": Review.State.NOT_FOR_PUBLICATION},
    "partner-only": {"visibility": Review.Visibility.PARTNERS},
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def neglect(db):
    return Theme.objects.get(slug="neglect")


@pytest.fixture
def police(db):
    return Service.objects.get(slug="police")
