"""A page of search results: each review with the best of its matches, as the results show them.

A common word matches a review dozens of times: each review's matches are ranked in the
database and only the ``FINDINGS_PER_REVIEW`` shown are read, with their excerpts and tags, in
one query over every kind of finding (``summing.best_findings``).
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import F, FloatField, Value
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from reviews import search, summing
from reviews.models import Lesson, Review

if TYPE_CHECKING:  # the library imports this module
    from reviews.library import FindingKind

FINDINGS_PER_REVIEW = 5  # the best matches of a review; the rest are on its page
RESULTS_PER_PAGE = 10  # reviews on a page of search results


def reviews_with_matches(user, ids, findings, q) -> list:
    """The reviews ``ids`` that ``user`` may see, in that order, each with its best matches.

    ``findings`` are (kind of finding, the findings of that kind that match) for every kind.
    Each review gets ``shown_findings`` (``Match``es), ``more_findings`` (the number of the rest)
    and ``context_excerpts`` (where its background holds the words ``q``).
    """
    reviews = (
        Review.objects.visible_to(user)
        .filter(id__in=ids)
        .only("id", "slug", "title", "kind", "published_on", "why_it_matters", "summary")
    )
    if q:
        reviews = search.with_excerpts(reviews, q, why_marked="why_it_matters", summary_marked="summary")
    by_id = {review.id: review for review in reviews}
    shown, matches = {review_id: [] for review_id in ids}, {}
    for match, review_matches in best_matches(findings, ids, q):
        shown[match.review_id].append(match)
        matches[match.review_id] = review_matches
    page = []
    for review_id in ids:
        review = by_id.get(review_id)
        if review is None:  # hidden since the summary was cached
            continue
        review.shown_findings = shown[review_id]
        review.more_findings = matches.get(review_id, 0) - len(review.shown_findings)
        for match in review.shown_findings:
            match.excerpt = search.excerpt_html(match.excerpt_marked, match.text, q) if q else None
        review.context_excerpts = _context_excerpts(review, q)
        page.append(review)
    return page


def best_matches(findings, ids, q) -> list:
    """(Match, the review's number of matches) of the FINDINGS_PER_REVIEW best matches of each
    review: the best first, then by kind and in the order the officer gave them.
    """
    best = F("search_rank") if q else Value(0.0, output_field=FloatField())  # no words: by kind and order
    parts, kinds = [], []
    for kind, matching in findings:
        matching = matching.filter(review_id__in=ids).order_by()
        if matching.query.is_empty():
            continue
        parts.append(
            matching.annotate(
                best=best, kind_index=Value(len(kinds)), pseudonym=F("child__pseudonym")
            ).values_list("review_id", "best", "kind_index", "order", "id", "text", "pseudonym")
        )
        kinds.append(kind)
    if not parts:
        return []
    excerpt = search.headline_sql("ranked.text", q) if q and search.search_is_ranked() else None
    rows = summing.best_findings(parts[0].union(*parts[1:], all=True), FINDINGS_PER_REVIEW, excerpt)
    found = [
        (Match(kinds[kind_index], pk, review_id, text, child or "", marked), matches)
        for review_id, kind_index, pk, text, child, matches, marked in rows
    ]
    with_tags([match for match, _ in found if match.kind.model is Lesson])
    return found


@dataclass
class Match:
    """A finding as the search results show it."""

    kind: "FindingKind"
    pk: int
    review_id: int
    text: str
    child: str  # the pseudonym of the child it is about, if any
    excerpt_marked: str | None  # PostgreSQL's excerpt, the words found between markers
    excerpt: str | None = None
    theme_tags: list = field(default_factory=list)
    service_tags: list = field(default_factory=list)


@dataclass(frozen=True)
class Tag:
    """A theme or service of a lesson, as the results show it."""

    name: str
    url: str = ""  # a theme's page; services have none


def with_tags(lessons):
    """Set each lesson's ``theme_tags`` and ``service_tags`` (``Tag``s, by name), read in one query.

    A prefetch of ``themes`` and ``services`` builds a queryset per lesson and tag, which cost
    more than the rest of a page of results.
    """
    if not lessons:
        return
    ids = [lesson.pk for lesson in lessons]
    parts = [
        getattr(Lesson, f"{kind}s")
        .through.objects.filter(lesson_id__in=ids)
        .values_list("lesson_id", f"{kind}__name", f"{kind}__slug")
        .annotate(tags=Value(kind))
        .order_by()
        for kind in ("theme", "service")
    ]
    each = {}  # one Tag per theme or service, shared by the lessons
    tags = {}
    for lesson_id, name, slug, kind in parts[0].union(parts[1], all=True):
        if (kind, slug) not in each:
            url = reverse("reviews:theme_detail", kwargs={"slug": slug}) if kind == "theme" else ""
            each[kind, slug] = Tag(name, url)
        tags.setdefault((lesson_id, kind), []).append(each[kind, slug])
    for lesson in lessons:
        lesson.theme_tags = sorted(tags.get((lesson.pk, "theme"), ()), key=lambda tag: tag.name)
        lesson.service_tags = sorted(tags.get((lesson.pk, "service"), ()), key=lambda tag: tag.name)


def _context_excerpts(review, q) -> list:
    """The review's why it matters and background, where the search words are found in them."""
    if not q:
        return []
    excerpts = []
    for label, marked, text in [
        ("Why it matters", getattr(review, "why_marked", None), review.why_it_matters),
        ("Background", getattr(review, "summary_marked", None), review.summary),
    ]:
        html = search.excerpt_html(marked, text, q) if text else ""
        if search.has_marks(html):
            excerpts.append({"label": label, "html": html})
    return excerpts


class Results:
    """What Django's paginator needs, a count and slices, from a cached search (findings or reviews)."""

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
