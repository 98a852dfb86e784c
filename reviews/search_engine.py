"""A search of the library answered by the search index (reviews/search_index.py).

It returns what reviews/summing.py's statements return from PostgreSQL, for the same search:
the lessons per theme and per service, and the matches per kind of review, year and kind of
finding, the number of reviews and the best reviews. The counts are the same; the order of
the reviews is the index's relevance (BM25, each part of a finding weighted as PostgreSQL's
ranking weighs it), where PostgreSQL's is ``ts_rank``.

The words typed become PostgreSQL's own query first (``websearch_to_tsquery``), so stemming,
stop words, ``or`` and ``-word`` are PostgreSQL's. Quoted phrases (and hyphenated words, which
PostgreSQL searches as phrases) ask for words next to each other: the index does not keep
positions, so PostgreSQL answers those searches (``None`` here), as it does whenever the
index is behind the content version.
"""

import functools
import logging
import re
from concurrent.futures import ThreadPoolExecutor

import tantivy
from django.db import connection

from reviews.caching import content_version
from reviews.querysets import Audience
from reviews.search_index import SCHEMA, SEEN_BITS, WEIGHTS, WORDS, lexeme_text, searcher, tag
from reviews.summing import Groups

logger = logging.getLogger(__name__)
Must, Should, MustNot = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot
Query = tantivy.Query
EVERY = 2**31  # as many buckets as there are values: an aggregation's counts are exact
TOKEN = re.compile(r"\s*(?:'((?:[^'\\]|''|\\.)*)'(:[0-9A-D*]+)?|([&|!()])|(<(?:-|\d+)>))")


class Unanswerable(Exception):
    """A query the index cannot answer as PostgreSQL would: a phrase, a prefix or a weight."""


