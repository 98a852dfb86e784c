"""The lessons library: every visible lesson, narrowed by facets and search words.

Counting results per facet value means aggregating over every matching lesson, which
at the scale of a national library (100,000 lessons) costs far more than showing a
page. So the counts, the total and the first pages of lesson ids are kept in Django's
cache (reviews/caching.py says under which key, and for how long), and so is the pages'
HTML (the results, the filter form): a reader after the first pays only for the key.
Lessons are fetched for a page through ``Lesson.objects.visible_to`` whenever the HTML is
not cached.
"""

from dataclasses import asdict, dataclass

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.utils.functional import SimpleLazyObject, cached_property

from reviews import search
from reviews.caching import cache_key, cached
from reviews.models import Lesson, Review, Theme

CACHED_IDS = 200  # ten pages of twenty; deeper pages are computed on demand
FACETS = ("theme", "service", "kind", "year")


@dataclass(frozen=True)
class LessonFilters:
    q: str = ""
    theme: int | None = None  # Theme id
    service: int | None = None  # Service id
    kind: str = ""
    year: int | None = None


@dataclass
class LessonSummary:
    total: int
    facets: dict  # facet name -> {value: number of lessons}
    first_ids: list  # ids of the first CACHED_IDS lessons, in result order


class LessonSearch:
    """The lessons ``user`` may see that match ``filters``, with counts per facet value."""

    def __init__(self, user, filters: LessonFilters):
        self.user = user
        self.filters = filters
        self._summary = None

    @cached_property
    def cache_key(self) -> str:
        """Names this search for this audience at the current content version."""
        return cache_key(self.user, "lessons", asdict(self.filters))

    def lessons(self, *, without: str | None = None):
        lessons = Lesson.objects.visible_to(self.user)
        f = self.filters
        if f.q:
            lessons = search.lessons_matching(lessons, f.q)
        if f.theme and without != "theme":
            lessons = lessons.filter(themes=f.theme)
        if f.service and without != "service":
            lessons = lessons.filter(services=f.service)
        if f.kind and without not in ("kind", "kind_and_year"):
            lessons = lessons.filter(review__kind=f.kind)
        if f.year and without not in ("year", "kind_and_year"):
            lessons = lessons.filter(review__published_on__year=f.year)
        return lessons

    def ordered(self, lessons):
        newest = ("-review__published_on", "-review_id", "order", "id")
        return lessons.order_by("-search_rank", *newest) if self.filters.q else lessons.order_by(*newest)

    def count(self) -> int:
        return self.summary().total

    def summary(self) -> LessonSummary:
        if self._summary is None:
            self._summary = cached(self.user, "lessons", {}, self._compute_summary, key=self.cache_key)
        return self._summary

    def _compute_summary(self) -> LessonSummary:
        def counts(queryset, field):
            return {row[field]: row["n"] for row in queryset if row[field] is not None}

        def ids(without):
            return self.lessons(without=without).order_by().values("id")

        facets = {
            "theme": counts(
                Lesson.themes.through.objects.filter(lesson_id__in=ids("theme"))
                .values("theme_id")
                .annotate(n=Count("lesson_id")),
                "theme_id",
            ),
            "service": counts(
                Lesson.services.through.objects.filter(lesson_id__in=ids("service"))
                .values("service_id")
                .annotate(n=Count("lesson_id")),
                "service_id",
            ),
        }
        # Kind and year are both the review's: one count by (kind, year) without either filter
        # gives both facets, each keeping the other's choice.
        f = self.filters
        facets["kind"], facets["year"] = {}, {}
        by_kind_and_year = (
            self.lessons(without="kind_and_year")
            .order_by()
            .values("review__kind", y=ExtractYear("review__published_on"))
            .annotate(n=Count("id"))
        )
        for row in by_kind_and_year:
            kind, year, n = row["review__kind"], row["y"], row["n"]
            if not f.year or year == f.year:
                facets["kind"][kind] = facets["kind"].get(kind, 0) + n
            if year is not None and (not f.kind or kind == f.kind):
                facets["year"][year] = facets["year"].get(year, 0) + n
        # Every lesson has exactly one kind, so the kind counts add up to the total.
        kinds = facets["kind"]
        total = kinds.get(self.filters.kind, 0) if self.filters.kind else sum(kinds.values())
        first_ids = list(self.ordered(self.lessons()).values_list("id", flat=True)[:CACHED_IDS])
        return LessonSummary(total=total, facets=facets, first_ids=first_ids)

    def page(self, start: int, stop: int) -> list:
        """The lessons from position ``start`` to ``stop``, ready to show."""
        summary = self.summary()
        if stop <= CACHED_IDS:
            ids = summary.first_ids[start:stop]
        else:
            ids = list(self.ordered(self.lessons()).values_list("id", flat=True)[start:stop])
        lessons = (
            Lesson.objects.visible_to(self.user)
            .filter(id__in=ids)
            .select_related("review", "child")
            .prefetch_related("themes", "services")
            .defer("search_vector", "review__summary", "review__why_it_matters")
        )
        if self.filters.q:
            lessons = search.with_excerpts(lessons, self.filters.q)
        by_id = {lesson.id: lesson for lesson in lessons}
        page = [by_id[i] for i in ids if i in by_id]
        for lesson in page:
            lesson.excerpt = search.excerpt_html(lesson, self.filters.q) if self.filters.q else None
        return page


