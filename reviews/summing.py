"""A search of the library added up in the database: its facets, totals and first reviews.

A common word ("need") matches most of the library: tens of thousands of findings, in
thousands of (review, kind of finding) groups. Bringing every group into Python to add up
took longer than finding them, so each statement here finds its matches once (a
materialised ``WITH``) and returns only what the page shows:

* ``groups_summed``: the matching findings per kind of review, year and kind of finding
  (every facet but themes and services, and the total, are sums of these), the number of
  reviews with a match, and the best ``keep`` reviews, in order;
* ``tags_counted``: the matching lessons per theme and per service, both from one finding
  of the lessons;
* ``best_findings``: for a page of results, the few best matches of each review and how many
  it has, excerpts made only for those shown.

The rows summed are those of a queryset with the columns ``review_id``, ``review_kind``,
``year``, ``published``, ``matches``, ``best`` and ``finding_kind`` (reviews/library.py
makes them from the findings, or from the counts kept per review).
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection

from reviews.models import Lesson


@dataclass(frozen=True)
class Chosen:
    """The values chosen for the facets that are added up here ("" or None: any)."""

    kind: str = ""  # of review
    year: int | None = None
    finding_kind: str = ""

    def where(self) -> tuple[str, list]:
        conditions, params = [], []
        for column, value in (
            ("finding_kind", self.finding_kind),
            ("review_kind", self.kind),
            ("year", self.year),
        ):
            if value:
                conditions.append(f"{column} = %s")
                params.append(value)
        return " AND ".join(conditions) or "1 = 1", params


@dataclass
class Groups:
    cells: list  # (kind of review, year or None, kind of finding, matches)
    reviews: int  # reviews with a match of the chosen kind, year and kind of finding
    first: list  # the ids of the best reviews, best first


def groups_summed(rows, chosen: Chosen, keep: int) -> Groups:
    """Add up ``rows``: see the module's docstring. Reviews rank by their best match, then newest."""
    try:
        found_sql, found_params = rows.query.sql_with_params()
    except EmptyResultSet:  # a query that can match nothing, e.g. only punctuation on SQLite
        return Groups(cells=[], reviews=0, first=[])
    chosen_sql, chosen_params = chosen.where()
    sql = f"""
        WITH found AS MATERIALIZED ({found_sql})
        SELECT 'cell', review_kind, year, finding_kind, SUM(matches),
            CAST(NULL AS bigint), CAST(NULL AS bigint)
        FROM found GROUP BY review_kind, year, finding_kind
        UNION ALL
        SELECT 'reviews', NULL, NULL, NULL, COUNT(DISTINCT review_id), NULL, NULL
        FROM found WHERE {chosen_sql}
        UNION ALL
        SELECT 'first', NULL, NULL, NULL, NULL, review_id, position FROM (
            SELECT review_id, ROW_NUMBER() OVER (
                ORDER BY MAX(best) DESC, (MAX(published) IS NOT NULL) DESC, MAX(published) DESC,
                    review_id DESC
            ) AS position
            FROM found WHERE {chosen_sql} GROUP BY review_id ORDER BY position LIMIT %s
        ) AS best
    """  # noqa: S608 - only the ORM's own SQL and fixed conditions are put in; values are parameters
    params = [*found_params, *chosen_params, *chosen_params, keep]
    cells, reviews, first = [], 0, []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for part, review_kind, year, finding_kind, matches, review, position in cursor.fetchall():
            if part == "cell":
                cells.append((review_kind, None if year is None else int(year), finding_kind, int(matches)))
            elif part == "reviews":
                reviews = int(matches)
            else:
                first.append((position, review))
    return Groups(cells=cells, reviews=reviews, first=[review for _, review in sorted(first)])


def tags_counted(lessons, *, theme=None, service=None) -> tuple[dict, dict]:
    """Lessons per theme and per service: ``lessons`` on ``service`` by theme, on ``theme`` by service.

    ``lessons`` are those matching every filter but the theme and the service, so that each
    facet counts what choosing one of its values would show.
    """
    try:
        lessons_sql, lessons_params = lessons.order_by().values("id").query.sql_with_params()
    except EmptyResultSet:
        return {}, {}
    themes, services = (_table(name) for name in ("themes", "services"))
    # Only the tables' own names are put in; the chosen theme and service are parameters.
    on_theme = f"lesson_id IN (SELECT lesson_id FROM {themes} WHERE theme_id = %s)"  # noqa: S608
    on_service = f"lesson_id IN (SELECT lesson_id FROM {services} WHERE service_id = %s)"  # noqa: S608
    # Joined rather than ``IN``: the lessons found are many, and a hash join reads each table once.
    sql = f"""
        WITH lessons AS MATERIALIZED ({lessons_sql})
        SELECT 'theme', tag.theme_id, COUNT(*)
        FROM {themes} AS tag JOIN lessons ON lessons.id = tag.lesson_id
        {"WHERE tag." + on_service if service else ""}
        GROUP BY tag.theme_id
        UNION ALL
        SELECT 'service', tag.service_id, COUNT(*)
        FROM {services} AS tag JOIN lessons ON lessons.id = tag.lesson_id
        {"WHERE tag." + on_theme if theme else ""}
        GROUP BY tag.service_id
    """  # noqa: S608 - the ORM's own SQL and the fixed conditions above
    params = [*lessons_params, *([service] if service else []), *([theme] if theme else [])]
    counts = {"theme": {}, "service": {}}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, n in cursor.fetchall():
            counts[facet][value] = n
    return counts["theme"], counts["service"]


def _table(tags: str) -> str:
    """The quoted name of the table that tags lessons with ``tags`` (themes or services)."""
    return connection.ops.quote_name(Lesson._meta.get_field(tags).remote_field.through._meta.db_table)


def best_findings(found, per_review: int, excerpt=None) -> list:
    """The ``per_review`` best of each review's findings in ``found``, best first, with excerpts.

    ``found`` are rows with the columns ``review_id``, ``best`` (higher is better),
    ``kind_index``, ``order``, ``id``, ``text`` and ``pseudonym``, of any kinds of finding.
    Each row comes back as (review id, kind index, id, text, pseudonym, the review's number of
    rows, excerpt): the excerpt is ``excerpt`` (SQL and parameters over the column
    ``ranked.text``, e.g. ``search.headline_sql``), made only for the rows returned.
    """
    try:
        found_sql, found_params = found.query.sql_with_params()
    except EmptyResultSet:
        return []
    excerpt_sql, excerpt_params = excerpt or ("NULL", ())
    sql = f"""
        SELECT review_id, kind_index, id, text, pseudonym, matches, {excerpt_sql}
        FROM (
            SELECT found.*, COUNT(*) OVER (PARTITION BY review_id) AS matches, ROW_NUMBER() OVER (
                PARTITION BY review_id ORDER BY best DESC, kind_index, "order", id
            ) AS place
            FROM ({found_sql}) AS found
        ) AS ranked
        WHERE place <= %s
        ORDER BY review_id, place
    """  # noqa: S608 - only the ORM's own SQL and expressions are put in; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [*excerpt_params, *found_params, per_review])
        return cursor.fetchall()
