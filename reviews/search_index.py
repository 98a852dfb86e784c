"""The search engine's index of findings (tantivy, embedded), kept in step with the library.

A common word matches most of the library, and adding up tens of thousands of matches by
kind, year, theme and service took PostgreSQL hundreds of milliseconds however the tables were
cut (docs/scaling.md). An inverted index whose facets are stored by column adds them up in a
few. It answers a search (reviews/search_engine.py) only where its answer is PostgreSQL's:

* Its words are PostgreSQL's own: each finding's stored search vector, read back lexeme by
  lexeme with each occurrence's weight, one field per weight. A query is PostgreSQL's
  ``websearch_to_tsquery`` of the words typed, so the same findings match either way.
* Who may see a finding is the visibility rule's answer for each audience (``audience_q``),
  stored with the finding when it is indexed.
* The index is labelled with the content version it was brought up to (reviews/caching.py).
  A search uses it only under that version; otherwise PostgreSQL answers while the index
  catches up in the background.

Every raise of the content version notes the reviews it concerns (``SearchChange``) in the
writer's transaction, behind the version row's lock, so notes are numbered in the order their
changes committed. ``index_update`` reads the version, then the notes after the last one it
read; it indexes those reviews again and labels the index with that version. One process
writes at a time (tantivy locks the folder); readers in every process see each commit.
"""

import json
import logging
import os
import re
import shutil
import time
from pathlib import Path

import tantivy
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, Value, When
from django.db.models.functions import ExtractYear

from reviews.models import Lesson, Review, SearchChange
from reviews.models.findings import FINDING_MODELS
from reviews.querysets import Audience, audience_q
from reviews.search import review_vector_sql

logger = logging.getLogger(__name__)

LABEL = "label.json"
FORMAT = 1  # raised whenever the fields or what they hold change: an index of another is made anew
# Each weight's field, with PostgreSQL's ts_rank weights: a word in the finding (A) counts ten
# times one in its review's background (D).
WEIGHTS = {"a": 1.0, "b": 0.4, "c": 0.2, "d": 0.1}
AUDIENCES = (Audience.EVERYONE, Audience.SIGNED_IN)  # staff see every finding: nothing stored
SEEN_BITS = {Audience.EVERYONE: 1, Audience.SIGNED_IN: 2}
WORDS = {Audience.STAFF: "words", Audience.SIGNED_IN: "words_signed_in", Audience.EVERYONE: "words_everyone"}
BATCH = 500  # reviews read per round of queries
WRITER_MEMORY = 64_000_000
WRITER_WAIT = 20  # seconds to wait for another process's writer to finish
QUEUED_KEY = "reviews:search-index-queued"
# A lexeme of a tsvector's or tsquery's text: 'word', quotes doubled and backslashes escaped.
LEXEME = re.compile(r"'((?:[^'\\]|''|\\.)*)'(?::([0-9A-D,*]+))?")


def folder() -> Path | None:
    """Where the index is kept; None where there is none (SQLite, or not set)."""
    place = settings.SEARCH_INDEX_DIR
    if not place or connection.vendor != "postgresql":
        return None
    return Path(place)


def lexeme_text(quoted: str) -> str:
    return re.sub(r"''|\\(.)", lambda m: m.group(1) or "'", quoted)


def _database() -> str:
    """Which database the index is of: a folder kept across a change of database is not reused."""
    s = connection.settings_dict
    return f"{s['HOST']}:{s['PORT']}/{s['NAME']}"


def _schema():
    builder = tantivy.SchemaBuilder()
    # The lexemes themselves, split on spaces and nothing else done to them: once each in the
    # words of each audience that may see the finding (what matches, with no other condition
    # to meet), and once per occurrence in its weight's field (how well it matches).
    for name in WORDS.values():
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="basic")
    for name in WEIGHTS:
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    # Facets are added up from text columns: tantivy counts them fastest.
    for name in ("kind", "review_kind", "seen_by", "cell", "tags"):
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    for name in ("review", "year"):
        builder.add_unsigned_field(name, indexed=True, fast=True)
    builder.add_unsigned_field("seen", fast=True)  # the SEEN_BITS of the audiences that may see it
    builder.add_integer_field("published", fast=True)  # day number; -1 when never published
    return builder.build()


def cell(review_kind: str, year: int | None, kind: str) -> str:
    """The kind of review, year and kind of finding of a match, as one value to count by."""
    return f"{review_kind}|{year or 0}|{kind}"


def tag(name: str, pk: int) -> str:
    return f"{name}:{pk}"  # "theme:12", "service:3"


