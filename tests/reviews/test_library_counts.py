"""The library's kept counts: exact for every audience after every kind of change, never stale in the cache.

Each change below is made the way project code could make it (a save, a delete, a tag added
from either side, ``QuerySet.update``, ``bulk_create``, ``QuerySet.delete``); after it the
content version has moved (so no cached page outlives it) and the kept counts equal a count
made directly through the visibility rule, for anonymous readers, signed-in readers and staff.
"""

import datetime
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Sum

from reviews import search
from reviews.caching import FINDING_MODELS, content_version, library_counts
from reviews.library import KINDS, FindingSearch, SearchFilters
from reviews.models import FacetCount, KeyIssue, Lesson, Review, ReviewTally
from reviews.themes import ThemeReviews
from tests.factories import (
    KeyIssueFactory,
    LessonFactory,
    ManagerFactory,
    PractitionerFactory,
    ReviewFactory,
    ServiceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers():
    return {
        "anonymous": AnonymousUser(),
        "signed-in": PractitionerFactory(),
        "staff": ManagerFactory(),
    }


@pytest.fixture
def library():
    theme, other_theme = ThemeFactory(slug="t-one"), ThemeFactory(slug="t-two")
    service = ServiceFactory(slug="s-one")
    public = ReviewFactory()
    partners = ReviewFactory(visibility=Review.Visibility.PARTNERS)
    draft = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    for review in (public, partners, draft):
        LessonFactory(review=review, themes=[theme], services=[service])
        LessonFactory(review=review, themes=[theme, other_theme])
        KeyIssueFactory(review=review)
    draft.themes.add(other_theme)
    return {
        "public": public,
        "partners": partners,
        "draft": draft,
        "theme": theme,
        "other_theme": other_theme,
        "service": service,
    }


def counted_directly(user) -> dict:
    lessons = Lesson.objects.visible_to(user)
    reviews = Review.objects.visible_to(user)
    on_theme = Counter()
    for review in reviews.prefetch_related("themes", "lessons__themes"):
        themes = {t.pk for t in review.themes.all()} | {
            t.pk for lesson in review.lessons.all() for t in lesson.themes.all()
        }
        on_theme.update(str(pk) for pk in themes)
    tags = Lesson.themes.through.objects.filter(lesson__in=lessons)
    services = Lesson.services.through.objects.filter(lesson__in=lessons)
    return {
        "theme": dict(Counter(str(pk) for pk in tags.values_list("theme_id", flat=True))),
        "service": dict(Counter(str(pk) for pk in services.values_list("service_id", flat=True))),
        "finding": {
            key: n for key, model in FINDING_MODELS.items() if (n := model.objects.visible_to(user).count())
        },
        "on_theme": dict(on_theme),
    }


def counted_kept(user) -> dict:
    kept = library_counts(user)
    return {
        facet: {k: v for k, v in kept[facet].items() if v}
        for facet in ("theme", "service", "finding", "on_theme")
    }


def assert_exact(readers, after="nothing"):
    for name, user in readers.items():
        assert counted_kept(user) == counted_directly(user), f"{name}, after {after}"
    # The sums are the sums of each review's part, and no part belongs to a review that is gone.
    sums = {(r.state, r.visibility, r.facet, r.value): r.n for r in FacetCount.objects.all()}
    parts = ReviewTally.objects.values("state", "visibility", "facet", "value").annotate(n=Sum("n"))
    assert sums == {(p["state"], p["visibility"], p["facet"], p["value"]): p["n"] for p in parts}
    assert not ReviewTally.objects.exclude(review__in=Review.objects.all()).exists()


def _move_lesson(lib):
    lesson = lib["public"].lessons.first()
    Lesson.objects.filter(pk=lesson.pk).update(review=lib["draft"])


def _save(review, **fields):
    for name, value in fields.items():
        setattr(review, name, value)
    review.save()


# Applied one after the other to the same library (one library for all: the suite stays fast).
EDITS = {
    "draft published (save)": lambda lib: _save(
        lib["draft"], state=Review.State.PUBLISHED, published_on=datetime.date(2025, 1, 2)
    ),
    "draft again (update)": lambda lib: Review.objects.filter(pk=lib["draft"].pk).update(
        state=Review.State.DRAFT, published_on=None
    ),
    "public review withdrawn (save)": lambda lib: _save(lib["public"], state=Review.State.WITHDRAWN),
    "published again (update)": lambda lib: Review.objects.filter(pk=lib["public"].pk).update(
        state=Review.State.PUBLISHED
    ),
    "public review made partner-only (update)": lambda lib: Review.objects.filter(pk=lib["public"].pk).update(
        visibility=Review.Visibility.PARTNERS
    ),
    "public again (update)": lambda lib: Review.objects.filter(pk=lib["public"].pk).update(
        visibility=Review.Visibility.PUBLIC
    ),
    "lesson added (save)": lambda lib: LessonFactory(review=lib["public"], themes=[lib["other_theme"]]),
    "lesson edited (save)": lambda lib: lib["public"].lessons.first().save(),
    "lesson moved to a draft (update)": _move_lesson,
    "lessons added (bulk_create)": lambda lib: Lesson.objects.bulk_create(
        [Lesson(review=lib["public"], text="One more."), Lesson(review=lib["draft"], text="Two more.")]
    ),
    "key issue added (bulk_create)": lambda lib: KeyIssue.objects.bulk_create(
        [KeyIssue(review=lib["partners"], text="A key issue.")]
    ),
    "review added (bulk_create)": lambda lib: Review.objects.bulk_create(
        [Review(title="Bulk", reference="B-1", slug="bulk", kind=Review.Kind.SCR)]
    ),
    "theme added to a lesson": lambda lib: lib["public"].lessons.last().themes.add(lib["other_theme"]),
    "theme removed from a lesson": lambda lib: lib["public"].lessons.first().themes.remove(lib["theme"]),
    "a lesson's services set": lambda lib: lib["public"].lessons.last().services.set([lib["service"]]),
    "a lesson's themes cleared": lambda lib: lib["partners"].lessons.first().themes.clear(),
    "lessons added to a theme": lambda lib: lib["other_theme"].lessons.add(*lib["public"].lessons.all()),
    "a review tagged from the theme": lambda lib: lib["theme"].reviews.add(lib["public"]),
    "a review's themes cleared": lambda lib: lib["draft"].themes.clear(),
    "a theme's lessons cleared": lambda lib: lib["theme"].lessons.clear(),
}
DELETIONS = {
    "lesson deleted": lambda lib: lib["public"].lessons.first().delete(),
    "lessons deleted (queryset)": lambda lib: Lesson.objects.filter(review=lib["partners"]).delete(),
    "theme deleted": lambda lib: lib["theme"].delete(),
    "service deleted": lambda lib: lib["service"].delete(),
    "review deleted": lambda lib: lib["public"].delete(),
    "reviews deleted (queryset)": lambda lib: Review.objects.filter(state=Review.State.DRAFT).delete(),
}


@pytest.mark.parametrize("changes", [EDITS, DELETIONS], ids=["edits", "deletions"])
def test_every_kind_of_change_moves_the_version_and_keeps_the_counts_exact(library, readers, changes):
    assert_exact(readers)
    for name, change in changes.items():
        before = content_version()
        change(library)
        assert content_version() != before, name
        assert_exact(readers, after=name)


def test_the_finding_kinds_counted_are_the_library_s():
    assert list(FINDING_MODELS) == [kind.key for kind in KINDS]


def test_a_cached_summary_never_shows_a_review_hidden_since(library, readers):
    anonymous = readers["anonymous"]
    theme = library["theme"].pk

    def theme_count():
        return FindingSearch(anonymous, SearchFilters()).summary().facets["theme"].get(theme, 0)

    assert theme_count() == 2  # the public review's two lessons; cached now
    # A write that sends no signal, as a script might.
    Review.objects.filter(pk=library["public"].pk).update(visibility=Review.Visibility.PARTNERS)
    assert theme_count() == 0
    assert FindingSearch(readers["signed-in"], SearchFilters()).summary().facets["theme"][theme] == 4


def test_filtered_counts_are_exact_for_each_audience(library, readers):
    theme, service = library["theme"].pk, library["service"].pk
    for name, user in readers.items():
        summary = FindingSearch(user, SearchFilters(theme=theme, service=service)).summary()
        lessons = Lesson.objects.visible_to(user)
        both = lessons.filter(themes=theme).filter(services=service)
        assert summary.total == both.count(), name
        assert summary.reviews == both.values("review").distinct().count(), name
        with_service = Lesson.themes.through.objects.filter(lesson__in=lessons.filter(services=service))
        assert summary.facets["theme"] == dict(Counter(with_service.values_list("theme_id", flat=True))), name
        summary = FindingSearch(user, SearchFilters()).summary()
        assert summary.total == sum(m.objects.visible_to(user).count() for m in FINDING_MODELS.values())


def test_theme_page_counts_reviews_and_lessons_each_audience_may_see(library, readers):
    expected = {"anonymous": (1, 2), "signed-in": (2, 4), "staff": (3, 6)}
    for name, user in readers.items():
        page = ThemeReviews(user, library["theme"])
        assert (page.count(), page.lesson_count()) == expected[name], name
        assert len(page.page(0, 10)) == expected[name][0]


def test_the_lessons_page_shows_counts_for_the_reader(client, library):
    library["partners"].lessons.first().delete()  # partner-only: never in the public counts
    response = client.get("/lessons/")
    assert f"{library['theme'].name} (2)" in response.content.decode()


def test_a_review_saved_with_its_findings_is_counted_once_and_exactly(readers, library, monkeypatch):
    from reviews import caching

    refreshes = []
    real = caching.library_counts_refresh
    monkeypatch.setattr(
        caching, "library_counts_refresh", lambda ids: (refreshes.append(set(ids)), real(ids))
    )
    version = content_version()
    with caching.library_changes_together():
        review = ReviewFactory()
        for _ in range(5):
            LessonFactory(review=review, themes=[library["theme"]], services=[library["service"]])
        KeyIssueFactory(review=library["partners"])
        assert refreshes == []  # nothing counted yet: one count at the end
        assert content_version() != version  # but cached pages are stale at once
    assert refreshes == [{review.pk, library["partners"].pk}]
    assert_exact(readers, after="a review saved with its findings")


def _searched_directly(user, f: SearchFilters) -> dict:
    """What a search should count, finding by finding, through the visibility rule.

    Only lessons carry themes and services, so a theme or service chosen leaves out the rest.
    """
    found = []  # (review id, kind of review, year, kind of finding, themes, services)
    for key, model in FINDING_MODELS.items():
        findings = search.findings_matching(model.objects.visible_to(user), f.q)
        for finding in findings.select_related("review"):
            tags = (set(), set())
            if model is Lesson:
                tags = ({t.pk for t in finding.themes.all()}, {s.pk for s in finding.services.all()})
            published = finding.review.published_on
            found.append((finding.review_id, finding.review.kind, published and published.year, key, *tags))

    def holds(row, *, but=""):
        _, kind, year, key, themes, services = row
        return (
            (but == "kind" or not f.kind or kind == f.kind)
            and (but == "year" or not f.year or year == f.year)
            and (but == "kind_of_finding" or not f.kind_of_finding or key == f.kind_of_finding)
            and (but == "theme" or not f.theme or f.theme in themes)
            and (but == "service" or not f.service or f.service in services)
        )

    chosen = [row for row in found if holds(row)]
    facets = {
        "kind": Counter(row[1] for row in found if holds(row, but="kind")),
        "year": Counter(row[2] for row in found if holds(row, but="year") and row[2]),
        "kind_of_finding": Counter(row[3] for row in found if holds(row, but="kind_of_finding")),
        "theme": Counter(t for row in found if holds(row, but="theme") for t in row[4]),
        "service": Counter(s for row in found if holds(row, but="service") for s in row[5]),
    }
    first = Counter(row[0] for row in chosen)
    return {"total": len(chosen), "reviews": len(first), "facets": facets, "first": dict(first)}


def matches_shown(finding_search) -> dict:
    """Each review of the first results with its matches, as the results say: those shown and the rest."""
    return {
        review.pk: len(review.shown_findings) + review.more_findings for review in finding_search.page(0, 100)
    }


def test_searches_are_added_up_exactly_for_each_audience_and_filter(library, readers):
    other_kind = next(kind for kind in Review.Kind.values if kind != Review.Kind.MANAGEMENT)
    _save(library["partners"], kind=other_kind, published_on=datetime.date(2025, 3, 1))
    KeyIssueFactory(review=library["public"], text="A need no lesson shares.")
    theme, service = library["theme"].pk, library["service"].pk
    for name, user in readers.items():
        for kind in ("", Review.Kind.MANAGEMENT):
            for year in (None, 2025):
                for kind_of_finding in ("", "lesson", "key_issue"):
                    for tags in ({}, {"theme": theme}, {"service": service}):
                        f = SearchFilters(
                            q="need", kind=kind, year=year, kind_of_finding=kind_of_finding, **tags
                        )
                        finding_search = FindingSearch(user, f)
                        summary = finding_search.summary()
                        expected = _searched_directly(user, f)
                        got = {
                            "total": summary.total,
                            "reviews": summary.reviews,
                            "facets": {k: Counter(v) for k, v in summary.facets.items()},
                            "first": matches_shown(finding_search),
                        }
                        assert got == expected, (name, f)
