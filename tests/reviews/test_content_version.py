"""The content version that cached pages are kept under: one cheap read, raised by every change."""

import pytest
from django.db import transaction

from reviews.caching import content_version
from reviews.models import Review
from tests.factories import (
    ChildFactory,
    LessonFactory,
    OwnerGroupFactory,
    RecommendationFactory,
    ReviewFactory,
    ServiceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_reading_it_is_one_query_whatever_the_number_of_reviews(django_assert_num_queries):
    ReviewFactory.create_batch(3)
    with django_assert_num_queries(1):
        content_version()


@pytest.fixture
def review():
    return ReviewFactory()


CHANGES = {
    "review saved": lambda r: r.save(),
    "review deleted": lambda r: Review.objects.get(pk=r.pk).delete(),
    "review added": lambda r: ReviewFactory(),
    "lesson added": lambda r: LessonFactory(review=r),
    "lesson edited": lambda r: LessonFactory(review=r).save(),
    "child added": lambda r: ChildFactory(review=r),
    "recommendation deleted": lambda r: RecommendationFactory(review=r).delete(),
    "theme tagged": lambda r: r.themes.add(ThemeFactory(slug="tagged")),
    "service tagged on a lesson": lambda r: LessonFactory(review=r).services.add(ServiceFactory(slug="s")),
}


def test_renaming_a_theme_or_owner_group_a_review_prints_raises_it(review):
    theme = ThemeFactory(slug="renamed")
    review.themes.add(theme)
    group = RecommendationFactory(review=review, owner_group=OwnerGroupFactory(name="Old name")).owner_group
    for entry in (theme, group):
        before = content_version()
        entry.name = "A new name"
        entry.save()
        assert content_version() != before


@pytest.mark.parametrize("factory", [ThemeFactory, ServiceFactory, OwnerGroupFactory])
def test_a_new_theme_service_or_owner_group_raises_it(factory):
    before = content_version()
    factory(name="Online harm")
    assert content_version() != before


@pytest.mark.parametrize("factory", [ThemeFactory, ServiceFactory])
def test_a_new_theme_or_service_is_offered_at_once_on_the_kept_search_page(client, factory):
    assert "Online harm" not in client.get("/lessons/").text  # the page is now kept whole
    factory(name="Online harm", slug="online-harm")
    assert '<option value="online-harm">Online harm' in client.get("/lessons/").text


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_kind_of_change_raises_it(review, change):
    before = content_version()
    change(review)
    assert content_version() != before


def test_a_change_rolled_back_leaves_it_as_it_was(review):
    before = content_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        review.save()
        raise RuntimeError
    assert content_version() == before