SCHEMA = _schema()


# --- Noting and queueing changes ------------------------------------------------------------------


def search_changes_note(review_ids) -> None:
    """Note ``review_ids`` (None: every review) as changed: inside ``content_version_raise``."""
    if connection.vendor != "postgresql":
        return
    if folder() is None:
        # No index here: one note that an index made later must read everything, not one per change.
        table = connection.ops.quote_name(SearchChange._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (review_id) SELECT NULL "  # noqa: S608 - the model's own table
                f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE review_id IS NULL)"
            )
        return
    ids = [None] if review_ids is None else sorted({int(pk) for pk in review_ids})
    SearchChange.objects.bulk_create([SearchChange(review_id=pk) for pk in ids])
    queued = any(callback is index_update_queue for _, callback, _ in connection.run_on_commit)
    if not queued:  # once per transaction, however many writes it holds
        transaction.on_commit(index_update_queue)


def index_update_queue() -> None:
    """Queue ``index_update`` once until it starts (it forgets the key first thing)."""
    from reviews.tasks import search_index_update  # noqa: PLC0415 - tasks import this module

    if cache.add(QUEUED_KEY, True, 60):
        search_index_update.enqueue()


# --- Keeping the index --------------------------------------------------------------------------


def _label(place: Path) -> dict:
    try:
        return json.loads((place / LABEL).read_text())
    except (OSError, ValueError):
        return {}


def label_read(place: Path) -> dict | None:
    """The index's label: of this database, in this code's format; None if there is no such index."""
    label = _label(place)
    return label if label.get("database") == _database() and label.get("format") == FORMAT else None


def _label_write(place: Path, label: dict) -> None:
    part = place / f"{LABEL}.{os.getpid()}"
    part.write_text(json.dumps(label))
    part.replace(place / LABEL)  # readers see the old label or the new one, never half of one


def _version_now() -> str:
    from reviews.caching import content_version  # noqa: PLC0415 - caching imports this module

    return content_version()


def _stamp(version: str) -> str:
    return version.partition("-")[2]


def _writer(index):
    """The index's one writer, waiting a while for another process's; None if it never frees."""
    deadline = time.monotonic() + WRITER_WAIT
    while True:
        try:
            return index.writer(WRITER_MEMORY)
        except ValueError:  # tantivy's LockBusy
            if time.monotonic() > deadline:
                return None
            time.sleep(0.25)


def index_update(*, rebuild=False) -> int | None:
    """Bring the index up to the library as committed; how many reviews were read.

    None when there is no index here, or another process kept the writer; that process reads
    the notes that came in meanwhile, as it checks the version again after each commit.
    """
    place = folder()
    if place is None:
        return None
    cache.delete(QUEUED_KEY)  # a change committed from now on queues another run
    if (place / "meta.json").exists() and _label(place).get("format") != FORMAT:
        shutil.rmtree(place)  # made by other code, perhaps with other fields: made anew
    place.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(SCHEMA, path=str(place), reuse=True)
    writer = _writer(index)
    if writer is None:
        return None
    read = 0
    try:
        while True:
            label = None if rebuild else label_read(place)
            version = _version_now()  # before the notes: a label never claims more than was read
            if label and _stamp(label["version"]) != _stamp(version):
                label = None  # the database was emptied and filled again since
            since = label["note"] if label else 0
            notes = list(
                SearchChange.objects.filter(id__gt=since).order_by("id").values_list("id", "review_id")
            )
            if label and not notes and label["version"] == version:
                break
            if label is None or any(review_id is None for _, review_id in notes):
                writer.delete_all_documents()
                review_ids = list(Review.objects.order_by("pk").values_list("pk", flat=True))
            else:
                review_ids = sorted({review_id for _, review_id in notes})
                # By query: deleting by an unsigned field's term deletes nothing in tantivy 0.27.
                writer.delete_documents_by_query(tantivy.Query.term_set_query(SCHEMA, "review", review_ids))
            for start in range(0, len(review_ids), BATCH):
                for document in _documents(review_ids[start : start + BATCH]):
                    writer.add_document(document)
            writer.commit()
            last = notes[-1][0] if notes else since
            _label_write(place, {"format": FORMAT, "database": _database(), "version": version, "note": last})
            # Read and done with: the folder holds this database's one index, shared by its servers.
            SearchChange.objects.filter(id__lte=last).delete()
            read += len(review_ids)
            rebuild = False
            if _version_now() == version:
                break
    finally:
        writer.wait_merging_threads()  # also frees the lock
    return read


