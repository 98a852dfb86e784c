"""Full-text search of findings: key issues, good practice, lessons and recommendations.

On PostgreSQL each finding keeps a stored search vector: its own words weighted A, its
practice area B, its review's title and why it matters C and its review's background D, so a
match in the finding outranks one that only its review's summary contains. The vector is
recomputed by one ``UPDATE ... FROM`` statement per kind of finding whenever a finding or its
review is saved (the receivers in reviews/signals.py), and ``finding_search_vectors_update``
fills vectors that bulk inserts left empty. Queries use ``websearch`` syntax ("quoted
phrases", or, -not) with English stemming, served by the GIN index on each vector.

Each text is cut to ``INDEXED_CHARACTERS`` before it is indexed: PostgreSQL refuses a search
vector over 1 MB, and a refused vector must never refuse the officer's save. The texts' own
bounds (reviews/models/bounds.py) keep them shorter than that already.

On SQLite the column stays empty and the same syntax is read here (``parse_query``) into
conditions on the same texts: each word or "quoted phrase" must appear (case-insensitively,
as part of a word too), ``-word`` must not, and ``or`` offers alternatives. Findings whose
own text holds the first word come first.
"""

import logging
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import DataError, OperationalError, connection, transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query
from django.utils.html import escape
from django.utils.safestring import mark_safe

from reviews.models import KeyIssue, Lesson, PositiveFactor, Recommendation

CONFIG = "english"
# Private-use characters mark highlighted words inside ts_headline's output: they never occur in
# typed text (queries are stripped of them), so the excerpt can be escaped first and marked up after.
MARK_START, MARK_END = "\ue000", "\ue001"
WORD = re.compile(r"\w+")
# Characters of each text that are indexed. Even words of one 4-byte character each, all
# different, keep five such texts well under PostgreSQL's 1 MB limit for a search vector.
INDEXED_CHARACTERS = 25_000
FINDING_MODELS = (KeyIssue, PositiveFactor, Lesson, Recommendation)
# What a finding is found by besides its own text, on SQLite as in the PostgreSQL vector.
REVIEW_FIELDS = ("review__title", "review__why_it_matters", "review__summary")

logger = logging.getLogger(__name__)


def _has_practice_area(model) -> bool:
    return any(f.name == "practice_area" for f in model._meta.fields)


_AREA_SQL = f"""
    || setweight(to_tsvector('english', left(coalesce(
        (SELECT area.name FROM reviews_practicearea AS area WHERE area.id = finding.practice_area_id),
        ''), {INDEXED_CHARACTERS})), 'B')
"""  # noqa: S608 - only the constant is put in


def review_vector_sql() -> str:
    """The part of each finding's vector that is its review's (of ``reviews_review AS review``)."""
    n = INDEXED_CHARACTERS
    return f"""
        setweight(to_tsvector('english', left(review.title, {n})), 'C')
        || setweight(to_tsvector('english', left(review.why_it_matters, {n})), 'C')
        || setweight(to_tsvector('english', left(review.summary, {n})), 'D')
    """


def _vector_sql(model) -> str:
    n = INDEXED_CHARACTERS
    area = _AREA_SQL if _has_practice_area(model) else ""
    return f"""
        UPDATE {model._meta.db_table} AS finding SET search_vector =
            setweight(to_tsvector('english', left(finding.text, {n})), 'A') {area}
            || {review_vector_sql()}
        FROM reviews_review AS review
        WHERE review.id = finding.review_id
    """  # noqa: S608 - only the model's own table name and the constants above are put in


def search_is_ranked() -> bool:
    return connection.vendor == "postgresql"


def finding_search_vectors_update(
    *, models=FINDING_MODELS, review_ids=None, ids=None, missing_only=False
) -> int:
    """Recompute stored search vectors of findings, one statement per kind; returns how many were written.

    With no arguments every finding is recomputed. ``ids`` are finding ids of the one model in
    ``models``; ``missing_only`` fills only empty vectors, which is what bulk-inserted data
    (``generate_reviews``) needs. Does nothing on SQLite.
    """
    if not search_is_ranked():
        return 0
    if missing_only:  # vectors filled after a bulk load, outside any write that noted it
        from reviews.caching import content_version_raise  # noqa: PLC0415 - caching imports this module

        with transaction.atomic():
            written = _vectors_update(models, review_ids, ids, missing_only=True)
            if written:
                content_version_raise()
        return written
    return _vectors_update(models, review_ids, ids, missing_only=False)


def _vectors_update(models, review_ids, ids, *, missing_only) -> int:
    written = 0
    for model in models:
        sql, params = _vector_sql(model), []
        if review_ids is not None:
            sql += " AND finding.review_id = ANY(%s)"
            params.append(list(review_ids))
        if ids is not None:
            sql += " AND finding.id = ANY(%s)"
            params.append(list(ids))
        if missing_only:
            sql += " AND finding.search_vector IS NULL"
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, params)
                written += cursor.rowcount
        except (DataError, OperationalError):  # PostgreSQL's "string is too long for tsvector" is the latter
            # The findings keep their old vectors (searchable by their old words): better than losing a save.
            logger.exception(
                "Search vectors of %s could not be updated (reviews %s, ids %s)",
                model._meta.verbose_name_plural,
                review_ids,
                ids,
            )
    return written


def query_words(text: str) -> list[str]:
    """The words of a query, without punctuation or search operators."""
    return WORD.findall(text.replace("_", " "))


