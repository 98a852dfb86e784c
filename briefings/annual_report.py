"""The annual learning report: what the board learnt in a period, assembled from the data.

Modelled on a board's yearly bulletin: the reviews published in the period, the themes that
came up (and which keep coming back, year after year), the board's responses to the learning,
how many reviews the board decided not to publish and why in general terms, and the figures
about the children. Officers write only its introduction and closing message.

It is printed for everyone, so every read is the public one: ``Review.objects.public()`` for
the reviews and figures, the published board responses, and for the reviews not published
only a count and the board's public sentences (``Review.objects.public_notes()``), never a
title, a child or a finding.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Prefetch
from django.db.models.functions import Coalesce, TruncDate

from insight.charts import Chart, children_charts, reviews_chart, services_chart, themes_chart
from insight.figures import figures_compute
from reviews.caching import content_version
from reviews.models import Child, Review

# The theme table looks back over this many years up to the period's end: what keeps coming back.
THEME_YEARS = 5


@dataclass
class ThemeCount:
    name: str
    reviews: int


@dataclass
class AnnualReport:
    start: datetime.date
    end: datetime.date
    reviews: list  # published for everyone in the period, oldest first, with children and themes
    themes: list[ThemeCount]  # that came up in the period's reviews, most first
    charts: list[Chart]  # the period's figures: reviews by kind, children, lessons per service
    themes_chart: Chart  # theme × year over the last THEME_YEARS years up to the period's end
    responses: list = field(default_factory=list)  # actions.BoardResponse, published, in the period
    not_published: int = 0  # reviews the board decided not to publish, decided in the period
    public_notes: list = field(default_factory=list)  # {"kind", "year", "public_note"}

    @property
    def children(self) -> int:
        return sum(len(review.children.all()) for review in self.reviews)

    @property
    def children_charts(self) -> list[Chart]:
        return [chart for chart in self.charts if chart.slug.startswith("children-")]

    @property
    def reviews_chart(self) -> Chart:
        return next(chart for chart in self.charts if chart.slug == "reviews")

    @property
    def services_chart(self) -> Chart:
        return next(chart for chart in self.charts if chart.slug == "services")


# The report's sections, in order: (anchor, label) for "What's inside".
SECTIONS = [
    ("figures", "The period in figures"),
    ("reviews", "Reviews published"),
    ("themes", "Themes that came up"),
    ("responses", "What the board did in response"),
    ("not-published", "Reviews not published"),
    ("children", "The children"),
    ("services", "Lessons for each service"),
]


def _board_responses(start, end) -> list:
    # By name: the action plan's app builds on this one (it prints its board report with
    # briefings.pdf), so importing it here would make the two depend on each other.
    try:
        board_response = apps.get_model("actions", "BoardResponse")
    except LookupError:
        return []
    return list(
        board_response.objects.visible_to(None)
        .filter(responded_on__range=(start, end))
        .order_by("responded_on", "id")
    )


def _not_published(start, end) -> int:
    """How many reviews the board decided, in the period, not to publish: a number, nothing else."""
    return (
        Review.objects.filter(state=Review.State.NOT_FOR_PUBLICATION)
        .annotate(decided=Coalesce("completed_on", TruncDate("decided_at")))
        .filter(decided__range=(start, end))
        .count()
    )


def annual_report(start: datetime.date, end: datetime.date) -> AnnualReport:
    """Assemble the annual report for ``start`` to ``end`` (both included)."""
    in_period = Review.objects.public().filter(published_on__range=(start, end))
    reviews = list(
        in_period.order_by("published_on", "id").prefetch_related(
            Prefetch("children", queryset=Child.objects.order_by("order", "id")), "themes"
        )
    )
    themes = (
        Review.themes.through.objects.filter(review__in=in_period)
        .values("theme__name")
        .annotate(n=Count("review_id"))
        .order_by("-n", "theme__name")
    )
    looking_back = Review.objects.public().filter(
        published_on__year__gte=end.year - THEME_YEARS + 1, published_on__lte=end
    )
    kinds = dict(Review.Kind.choices)
    notes = [
        {**note, "kind": kinds.get(note["kind"], "")}
        for note in Review.objects.public_notes().filter(year__gte=start.year, year__lte=end.year)
    ]
    for review in reviews:
        # Printed on paper, where a relative address leads nowhere.
        review.site_url = settings.SITE_URL + review.get_absolute_url()
    figures = figures_compute(in_period)
    return AnnualReport(
        start=start,
        end=end,
        reviews=reviews,
        themes=[ThemeCount(row["theme__name"], row["n"]) for row in themes],
        charts=[reviews_chart(figures), *children_charts(figures), services_chart(figures)],
        themes_chart=themes_chart(
            figures_compute(looking_back), years=range(end.year - THEME_YEARS + 1, end.year + 1)
        ),
        responses=_board_responses(start, end),
        not_published=_not_published(start, end),
        public_notes=notes,
    )


def annual_report_fingerprint(newsletter) -> tuple:
    """What an annual report prints beyond the newsletter itself, for its kept PDF's fingerprint.

    The content version changes with any review, child, finding or list (reviews.caching);
    the board responses are read in full because they are not reviews.
    """
    responses = [
        (r.pk, r.kind, r.title, r.description, r.responded_on, r.places, r.impact)
        for r in _board_responses(newsletter.period_start, newsletter.period_end)
    ]
    return (content_version(), responses)
