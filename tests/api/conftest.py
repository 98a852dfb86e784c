import datetime

import pytest
from django.core.cache import cache
from django.db import models
from django.utils import timezone

from briefings.models import Newsletter, NewsletterReview
from reviews.models import Child, KeyIssue, Lesson, PositiveFactor, PracticeArea, Recommendation, Review
from reviews.search import finding_search_vectors_update
from tests.factories import (
    ChildFactory,
    KeyIssueFactory,
    LessonFactory,
    OwnerGroupFactory,
    PositiveFactorFactory,
    PracticeAreaFactory,
    RecommendationFactory,
    ReviewFactory,
    ServiceFactory,
    ThemeFactory,
)


@pytest.fixture(autouse=True)
def empty_cache():
    """Counts, throttles and validators are kept in the cache: each test starts without them."""
    cache.clear()


def _bulk(model, rows):
    """Insert without marking the library changed each time: done once at the end, by ``update``."""
    return models.QuerySet(model).bulk_create(rows)


def reviews_with_everything(specs, *, theme, service, group):
    """Reviews, each with a child and one finding of each kind, every text carrying its marker.

    ``specs`` maps a marker to the review's fields. Written in bulk, a few statements for any
    number of reviews: saving one row at a time runs every receiver of the library each time.
    """
    reviews = _bulk(
        Review,
        [
            ReviewFactory.build(title=f"{marker} review", slug=f"{marker}-review", **fields)
            for marker, fields in specs.items()
        ],
    )
    by_marker = dict(zip(specs, reviews, strict=True))
    children = _bulk(
        Child, [ChildFactory.build(review=r, pseudonym=f"Child {m}") for m, r in by_marker.items()]
    )
    areas = _bulk(
        PracticeArea, [PracticeAreaFactory.build(review=r, name=f"Area {m}") for m, r in by_marker.items()]
    )
    _bulk(
        KeyIssue,
        [
            KeyIssueFactory.build(review=r, child=child, text=f"Key issue {m}.")
            for (m, r), child in zip(by_marker.items(), children, strict=True)
        ],
    )
    _bulk(
        PositiveFactor,
        [
            PositiveFactorFactory.build(review=r, practice_area=area, text=f"Good practice {m}.")
            for (m, r), area in zip(by_marker.items(), areas, strict=True)
        ],
    )
    lessons = _bulk(
        Lesson,
        [LessonFactory.build(review=r, text=f"There is a need for {m}.") for m, r in by_marker.items()],
    )
    _bulk(
        Recommendation,
        [
            RecommendationFactory.build(review=r, owner_group=group, text=f"Recommendation {m}.")
            for m, r in by_marker.items()
        ],
    )
    Review.themes.through.objects.bulk_create([Review.themes.through(review=r, theme=theme) for r in reviews])
    Lesson.themes.through.objects.bulk_create([Lesson.themes.through(lesson=x, theme=theme) for x in lessons])
    Lesson.services.through.objects.bulk_create(
        [Lesson.services.through(lesson=x, service=service) for x in lessons]
    )
    # One write that marks the library changed for them all, as any bulk write must.
    Review.objects.filter(pk__in=[r.pk for r in reviews]).update(updated_at=timezone.now())
    finding_search_vectors_update(review_ids=[r.pk for r in reviews])  # rows written around the signals
    return by_marker


def newsletter_of(*reviews, slug="spring", state=Newsletter.State.PUBLISHED, **kwargs):
    newsletter = Newsletter.objects.create(
        title=f"Learning {slug}",
        slug=slug,
        issue_date=datetime.date(2024, 10, 1),
        state=state,
        published_at=timezone.now() if state == Newsletter.State.PUBLISHED else None,
        **kwargs,
    )
    for order, review in enumerate(reviews):
        NewsletterReview.objects.create(newsletter=newsletter, review=review, order=order)
    return newsletter


@pytest.fixture
def lists(db):
    return {
        "theme": ThemeFactory(name="Neglect in the API", slug="api-neglect"),
        "service": ServiceFactory(name="Health visiting in the API", slug="api-health-visiting"),
        "group": OwnerGroupFactory(name="Police in the API"),
    }


@pytest.fixture
def shown(lists):
    """The one published public review: everything else in these tests must stay out of the API."""
    return reviews_with_everything({"shown": {}}, **lists)["shown"]


HIDDEN = [
    (state, visibility)
    for state in Review.State
    for visibility in Review.Visibility
    if (state, visibility) != (Review.State.PUBLISHED, Review.Visibility.PUBLIC)
]


def hidden_marker(state, visibility):
    return f"zebra-{state}-{visibility}".replace("_", "-")
