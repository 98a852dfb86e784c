"""Writing the board's archive: a ZIP of a manifest, one JSON Lines file per model, and the uploaded files.

Each model is written straight into the ZIP from a database cursor, a chunk of rows at a
time, so memory does not grow with the number of reviews. On PostgreSQL the whole export
reads one snapshot (a repeatable-read, read-only transaction): an officer saving a review
meanwhile cannot leave the archive with a finding whose review is missing.
"""

import datetime
import io
import itertools
import json
import logging
import os
import tomllib
import zipfile
from collections import defaultdict

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Prefetch

from archive.contents import (
    FORMAT,
    FORMAT_VERSION,
    LEFT_OUT,
    RECREATED_BY_MIGRATE,
    archived_models,
    data_name,
    file_fields,
    schema_problem,
)
from archive.serialization import serialize

logger = logging.getLogger(__name__)

CHUNK = 2000
MANIFEST = "manifest.json"
MEDIA = "media/"


class SchemaProblem(Exception):
    pass


def application_version() -> str:
    """The project's version as pyproject.toml states it (the code is not installed as a package)."""
    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as project:
            return tomllib.load(project)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def migration_state(using=DEFAULT_DB_ALIAS) -> dict:
    """The latest applied migration of each app, by name (migration names are numbered in order)."""
    latest = {}
    for app_label, name in MigrationRecorder(connections[using]).applied_migrations():
        if name > latest.get(app_label, ""):
            latest[app_label] = name
    return dict(sorted(latest.items()))


def rows(model, using):
    """Every row of ``model`` in id order, with what the serializer reads of its relations fetched alongside.

    Many-to-many links are read from their tables as pairs of ids, a chunk of rows at a
    time (``links``): building the linked objects cost more than writing everything else.
    """
    meta = model._meta
    queryset = model._base_manager.using(using).order_by(meta.pk.attname)
    natural = [
        field.name
        for field in meta.local_concrete_fields
        if field.remote_field and field.remote_field.model._meta.label_lower in RECREATED_BY_MIGRATE
    ]
    if natural:
        queryset = queryset.select_related(*natural)
    plain = []
    for field in meta.local_many_to_many:
        if not field.remote_field.through._meta.auto_created:
            continue
        if field.remote_field.model._meta.label_lower in RECREATED_BY_MIGRATE:
            linked = _linked(field.remote_field.model)
            queryset = queryset.prefetch_related(Prefetch(field.name, queryset=linked))
        else:
            plain.append(field)
    rows = queryset.iterator(chunk_size=CHUNK)
    if not plain:
        yield from rows
        return
    for chunk in itertools.batched(rows, CHUNK):
        for field in plain:
            links = _links(field, chunk[0].pk, chunk[-1].pk, using)
            for row in chunk:
                row.__dict__.setdefault("archive_links", {})[field.name] = links.get(row.pk, [])
        yield from chunk


def _links(field, first, last, using) -> dict:
    """{row id: [linked ids]} for the rows with ids from ``first`` to ``last`` (a chunk in id order)."""
    through = field.remote_field.through
    source = through._meta.get_field(field.m2m_field_name()).attname
    target = through._meta.get_field(field.m2m_reverse_field_name()).attname
    pairs = (
        through._base_manager.using(using)
        .filter(**{f"{source}__gte": first, f"{source}__lte": last})
        .values_list(source, target)
    )
    links = defaultdict(list)
    for row, other in pairs:
        links[row].append(other)
    return links


def _linked(model):
    """What a many-to-many list needs of the rows it links to: their ids, or their natural keys."""
    if model._meta.label_lower not in RECREATED_BY_MIGRATE:
        return model._base_manager.only("pk").order_by()
    return model._base_manager.order_by().select_related(
        *(f.name for f in model._meta.concrete_fields if f.many_to_one)
    )


def board_export(*, target, using=DEFAULT_DB_ALIAS, now=None) -> dict:
    """Write the archive to ``target`` (a path or a binary file); return its manifest.

    A path is written under a temporary name and renamed when complete, so a failed export
    never leaves a file that looks like an archive. Raises ``SchemaProblem`` for a database
    that does not match the code (not migrated): its rows could not be read faithfully.
    """
    problem = schema_problem(using)
    if problem:
        raise SchemaProblem(problem)
    if isinstance(target, (str, os.PathLike)):
        partial = f"{os.fspath(target)}.partial"
        try:
            manifest = _export(partial, using, now)
            os.replace(partial, target)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return manifest
    return _export(target, using, now)


def _export(target, using, now) -> dict:
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            # Only the first statement of a transaction may choose its snapshot; inside a caller's
            # transaction, that transaction's snapshot is the one read.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            models = _write_data(archive, using)
            files = _write_files(archive, using)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "application_version": application_version(),
                "created_at": (now or datetime.datetime.now(datetime.UTC)).isoformat(),
                "database": connection.vendor,
                "migrations": migration_state(using),
                "models": models,
                "files": files,
                "left_out": dict(sorted(LEFT_OUT.items())),
            }
            archive.writestr(MANIFEST, _json(manifest))
    return manifest


def _write_data(archive, using) -> list:
    written = []
    for model in archived_models():
        name = data_name(model)
        with archive.open(name, "w", force_zip64=True) as raw:
            stream = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
            counted = _Counter(stream)
            serialize(rows(model, using), counted)
            stream.flush()
            stream.detach()
        written.append({"model": model._meta.label_lower, "file": name, "count": counted.lines})
    return written


def _write_files(archive, using) -> dict:
    """Copy every uploaded file a row refers to, read through its field's storage (folder or object store)."""
    seen, missing, size = set(), [], 0
    for model in archived_models():
        for field in file_fields(model):
            names = (
                model._base_manager.using(using)
                .exclude(**{field.attname: ""})
                .exclude(**{f"{field.attname}__isnull": True})
                .order_by(field.attname)
                .values_list(field.attname, flat=True)
                .distinct()
                .iterator(chunk_size=CHUNK)
            )
            for name in names:
                if name in seen:
                    continue
                seen.add(name)
                try:
                    source = field.storage.open(name, "rb")
                except (FileNotFoundError, OSError):
                    logger.warning("%s refers to %s, not in the storage", model._meta.label, name)
                    missing.append(name)
                    continue
                with source, archive.open(MEDIA + name, "w", force_zip64=True) as copy:
                    while chunk := source.read(1024 * 1024):
                        copy.write(chunk)
                        size += len(chunk)
    return {"count": len(seen) - len(missing), "bytes": size, "missing": sorted(missing)}


class _Counter:
    """Counts the objects written (one a line) on their way into the archive."""

    def __init__(self, stream):
        self.stream, self.lines = stream, 0

    def write(self, text):
        self.lines += text.count("\n")
        return self.stream.write(text)


def _json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