class ThemeReviews:
    """The reviews ``user`` may see about ``theme`` as a whole or with a lesson on it, newest first."""

    def __init__(self, user, theme):
        self.user = user
        self.theme = theme

    def reviews(self):
        on_theme = Q(pk__in=Review.themes.through.objects.filter(theme=self.theme).values("review_id")) | Q(
            pk__in=Lesson.objects.filter(themes=self.theme).values("review_id")
        )
        return Review.objects.visible_to(self.user).filter(on_theme).order_by("-published_on", "-id")

    @cached_property
    def _summary(self):
        def compute():
            ids = list(self.reviews().values_list("id", flat=True)[:CACHED_IDS])
            total = len(ids) if len(ids) < CACHED_IDS else self.reviews().count()
            return {"total": total, "first_ids": ids}

        return cached(self.user, "theme_reviews", {}, compute, key=self.cache_key)

    @cached_property
    def cache_key(self) -> str:
        return cache_key(self.user, "theme_reviews", {"theme": self.theme.pk})

    def count(self):
        return self._summary["total"]

    def page(self, start: int, stop: int) -> list:
        if stop <= CACHED_IDS:
            ids = self._summary["first_ids"][start:stop]
        else:
            ids = list(self.reviews().values_list("id", flat=True)[start:stop])
        reviews = (
            Review.objects.visible_to(self.user)
            .filter(id__in=ids)
            .prefetch_related(
                Prefetch(
                    "lessons", queryset=Lesson.objects.prefetch_related("themes").defer("search_vector")
                ),
                "positivefactors",
            )
            .defer("summary", "why_it_matters")
        )
        by_id = {review.id: review for review in reviews}
        page = [by_id[i] for i in ids if i in by_id]
        for review in page:
            themed = [lesson for lesson in review.lessons.all() if self.theme in lesson.themes.all()]
            # A review about the theme as a whole shows all its lessons.
            review.theme_lessons = themed or list(review.lessons.all())
            review.themed_as_a_whole = not themed
        return page


class Results:
    """What Django's paginator needs, a count and slices, from a cached search (lessons or reviews)."""

    def __init__(self, source):
        self.source = source

    def count(self):
        return self.source.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Results are read a page at a time.")
        # Fetched only when the page is shown: a page whose HTML is in the cache needs no query.
        return SimpleLazyObject(lambda: self.source.page(index.start or 0, index.stop))


def lesson_counts_by_theme(user) -> dict:
    """How many lessons ``user`` may see per theme id: the theme facet of an unfiltered search."""
    return LessonSearch(user, LessonFilters()).summary().facets["theme"]


def themes_with_lesson_counts(user) -> list:
    """Every theme, each with ``lesson_count``: the lessons ``user`` may see on it."""
    counts = lesson_counts_by_theme(user)
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.lesson_count = counts.get(theme.pk, 0)
    return themes