def _rows(sql, review_ids):
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(review_ids)])
        yield from cursor


def _own_vectors(model, review_ids):
    """(finding id, review id, the finding's own words' vector) of findings with a vector."""
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"""
        SELECT id, review_id, ts_filter(search_vector, '{{a,b}}')::text FROM {table}
        WHERE review_id = ANY(%s) AND search_vector IS NOT NULL
    """  # noqa: S608 - only the model's own table name is put in
    return _rows(sql, review_ids)


def _review_vectors(review_ids):
    """(review id, its words' vector): the same lexemes and weights as in each of its findings'
    vectors, where their positions are moved along by the finding's own words."""
    sql = f"SELECT id, ({review_vector_sql()})::text FROM reviews_review AS review WHERE id = ANY(%s)"  # noqa: S608
    return _rows(sql, review_ids)


def words_by_weight(vector: str) -> dict:
    """A tsvector's text as its lexemes per weight's field, each repeated once per occurrence."""
    found = {name: [] for name in WEIGHTS}
    a, b, c, d = found.values()
    for quoted, positions in LEXEME.findall(vector):
        lexeme = lexeme_text(quoted) if ("'" in quoted or "\\" in quoted) else quoted
        if not positions:  # a lexeme without positions counts once, with weight D
            d.append(lexeme)
            continue
        for position in positions.split(","):
            weight = position[-1]
            (a if weight == "A" else b if weight == "B" else c if weight == "C" else d).append(lexeme)
    return {name: " ".join(words) for name, words in found.items() if words}


def _documents(review_ids):
    """The index's documents for the findings of ``review_ids`` that have a search vector."""
    seen = {
        f"seen_{n}": Case(When(audience_q(reader), then=Value(True)), default=Value(False))
        for n, reader in enumerate(AUDIENCES)
    }
    reviews = {
        pk: (kind, year, published, [reader for reader, yes in zip(AUDIENCES, flags, strict=True) if yes])
        for pk, kind, year, published, *flags in Review.objects.filter(pk__in=review_ids)
        .annotate(year_of=ExtractYear("published_on"), **seen)
        .values_list("pk", "kind", "year_of", "published_on", *seen)
    }
    around = {pk: words_by_weight(vector) for pk, vector in _review_vectors(review_ids)}
    tags = {"themes": {}, "services": {}}
    for name, lessons in tags.items():
        through = getattr(Lesson, name).through.objects.filter(lesson__review_id__in=review_ids)
        for lesson_id, tag_id in through.values_list("lesson_id", f"{name[:-1]}_id"):
            lessons.setdefault(lesson_id, []).append(tag_id)
    for key, model in FINDING_MODELS.items():
        for finding_id, review_id, own in _own_vectors(model, review_ids):
            kind, year, published, readers = reviews[review_id]
            document = tantivy.Document()
            words = words_by_weight(own)
            for name, review_words in around[review_id].items():
                words[name] = f"{words[name]} {review_words}" if name in words else review_words
            for name, text in words.items():
                document.add_text(name, text)
            each = " ".join({word for text in words.values() for word in text.split()})
            for reader in (Audience.STAFF, *readers):
                document.add_text(WORDS[reader], each)
            for reader in readers:
                document.add_text("seen_by", reader)
            document.add_unsigned("seen", sum(SEEN_BITS[reader] for reader in readers))
            document.add_text("kind", key)
            document.add_text("review_kind", kind)
            document.add_text("cell", cell(kind, year, key))
            document.add_unsigned("review", review_id)
            document.add_unsigned("year", year or 0)
            document.add_integer("published", published.toordinal() if published else -1)
            if model is Lesson:
                for name, lessons in tags.items():
                    for tag_id in lessons.get(finding_id, ()):
                        document.add_text("tags", tag(name[:-1], tag_id))
            yield document


# --- Reading it ----------------------------------------------------------------------------------

_open = {}  # folder -> (label, tantivy.Index): each process opens the index once


def searcher(version: str):
    """A searcher of the index at ``version``; None where there is none or it is behind."""
    place = folder()
    if place is None:
        return None
    label = label_read(place)
    if label is None or label["version"] != version:
        if settings.BACKGROUND_WORKER:  # never built inside a reader's request
            index_update_queue()
        return None
    kept = _open.get(place)
    if kept is None:
        kept = (label, tantivy.Index.open(str(place)))
    elif kept[0] != label:
        kept[1].reload()  # committed before the label was written
        kept = (label, kept[1])
    _open[place] = kept
    return kept[1].searcher()