def tsquery(text: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery('english', %s)::text", [text])
        return cursor.fetchone()[0]


class _Reader:
    """Reads a tsquery's text: ``|`` binds loosest, then ``&``, then ``!``; ``<->`` is refused."""

    def __init__(self, text: str):
        self.tokens, at = [], 0
        text = text.strip()
        while at < len(text):
            match = TOKEN.match(text, at)
            if not match or match.end() == at:
                raise Unanswerable(text)
            word, suffix, operator, phrase = match.groups()
            if suffix or phrase:
                raise Unanswerable(text)
            self.tokens.append(("word", lexeme_text(word)) if word is not None else ("op", operator))
            at = match.end()
        self.at = 0

    def _next(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self, expected=None):
        token = self._next()
        if token is None or (expected and token != ("op", expected)):
            raise Unanswerable(str(self.tokens))
        self.at += 1
        return token

    def read(self):
        if not self.tokens:
            return None
        node = self._any()
        if self._next() is not None:
            raise Unanswerable(str(self.tokens))
        return node

    def _any(self):
        return self._joined("|", "or", self._every)

    def _every(self):
        return self._joined("&", "and", self._unary)

    def _joined(self, operator, name, part):
        """``part``, or several joined by ``operator``: the node (``name``, [parts])."""
        parts = [part()]
        while self._next() == ("op", operator):
            self._take()
            parts.append(part())
        return parts[0] if len(parts) == 1 else (name, parts)

    def _unary(self):
        if self._next() == ("op", "!"):
            self._take()
            return ("not", self._unary())
        kind, value = self._take()
        if kind == "word":
            return ("word", value)
        if value != "(":
            raise Unanswerable(str(self.tokens))
        inner = self._any()
        self._take(")")
        return inner


def _query(node, words=None, every=None):
    """The index's query for a tsquery's tree.

    Ranked by relevance when ``words`` is None; else only what matches, in the ``words`` field
    of one audience, where ``every`` is everything that audience may see (for ``-word``).
    """
    kind, value = node
    every = every or Query.all_query()
    if kind == "word" and words:
        return Query.term_query(SCHEMA, words, value)
    if kind == "word":
        return Query.boolean_query(
            [
                (Should, Query.boost_query(Query.term_query(SCHEMA, name, value), weight))
                for name, weight in WEIGHTS.items()
            ]
        )
    if kind == "not":
        return Query.boolean_query([(Must, every), (MustNot, _query(value, words, every))])
    if kind == "or":
        return Query.boolean_query([(Should, _query(part, words, every)) for part in value])
    clauses = [
        (MustNot, _query(part[1], words, every)) if part[0] == "not" else (Must, _query(part, words, every))
        for part in value
    ]
    if all(occur == MustNot for occur, _ in clauses):
        clauses.append((Must, every))
    return Query.boolean_query(clauses)


def matching(text: str, reader: str):
    """The index's queries for the words typed by ``reader``: (ranked, only what ``reader`` may
    see); None when the words can match nothing (only stop words)."""
    node = _Reader(tsquery(text)).read()
    if node is None:
        return None
    seen = None if reader == Audience.STAFF else Query.term_query(SCHEMA, "seen_by", reader)
    return _query(node), _query(node, WORDS[reader], seen)


def _only(field: str, value):
    """A filter: it narrows the matches and adds nothing to their relevance."""
    return (Must, Query.const_score_query(Query.term_query(SCHEMA, field, value), 0.0))


def _terms(field: str, **more) -> dict:
    return {"terms": {"field": field, "size": EVERY}, **more}


def summed(reader: str, filters, keep: int, meanwhile=None):
    """(lessons per theme, lessons per service, ``Groups``) of a search by ``reader``, or None
    where PostgreSQL must answer: no index here, the index behind, or a phrase searched.

    ``meanwhile(first)``, if given, is called with the best reviews' ids while the index is
    still counting the rest: work for the database meanwhile.
    """
    try:
        found = searcher(content_version())
        if found is None:
            return None
        queries = matching(filters.q, reader)
        if queries is None:
            return {}, {}, Groups(cells=[], reviews=0, first=[])
        return _answer(found, *queries, reader, filters, keep, meanwhile)
    except Unanswerable:
        return None
    except (OSError, ValueError):  # an index that cannot be read: PostgreSQL still can
        logger.exception("The search index could not be read; PostgreSQL answers")
        return None


def _answer(found, ranked, plain, reader, filters, keep, meanwhile):
    """Each facet counts the matches under every filter but its own."""
    chosen = {
        facet: condition
        for facet, condition, value in (
            ("theme", ("tags", tag("theme", filters.theme)), filters.theme),
            ("service", ("tags", tag("service", filters.service)), filters.service),
            ("kind", ("review_kind", filters.kind), filters.kind),
            ("year", ("year", filters.year), filters.year),
            ("kind_of_finding", ("kind", filters.kind_of_finding), filters.kind_of_finding),
        )
        if value
    }

    def but(*facets):
        return tuple(condition for facet, condition in chosen.items() if facet not in facets)

    counts = [("cells", "cell", but("kind", "year", "kind_of_finding")), ("review", "review", but())]
    if filters.kind_of_finding in ("", "lesson"):  # only lessons are tagged
        counts.append(("on_themes", "tags", but("theme")))
        if but("service") != but("theme"):
            counts.append(("on_services", "tags", but("service")))
    # tantivy lets go of Python while it counts: each count is made on a thread of its own
    # while this one ranks the reviews, so an idle core shortens the search.
    counting = [
        _threads().submit(found.aggregate, _narrowed(plain, where), {name: _terms(field)})
        for name, field, where in counts
    ]
    first = _best(found, _narrowed(ranked, but()), keep, reader)
    if meanwhile is not None:
        meanwhile(first)
    results = {}
    for counted in counting:
        results |= counted.result()
    return (
        _tagged(results.get("on_themes"), "theme"),
        _tagged(results.get("on_services", results.get("on_themes")), "service"),
        Groups(
            cells=[
                (kind, int(year) or None, finding, bucket["doc_count"])
                for bucket in results["cells"]["buckets"]
                for kind, year, finding in [bucket["key"].split("|")]
            ],
            reviews=len(results["review"]["buckets"]),
            first=first,
        ),
    )


@functools.cache
def _threads() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="search-count")


def _narrowed(query, where):
    return Query.boolean_query([(Must, query), *(_only(name, value) for name, value in where)])


def _tagged(result, name: str) -> dict:
    """Lessons per theme or service, from the counts of every tag."""
    if not result:
        return {}
    prefix = f"{name}:"
    return {
        int(bucket["key"].removeprefix(prefix)): bucket["doc_count"]
        for bucket in result["buckets"]
        if bucket["key"].startswith(prefix)
    }


def _best(found, query, keep, reader) -> list:
    """The ``keep`` reviews with the best matches ``reader`` may see, best first; among equals
    the newest first.

    Matches are read best first until every review that could be among the first ``keep`` has
    been seen with its best match: the last match read ranks below the ``keep``-th review's best.
    Who may see a match is read beside it rather than asked of the query: a query with only
    words in it is ranked without scoring every match.
    """
    limit = max(keep * 8, 200)
    bit = SEEN_BITS.get(reader)
    while True:
        hits = found.search(query, limit, count=False).hits
        addresses = [address for _, address in hits]
        best = {}
        for (score, _), review, day, seen in zip(
            hits,
            found.fast_field_values("review", addresses),
            found.fast_field_values("published", addresses),
            found.fast_field_values("seen", addresses),
            strict=True,
        ):
            if bit is None or seen & bit:
                best.setdefault(review, (score, day))
        if len(hits) < limit:
            break
        scores = sorted((score for score, _ in best.values()), reverse=True)
        if len(scores) >= keep and hits[-1][0] < scores[keep - 1]:
            break
        limit *= 4
    ranked = sorted(best, key=lambda pk: (-best[pk][0], best[pk][1] < 0, -best[pk][1], -pk))
    return ranked[:keep]
