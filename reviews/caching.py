"""What the library keeps in Django's cache, and when that stops being true.

A cached value is kept under a key made of

* the audience: who is asking, as the visibility rule sees them (``querysets.audience``);
* the content version: a number raised, in the same transaction, by every change to a
  review's content (reviews/signals.py covers reviews, findings, children and the controlled
  lists), so every worker process sees a change at its next request, whatever the cache
  backend;
* the kind of value and its parameters (filters, search words).

Withdrawing or hiding a review saves it, which changes the content version at once: cached
values never outlive the content they show. Writes in bulk on reviews and findings
(``QuerySet.update``, ``bulk_create``, ``delete``) do the same through their querysets
(reviews/querysets.py); ``CACHE_SECONDS`` bounds the harm of any other write that skips
``save()``.

The same writes keep the library's counts (reviews/models/counts.py) up to date, so that
even the first reader after a change adds up a few hundred rows instead of counting every
lesson.
"""

import hashlib
import json
import threading
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Sum

from reviews.models import (
    ContentVersion,
    FacetCount,
    Lesson,
    Review,
    ReviewTally,
)
from reviews.models.counts import FINDING, KIND, ON_THEME, PAIR, REVIEWS, SERVICE, THEME, YEAR
from reviews.models.findings import FINDING_MODELS
from reviews.querysets import audience, visibility_q
from reviews.search_index import search_changes_note

CACHE_SECONDS = 10 * 60  # a safety net for writes that bypass save(), e.g. QuerySet.update()


# The version a page is being made under (``version_kept``): read once per page, not per value.
_page_version: ContextVar[str | None] = ContextVar("page_version", default=None)


def content_version() -> str:
    """Changes whenever a review or anything it prints is added, changed or deleted."""
    kept = _page_version.get()
    if kept is not None:
        return kept
    number, stamp = ContentVersion.objects.filter(pk=1).values_list("number", "stamp").first() or (0, "")
    return f"{number}-{stamp}"


@contextmanager
def version_kept(version: str):
    """Every value read inside is keyed by ``version``, the one the page was found under."""
    token = _page_version.set(version)
    try:
        yield
    finally:
        _page_version.reset(token)


def content_version_raise(review_ids=None):
    """Mark every cached value stale, from inside the writer's transaction.

    The search index is told which reviews changed (``None``: any of them), behind the
    version row's lock (reviews/models/version.py ``SearchChange``), and brought up to date
    once the change has committed.
    """
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    search_changes_note(review_ids)


def cache_key(user, name: str, params: dict, *, version: str | None = None) -> str:
    """A cache key for this audience, content version, kind of value and parameters."""
    parts = [audience(user), version or content_version(), name, params]
    raw = json.dumps(parts, sort_keys=True, default=str)
    return "library:" + hashlib.sha256(raw.encode()).hexdigest()


def cached(user, name: str, params: dict, compute, *, key: str | None = None):
    """``compute()``, kept in the cache for this audience, content version and parameters."""
    key = key or cache_key(user, name, params)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


# --- The counts kept on write (reviews/models/counts.py) ------------------------------------------

REFRESH_BATCH = 1000  # reviews counted per round of queries


_together = threading.local()


@contextmanager
def library_changes_together():
    """Inside this block the counts of the reviews changed are taken once, as it ends, rather
    than after every write: a review saved with its hundred findings is counted once, not a
    hundred times. Use it inside the writer's transaction, so that the counts still change in
    the same transaction as what they count."""
    if getattr(_together, "review_ids", None) is not None:  # already inside one
        yield
        return
    _together.review_ids = set()
    try:
        yield
        review_ids = _together.review_ids
    finally:
        _together.review_ids = None
    if review_ids:
        library_counts_refresh(review_ids)


def library_changed(review_ids, *, recount=True):
    """Everything cached is stale, and the counts of ``review_ids`` are taken again.

    In one transaction: the content version's row is locked first, so concurrent writers
    queue there and each one's counts are read and written after the previous one committed.
    Inside ``library_changes_together`` the counting waits for the end of that block.
    """
    with transaction.atomic():
        content_version_raise(review_ids)
        if recount:
            waiting = getattr(_together, "review_ids", None)
            if waiting is None:
                library_counts_refresh(review_ids)
            else:
                waiting.update(int(i) for i in review_ids)


