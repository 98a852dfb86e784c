"""The learning library: every visible finding, narrowed by facets and search words.

A search looks at every kind of finding (key issues, good practice, lessons and
recommendations, see ``KINDS``) and shows the matches grouped by review, the best review
first. Only lessons carry themes and services, so a theme or service filter shows lessons
only; a finding is "on a theme" when it is tagged with it (``on_theme``), the one definition
that the theme facet, the theme pages and the counts on the home page share.

Counting results per facet value means aggregating over every matching finding, which
at the scale of a national library (100,000 lessons) costs far more than showing a
page. So without search words the counts come from those kept up to date by every write
(reviews/models/counts.py): the whole library's, per theme, service and theme-and-service,
and each review's. Only searches (and the rarer filters by kind of review or year) count
findings. Whatever was counted, the totals and the first pages of review ids are kept in
Django's cache (reviews/caching.py says under which key, and for how long), and so is the
pages' HTML (the results, the filter form): a reader after the first pays only for the key.
Findings are fetched for a page through ``visible_to`` whenever the HTML is not cached.
"""

from dataclasses import asdict, dataclass

from django.db.models import Count, Exists, F, Max, OuterRef, Value
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property

from reviews import results, search, search_engine, summing
from reviews.caching import cache_key, cached, library_counts
from reviews.models import (
    KeyIssue,
    Lesson,
    PositiveFactor,
    Recommendation,
    Review,
    ReviewTally,
)
from reviews.models.counts import FINDING, KIND, PAIR, REVIEWS, SERVICE, THEME, YEAR
from reviews.querysets import audience, visibility_q
from reviews.results import RESULTS_PER_PAGE

# Published reviews newest first, then those never published (only staff see them); served by
# an index of the same order on PostgreSQL (reviews/migrations/0015).
NEWEST_FIRST = (F("published_on").desc(nulls_last=True), F("id").desc())
CACHED_REVIEWS = 100  # ten pages of ten; deeper pages are computed on demand
# What reviews/summing.py needs of a match's review, from a finding's or a kept count's row.
_REVIEW_COLUMNS = {
    "review_kind": F("review__kind"),
    "year": ExtractYear("review__published_on"),
    "published": F("review__published_on"),
}


@dataclass(frozen=True)
class FindingKind:
    key: str  # in the query string: ?kind_of_finding=
    model: type
    label: str  # plural, as a choice and a heading
    one: str  # one of them, as a label beside a result
    anchor: str  # the section of the review page that lists them


