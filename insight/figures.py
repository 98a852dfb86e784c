"""The board's figures over the reviews a reader may see: a few aggregate queries, no rows.

Every count starts from ``Review.objects.visible_to(user)`` (or, for a printed report,
``Review.objects.public()``), so the figures never include a review the reader could not
open: a draft, a withdrawn review or one the board decided not to publish counts only for
board staff. The result is plain data, kept in the cache per audience and content version
(``insight_figures``) and drawn as charts by ``insight.charts``.

A review's year is the year it was published; a review not yet published (which only staff
see) counts in the year it was completed, else commissioned.
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear

from reviews.caching import cache_key, cached, library_counts
from reviews.models import Child, Review, ReviewTally, Service
from reviews.models.counts import SERVICE

AGE_BANDS = [
    # (band, age in whole years from, to): a child entered with an age and no band is counted in its band.
    (Child.AgeBand.UNBORN, None, None),
    (Child.AgeBand.UNDER_1, 0, 0),
    (Child.AgeBand.AGE_1_4, 1, 4),
    (Child.AgeBand.AGE_5_9, 5, 9),
    (Child.AgeBand.AGE_10_15, 10, 15),
    (Child.AgeBand.AGE_16_17, 16, 17),
    (Child.AgeBand.OVER_17, 18, None),
]
# The flags a review records about each child, as the national reports count them.
KNOWN_TO_SERVICES = [
    ("known_to_social_care", "Known to children's social care"),
    ("child_in_need", "Child in need plan"),
    ("child_protection_plan", "Child protection plan"),
    ("looked_after", "Looked after"),
]
NOT_RECORDED = "Not recorded"


def year_of(prefix: str = ""):
    """A review's year (through ``prefix``): published, else completed, else commissioned."""
    return Coalesce(
        ExtractYear(f"{prefix}published_on"),
        ExtractYear(f"{prefix}completed_on"),
        ExtractYear(f"{prefix}commissioned_on"),
        output_field=IntegerField(),
    )


@dataclass
class Figures:
    """Counts only: what the charts, their tables and their CSV files show."""

    reviews: dict = field(default_factory=dict)  # (year or None, kind) -> reviews
    children: dict = field(default_factory=dict)  # "age:<band>", "sex:<sex>", "outcome:<o>", flag -> children
    children_total: int = 0
    themes: dict = field(default_factory=dict)  # (theme name, year) -> reviews in which it came up
    services: dict = field(default_factory=dict)  # service name -> lessons, every service listed


def _age_condition(band, low, high) -> Q:
    condition = Q(age_band=band)
    if low is not None:
        by_age = Q(age_band="", age_years__gte=low)
        if high is not None:
            by_age &= Q(age_years__lte=high)
        condition |= by_age
    return condition


def _children_counts(children) -> dict:
    """Every count about children in one aggregate query."""
    counts = {}
    for band, low, high in AGE_BANDS:
        counts[f"age:{band}"] = Count("id", filter=_age_condition(band, low, high))
    counts["age:"] = Count("id", filter=Q(age_band="", age_years__isnull=True))
    for sex in [*Child.Sex.values, ""]:
        counts[f"sex:{sex}"] = Count("id", filter=Q(sex=sex))
    for outcome in Child.Outcome.values:
        counts[f"outcome:{outcome}"] = Count("id", filter=Q(outcome=outcome))
    for flag, _ in KNOWN_TO_SERVICES:
        counts[flag] = Count("id", filter=Q(**{flag: True}))
    counts["total"] = Count("id")
    return children.aggregate(**counts)


def _theme_years(review_ids) -> dict:
    """In how many reviews of each year each theme came up: the themes the board gave each review.

    A review's themes are its main themes, as an annual bulletin names them. Its lessons carry
    themes too, but counting reviews through 200,000 tagged lessons cost ten times as much
    (see the bench) for much the same picture.
    """
    rows = (
        Review.themes.through.objects.filter(review_id__in=review_ids)
        .values("theme__name", year=year_of("review__"))
        .annotate(n=Count("review_id"))
        .order_by()
    )
    return {(row["theme__name"], row["year"]): row["n"] for row in rows}


def _service_lessons(review_ids, counted: dict | None = None) -> dict:
    """Lessons for each service, every service listed (a service with none shows 0).

    From the counts kept on every write (reviews/models/counts.py), never by counting lessons:
    ``counted`` is the audience's sums for every year ({service id as text: lessons}); without
    it, each review's own count is added up.
    """
    if counted is None:
        counted = dict(
            ReviewTally.objects.filter(facet=SERVICE, review_id__in=review_ids)
            .values_list("value")
            .annotate(n=Sum("n"))
            .order_by()
        )
    return {name: counted.get(str(pk), 0) for pk, name in Service.objects.values_list("id", "name")}


def figures_compute(reviews, *, service_lessons: dict | None = None) -> Figures:
    """The figures over ``reviews``: a queryset already narrowed by the visibility rule.

    ``service_lessons``: the lessons per service of exactly these reviews, when already known.
    """
    reviews = reviews.order_by()
    review_ids = reviews.values("id")
    by_year_kind = reviews.annotate(year=year_of()).values("year", "kind").annotate(n=Count("id"))
    children = _children_counts(Child.objects.filter(review_id__in=review_ids))
    return Figures(
        reviews={(row["year"], row["kind"]): row["n"] for row in by_year_kind},
        children={key: n for key, n in children.items() if key != "total"},
        children_total=children["total"],
        themes=_theme_years(review_ids),
        services=_service_lessons(review_ids, service_lessons),
    )


def reviews_in_years(reviews, year_from: int | None, year_to: int | None):
    """``reviews`` of the years from ``year_from`` to ``year_to`` (either may be open)."""
    if year_from is None and year_to is None:
        return reviews
    reviews = reviews.annotate(insight_year=year_of())
    if year_from is not None:
        reviews = reviews.filter(insight_year__gte=year_from)
    if year_to is not None:
        reviews = reviews.filter(insight_year__lte=year_to)
    return reviews


def insight_figures(user, *, year_from=None, year_to=None, version: str | None = None) -> Figures:
    """The figures ``user`` may see for the years chosen, from the cache for their audience."""
    params = {"from": year_from, "to": year_to}

    def compute():
        reviews = reviews_in_years(Review.objects.visible_to(user), year_from, year_to)
        every_year = year_from is None and year_to is None
        # Every year: the audience's sums, a few rows, rather than each review's.
        counted = library_counts(user).get(SERVICE, {}) if every_year else None
        return figures_compute(reviews, service_lessons=counted)

    return cached(user, "insight", params, compute, key=cache_key(user, "insight", params, version=version))