def _rows_counted(review_ids) -> list:
    """What the counts of ``review_ids`` are made of, in one statement (it runs on every write).

    Rows of (part, review id, kind of finding, lesson id, value): ``finding`` rows count each
    kind of finding of a review (value: how many); ``theme`` and ``service`` rows tag a lesson
    (value: the theme or service id); ``review_theme`` rows tag a review.
    """
    quote = connection.ops.quote_name
    table = {name: quote(model._meta.db_table) for name, model in FINDING_MODELS.items()}
    lessons = table["lesson"]
    tagged = {
        "theme": quote(Lesson.themes.through._meta.db_table),
        "service": quote(Lesson.services.through._meta.db_table),
        "review_theme": quote(Review.themes.through._meta.db_table),
    }
    ids = ", ".join(["%s"] * len(review_ids))
    # Only the models' own table names and kinds are put in (S608); the review ids are parameters.
    parts = [
        f"SELECT 'finding', review_id, '{key}', CAST(NULL AS integer), COUNT(*) FROM {table[key]} "  # noqa: S608
        f"WHERE review_id IN ({ids}) GROUP BY review_id"
        for key in FINDING_MODELS
    ]
    parts += [
        f"SELECT '{part}', lesson.review_id, NULL, tag.lesson_id, tag.{part}_id FROM {tagged[part]} AS tag "  # noqa: S608
        f"JOIN {lessons} AS lesson ON lesson.id = tag.lesson_id WHERE lesson.review_id IN ({ids})"
        for part in ("theme", "service")
    ]
    parts.append(
        f"SELECT 'review_theme', review_id, NULL, NULL, theme_id FROM {tagged['review_theme']} "  # noqa: S608
        f"WHERE review_id IN ({ids})"
    )
    sql = " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, list(review_ids) * len(parts))
        return cursor.fetchall()


def _tallies(review_ids, reviews) -> dict:
    """What each of ``review_ids`` adds to the counts now: {(review id, facet, value): n}."""
    parts = defaultdict(int)
    totals = defaultdict(int)
    tags = defaultdict(lambda: (set(), set()))  # (review id, lesson id) -> (theme ids, service ids)
    on_theme = defaultdict(set)
    for part, review_id, kind, lesson_id, value in _rows_counted(review_ids):
        if part == "finding":
            parts[(review_id, FINDING, kind)] = value
            totals[review_id] += value
        elif part == "review_theme":
            on_theme[review_id].add(value)
        else:
            tags[(review_id, lesson_id)][0 if part == "theme" else 1].add(value)
    for (review_id, _), (themes, services) in tags.items():
        on_theme[review_id] |= themes
        for theme in themes:
            parts[(review_id, THEME, str(theme))] += 1
            for service in services:
                parts[(review_id, PAIR, f"{theme}:{service}")] += 1
        for service in services:
            parts[(review_id, SERVICE, str(service))] += 1
    for review_id, themes in on_theme.items():
        for theme in themes:
            parts[(review_id, ON_THEME, str(theme))] = 1
    for review in reviews:
        total = totals.get(review["id"], 0)
        if total:
            parts[(review["id"], REVIEWS, "")] = 1
            parts[(review["id"], KIND, review["kind"])] = total
            if review["published_on"]:
                parts[(review["id"], YEAR, str(review["published_on"].year))] = total
    return parts


def library_counts_refresh(review_ids):
    """Count ``review_ids`` again, and move their parts to the sums of their state and visibility.

    A review that no longer exists is taken off the sums. Call it inside the writer's
    transaction, after ``content_version_raise`` (``library_changed`` does both).
    """
    review_ids = sorted({int(i) for i in review_ids})
    for start in range(0, len(review_ids), REFRESH_BATCH):
        _refresh(review_ids[start : start + REFRESH_BATCH])