KINDS = (
    FindingKind("key_issue", KeyIssue, "Key issues", "Key issue", "key-issues"),
    FindingKind("good_practice", PositiveFactor, "Good practice", "Good practice", "good-practice"),
    FindingKind("lesson", Lesson, "Lessons", "Lesson", "lessons"),
    FindingKind("recommendation", Recommendation, "Recommendations", "Recommendation", "recommendations"),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


def on_theme(lessons, theme_id):
    """The lessons tagged with the theme: what "on a theme" means everywhere in the library."""
    return lessons.filter(themes=theme_id)


@dataclass(frozen=True)
class SearchFilters:
    q: str = ""
    kind_of_finding: str = ""  # a key of KINDS_BY_KEY
    theme: int | None = None  # Theme id
    service: int | None = None  # Service id
    kind: str = ""  # of review
    year: int | None = None


@dataclass
class SearchSummary:
    total: int  # findings
    reviews: int  # reviews with at least one of them
    facets: dict  # facet name -> {value: number of findings}
    first: list  # the ids of the first CACHED_REVIEWS reviews, in order


class FindingSearch:
    """The findings ``user`` may see that match ``filters``, by review, with counts per facet value."""

    def __init__(self, user, filters: SearchFilters):
        self.user = user
        self.filters = filters
        self._summary = None
        self._first_page = None

    @cached_property
    def cache_key(self) -> str:
        """Names this search for this audience at the current content version."""
        return cache_key(self.user, "findings", asdict(self.filters))

    def findings(self, kind: FindingKind, *, without=()):
        """The visible findings of ``kind`` that match the filters, except those named in ``without``."""
        f = self.filters
        findings = kind.model.objects.visible_to(self.user)
        tagged = (f.theme and "theme" not in without) or (f.service and "service" not in without)
        if tagged and kind.model is not Lesson:
            return findings.none()  # only lessons carry themes and services
        if f.kind_of_finding and "kind_of_finding" not in without and f.kind_of_finding != kind.key:
            return findings.none()
        if f.q:
            findings = search.findings_matching(findings, f.q)
        if f.theme and "theme" not in without:
            findings = on_theme(findings, f.theme)
        if f.service and "service" not in without:
            findings = findings.filter(services=f.service)
        if f.kind and "kind" not in without:
            findings = findings.filter(review__kind=f.kind)
        if f.year and "year" not in without:
            findings = findings.filter(review__published_on__year=f.year)
        return findings

    def count(self) -> int:
        """The number of reviews shown (the results are paged by review)."""
        return self.summary().reviews

    def summary(self) -> SearchSummary:
        if self._summary is None:
            self._summary = cached(self.user, "findings", {}, self._compute_summary, key=self.cache_key)
        return self._summary

    @cached_property
    def _kept(self) -> dict:
        return library_counts(self.user)

    def _counts_kept(self) -> bool:
        """Whether the kept counts answer: no search words, and no kind of review or year chosen."""
        f = self.filters
        return not (f.q or f.kind or f.year)

    def _tag_counts_kept(self, facet) -> dict:
        f = self.filters
        if f.kind_of_finding and f.kind_of_finding != "lesson":
            return {}
        other = f.service if facet == THEME else f.theme
        if other is None:
            return {int(value): n for value, n in self._kept[facet].items()}
        found = {}
        for value, n in self._kept[PAIR].items():
            theme, service = (int(part) for part in value.split(":"))
            if facet == THEME and service == other:
                found[theme] = n
            elif facet == SERVICE and theme == other:
                found[service] = n
        return found

    def _tag_counts(self) -> tuple[dict, dict]:
        """Lessons per theme and per service, each facet without its own filter."""
        if self._counts_kept():
            return self._tag_counts_kept(THEME), self._tag_counts_kept(SERVICE)
        lessons = self.findings(KINDS_BY_KEY["lesson"], without=("theme", "service"))
        if lessons.query.is_empty():
            return {}, {}
        return summing.tags_counted(lessons, theme=self.filters.theme, service=self.filters.service)

    def _rows_kept(self):
        """``_rows`` from the kept counts of each review: its lessons on the filters, or findings."""
        f = self.filters
        rows = ReviewTally.objects.all()
        if f.theme and f.service:
            rows = rows.filter(facet=PAIR, value=f"{f.theme}:{f.service}")
        elif f.theme or f.service:
            rows = rows.filter(facet=THEME if f.theme else SERVICE, value=str(f.theme or f.service))
        else:
            rows = rows.filter(facet=FINDING)
        condition = visibility_q(self.user, prefix="review__")
        if condition is not None:
            rows = rows.filter(condition)
        tagged = bool(f.theme or f.service)
        return rows.order_by().values(
            "review_id",
            **_REVIEW_COLUMNS,
            matches=F("n"),
            best=Value(0.0),
            finding_kind=Value("lesson") if tagged else F("value"),
        )

    def _rows(self):
        """Per (kind of finding, review) with matches, whatever the kind, year and kind of finding."""
        if not self.filters.q:
            return self._rows_kept()
        parts = []
        for kind in KINDS:
            findings = self.findings(kind, without=("kind_of_finding", "kind", "year"))
            if findings.query.is_empty():
                continue
            parts.append(
                findings.order_by()
                .values("review_id", **_REVIEW_COLUMNS)
                .annotate(matches=Count("id"), best=Max("search_rank"), finding_kind=Value(kind.key))
            )
        if not parts:
            return None
        # One query for every kind: the rows of each are grouped by its own review.
        return parts[0].union(*parts[1:], all=True).order_by()

    def _summary_kept(self, keep) -> SearchSummary:
        """The whole library, unfiltered: the kept counts and the newest reviews with findings."""
        kept = self._kept
        facets = {
            "theme": {int(value): n for value, n in kept[THEME].items()},
            "service": {int(value): n for value, n in kept[SERVICE].items()},
            "kind": dict(kept[KIND]),
            "year": {int(value): n for value, n in kept[YEAR].items()},
            "kind_of_finding": dict(kept[FINDING]),
        }
        with_findings = ReviewTally.objects.filter(review=OuterRef("pk"), facet=REVIEWS)
        newest = (
            Review.objects.visible_to(self.user)
            .filter(Exists(with_findings))
            .order_by(*NEWEST_FIRST)
            .values_list("id", flat=True)[:keep]
        )
        return SearchSummary(
            total=sum(kept[FINDING].values()),
            reviews=sum(kept[REVIEWS].values()),
            facets=facets,
            first=list(newest),
        )

    def _compute_summary(self, *, keep=CACHED_REVIEWS) -> SearchSummary:
        f = self.filters
        if self._counts_kept() and not (f.theme or f.service or f.kind_of_finding):
            return self._summary_kept(keep)
        meanwhile = self._first_page_read if keep == CACHED_REVIEWS else None
        answered = search_engine.summed(audience(self.user), f, keep, meanwhile) if f.q else None
        if answered is not None:  # the search index, where it is up to date
            themes, services, groups = answered
        else:
            themes, services = self._tag_counts()
            rows = self._rows()
            groups = (
                summing.groups_summed(rows, summing.Chosen(f.kind, f.year, f.kind_of_finding), keep)
                if rows is not None
                else None
            )
        facets = {"theme": themes, "service": services, "kind": {}, "year": {}, "kind_of_finding": {}}
        if groups is None:
            return SearchSummary(total=0, reviews=0, facets=facets, first=[])
        total = 0
        # Each facet counts what choosing one of its values would show: the other filters hold.
        for kind, year, key, n in groups.cells:
            chosen_kind = not f.kind or kind == f.kind
            chosen_year = not f.year or year == f.year
            chosen_finding = not f.kind_of_finding or key == f.kind_of_finding
            if chosen_finding and chosen_year:
                facets["kind"][kind] = facets["kind"].get(kind, 0) + n
            if chosen_finding and chosen_kind and year is not None:
                facets["year"][year] = facets["year"].get(year, 0) + n
            if chosen_kind and chosen_year:
                facets["kind_of_finding"][key] = facets["kind_of_finding"].get(key, 0) + n
            if chosen_kind and chosen_year and chosen_finding:
                total += n
        return SearchSummary(total=total, reviews=groups.reviews, facets=facets, first=groups.first)

    def _first_page_read(self, first):
        """Read the first page while the search index counts: it is the page most asked for, and
        the database's work for it costs the search next to nothing while the index's threads
        count. A later page asked for first reads its own."""
        self._first_page = self._page_of(first[:RESULTS_PER_PAGE])

    def page(self, start: int, stop: int) -> list:
        """The reviews from position ``start`` to ``stop``, each with its best matching findings."""
        summary = self.summary() if stop <= CACHED_REVIEWS else self._compute_summary(keep=stop)
        if start == 0 and stop <= RESULTS_PER_PAGE and self._first_page is not None:
            return self._first_page[:stop]  # the paginator asks for fewer when there are fewer
        return self._page_of(summary.first[start:stop])

    def _page_of(self, ids) -> list:
        findings = [(kind, self.findings(kind)) for kind in KINDS]
        return results.reviews_with_matches(self.user, ids, findings, self.filters.q)
