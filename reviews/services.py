"""Writes of review data. Each runs in a transaction and validates before it saves."""

import datetime

from django.db import transaction

from reviews.caching import library_changes_together
from reviews.models import (
    BoardProfile,
    Child,
    KeyIssue,
    Lesson,
    OwnerGroup,
    PositiveFactor,
    PracticeArea,
    Recommendation,
    Review,
    Service,
    Theme,
)


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


REVIEW_FIELDS = [
    "title", "slug", "kind", "method", "state", "visibility", "not_for_publication_reason",
    "summary", "why_it_matters", "report_url",
]  # fmt: skip
DATE_FIELDS = ["commissioned_on", "completed_on", "published_on", "period_start", "period_end"]


@transaction.atomic
def review_import(*, data: dict) -> tuple[Review, bool]:
    """Create one review, with its children and findings, from a plain dictionary.

    An existing review with the same reference is left exactly as it is (an officer
    may have edited it), so importing the same data twice changes nothing.
    Names of themes, services and owner groups must exist in the controlled lists.
    """
    with library_changes_together():  # counted once, with every finding in
        return _review_import(data)


def _review_import(data: dict) -> tuple[Review, bool]:
    existing = Review.objects.filter(reference=data["reference"]).first()
    if existing:
        return existing, False

    themes = {t.name: t for t in Theme.objects.all()}
    services = {s.name: s for s in Service.objects.all()}
    owners = {o.name: o for o in OwnerGroup.objects.all()}

    review = Review(reference=data["reference"])
    for field in REVIEW_FIELDS:
        setattr(review, field, data.get(field) or "")
    for field in DATE_FIELDS:
        setattr(review, field, _date(data.get(field)))
    review.full_clean()
    review.save()
    review.themes.set([themes[name] for name in data.get("themes", [])])
    review.services.set([services[name] for name in data.get("services", [])])

    children = {}
    for order, child_data in enumerate(data.get("children", [])):
        child = Child(review=review, order=order, **child_data)
        child.full_clean()
        child.save()
        children[child.pseudonym] = child

    def finding(model, order, item, **extra):
        obj = model(
            review=review, order=order, text=item["text"], child=children.get(item.get("child")), **extra
        )
        obj.full_clean()
        obj.save()
        return obj

    for order, item in enumerate(data.get("key_issues", [])):
        finding(KeyIssue, order, item)
    # Files name practice areas by their words: each distinct name (ignoring case) becomes one
    # of the review's areas, in order of first mention.
    areas = {}

    def area(item):
        name = (item.get("practice_area") or "").strip()
        if name and name.casefold() not in areas:
            areas[name.casefold()] = practice_area_add(review=review, name=name)
        return areas.get(name.casefold())

    for order, item in enumerate(data.get("positive_factors", [])):
        finding(PositiveFactor, order, item, practice_area=area(item))
    for order, item in enumerate(data.get("lessons", [])):
        lesson = finding(Lesson, order, item, practice_area=area(item))
        lesson.themes.set([themes[name] for name in item.get("themes", [])])
        lesson.services.set([services[name] for name in item.get("services", [])])
    for order, item in enumerate(data.get("recommendations", [])):
        finding(
            Recommendation,
            order,
            item,
            owner_group=owners[item["owner"]],
            target_date=_date(item.get("target_date")),
            status=item.get("status") or Recommendation.Status.NOT_STARTED,
            outcome=item.get("outcome", ""),
        )
    return review, True


def practice_area_add(*, review: Review, name: str) -> PracticeArea:
    """Add a practice area after the review's last one."""
    last = review.practice_areas.order_by("-order").values_list("order", flat=True).first()
    area = PracticeArea(review=review, name=name.strip(), order=(last or 0) + 10)
    area.full_clean()
    area.save()
    return area


@transaction.atomic
def board_profile_ensure(*, data: dict) -> BoardProfile:
    """Create the board profile from ``data`` unless an officer has already filled it in."""
    profile = BoardProfile.objects.first()
    if profile:
        return profile
    profile = BoardProfile(**data)
    profile.full_clean()
    profile.save()
    return profile