def clean_query(text: str) -> str:
    return " ".join(text.replace(MARK_START, " ").replace(MARK_END, " ").split())


# --- The websearch syntax, read in Python for SQLite ----------------------------------------------

TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    text: str  # a word, or the words of a phrase joined by single spaces
    excluded: bool = False


@dataclass
class ParsedQuery:
    """Alternatives (``or``), each a list of terms that must all hold."""

    alternatives: list = field(default_factory=list)

    def condition(self, fields) -> Q:
        """The condition on ``fields`` (model lookups) that a matching row meets."""

        def anywhere(text):
            found = Q()
            for name in fields:
                found |= Q(**{f"{name}__icontains": text})
            return found

        either = Q(pk__in=[])
        for terms in self.alternatives:
            every = Q()
            for term in terms:
                every &= ~anywhere(term.text) if term.excluded else anywhere(term.text)
            either |= every
        return either

    def wanted(self) -> list[str]:
        """The words and phrases a match contains: what is highlighted."""
        return [term.text for terms in self.alternatives for term in terms if not term.excluded]


def parse_query(text: str) -> ParsedQuery:
    """Read ``text`` as PostgreSQL's ``websearch_to_tsquery`` does, as far as words go.

    Words and "quoted phrases" must all appear; ``-`` before a word or phrase leaves out what
    has it; ``or`` between two terms accepts either side. Other punctuation separates words.
    """
    alternatives, terms, pending_or = [], [], False
    for match in TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare is not None and bare.lower() == "or":
            pending_or = bool(terms)
            continue
        if phrase is not None:
            words = query_words(phrase)
            new = [Term(" ".join(words), excluded=bool(minus))] if words else []
        else:
            excluded = bare.startswith("-")
            new = [Term(word, excluded=excluded) for word in query_words(bare)]
        if not new:
            continue
        if pending_or:
            alternatives.append(terms)
            terms, pending_or = [], False
        terms.extend(new)
    if terms:
        alternatives.append(terms)
    return ParsedQuery(alternatives)


# --- Matching, ranking and highlighting ----------------------------------------------------------


def findings_matching(findings, text: str):
    """``findings`` narrowed to those matching ``text``, annotated with ``search_rank`` (higher is better)."""
    if search_is_ranked():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        return findings.filter(search_vector=query).annotate(
            search_rank=SearchRank(F("search_vector"), query)
        )
    parsed = parse_query(text)
    fields = ["text", *REVIEW_FIELDS]
    if _has_practice_area(findings.model):
        fields.append("practice_area__name")
    findings = findings.filter(parsed.condition(fields))
    wanted = parsed.wanted()
    if not wanted:
        return findings.annotate(search_rank=Value(0, output_field=IntegerField()))
    in_finding = When(text__icontains=wanted[0], then=Value(1))
    return findings.annotate(search_rank=Case(in_finding, default=Value(0), output_field=IntegerField()))


def headline(field_name: str, text: str):
    """An expression: ``field_name`` cut to the passages that match, matched words between the markers."""
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    return SearchHeadline(
        field_name,
        query,
        config=CONFIG,
        start_sel=MARK_START,
        stop_sel=MARK_END,
        max_words=45,
        min_words=20,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def headline_sql(column: str, text: str) -> tuple[str, tuple]:
    """``headline`` of ``column`` of a statement written out in SQL (reviews/summing.py)."""
    query = Query(None)
    expression = headline(RawSQL(column, ()), text).resolve_expression(query)  # noqa: S611 - a column name of the code's own
    return query.get_compiler(connection=connection).compile(expression)


def with_excerpts(queryset, text: str, **fields):
    """Annotate each ``name=field`` of ``fields`` with the field's excerpt (PostgreSQL only)."""
    if not search_is_ranked():
        return queryset
    return queryset.annotate(**{name: headline(source, text) for name, source in fields.items()})


def mark_words(source: str, text: str) -> str:
    """``source`` with the words and phrases ``text`` asks for between the markers."""
    marked = source
    for wanted in sorted(set(parse_query(text).wanted()), key=len, reverse=True):
        pattern = r"\s+".join(re.escape(word) for word in wanted.split())
        marked = re.sub(rf"(?i)(?<!\w)({pattern}\w*)", rf"{MARK_START}\1{MARK_END}", marked)
    return marked


# An excerpt is a cut of the Markdown an officer typed: its words are shown, not its marks.
MARKDOWN_MARKS = [
    (re.compile(r"\[([^\]]*)\]\([^)\s]*\)"), r"\1"),  # [link text](address)
    (re.compile(r"\*\*|__|`"), ""),  # strong, code
    (re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])"), ""),  # *emphasis*
    (re.compile(r"(?m)^\s*(?:[*+-]|\d+[.)]|#{1,6})\s+"), ""),  # list bullets, headings
]


def markdown_marks_removed(text: str) -> str:
    for pattern, replacement in MARKDOWN_MARKS:
        text = pattern.sub(replacement, text)
    return text


def excerpt_html(marked: str | None, source: str, text: str):
    """Safe HTML of an excerpt with the searched words in ``<mark>``.

    ``marked`` is ts_headline's excerpt on PostgreSQL; elsewhere (None) the whole ``source``
    is marked here.
    """
    if marked is None:
        marked = mark_words(source, text)
    html = escape(markdown_marks_removed(marked)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped just above; only our own <mark> tags are added


def has_marks(html) -> bool:
    return "<mark>" in str(html)