def _refresh(review_ids):
    reviews = list(
        Review.objects.filter(pk__in=review_ids).values("id", "state", "visibility", "kind", "published_on")
    )
    states = {review["id"]: (review["state"], review["visibility"]) for review in reviews}
    # (review id, facet, value) -> (state, visibility, n), as kept and as counted now
    old = ReviewTally.objects.filter(review_id__in=review_ids)
    kept = {
        (r, facet, value): (state, visibility, n)
        for r, state, visibility, facet, value, n in old.values_list(
            "review_id", "state", "visibility", "facet", "value", "n"
        )
    }
    counted = {
        (review_id, facet, value): (*states[review_id], n)
        for (review_id, facet, value), n in _tallies(review_ids, reviews).items()
        if review_id in states  # not deleted: a deleted review's findings are going with it
    }
    if counted == kept:  # most writes change no count: a word edited, a date, a child
        return
    delta = defaultdict(int)  # (state, visibility, facet, value) -> change
    for sign, rows in ((-1, kept), (1, counted)):
        for (_, facet, value), (state, visibility, n) in rows.items():
            delta[(state, visibility, facet, value)] += sign * n
    old.delete()
    ReviewTally.objects.bulk_create(
        [
            ReviewTally(
                review_id=review_id, state=state, visibility=visibility, facet=facet, value=value, n=n
            )
            for (review_id, facet, value), (state, visibility, n) in counted.items()
        ],
        batch_size=2000,
    )
    _sums_add({key: n for key, n in delta.items() if n})


def _sums_add(delta):
    if not delta:
        return
    facets = {key[2] for key in delta}
    existing = {
        (row.state, row.visibility, row.facet, row.value): row
        for row in FacetCount.objects.filter(
            state__in={key[0] for key in delta}, visibility__in={key[1] for key in delta}, facet__in=facets
        )
    }
    changed, added = [], []
    for key, n in delta.items():
        row = existing.get(key)
        if row is None:
            state, visibility, facet, value = key
            added.append(FacetCount(state=state, visibility=visibility, facet=facet, value=value, n=n))
        else:
            row.n += n
            changed.append(row)
    kept = [(row.n, row.pk) for row in changed if row.n]
    if kept:
        # One short statement per row: bulk_update's single CASE over every row took longer to build.
        meta = FacetCount._meta
        table, n, pk = (connection.ops.quote_name(name) for name in (meta.db_table, "n", meta.pk.column))
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {table} SET {n} = %s WHERE {pk} = %s", kept)  # noqa: S608 - names only
    FacetCount.objects.bulk_create(added, batch_size=1000)
    gone = [row.pk for row in changed if not row.n]  # nothing left to count
    if gone:
        FacetCount.objects.filter(pk__in=gone).delete()


def library_counts_forget(facet, value):
    """A deleted theme or service: the reviews that counted it are counted again without it.

    Its tags were deleted with it, without signals.
    """
    reviews = ReviewTally.objects.filter(facet=facet, value=str(value)).values_list("review_id", flat=True)
    library_changed(set(reviews))


def library_counts_rebuild(*, version=True):
    """Count every review again from nothing: after bulk inserts that sent no signals.

    ``version=False`` only in a data migration, which runs before later migrations add what
    raising the version writes (the version's stamp, the search index's notes).
    """
    with transaction.atomic():
        if version:
            content_version_raise()
        ReviewTally.objects.all().delete()
        FacetCount.objects.all().delete()
        library_counts_refresh(Review.objects.values_list("pk", flat=True))


def library_counts(user) -> dict:
    """The counts ``user`` may see, unfiltered: {facet: {value: n}}, values as stored (text)."""
    rows = FacetCount.objects.all()
    condition = visibility_q(user)
    if condition is not None:
        rows = rows.filter(condition)
    found = defaultdict(dict)
    for facet, value, n in (
        rows.values("facet", "value").annotate(total=Sum("n")).values_list("facet", "value", "total")
    ):
        found[facet][value] = n
    return found
