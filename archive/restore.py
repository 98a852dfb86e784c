"""Restoring a board from its archive into an empty, migrated database, in one transaction.

Rows are inserted as ``loaddata`` inserts them (raw: no signals, no history rows, dates kept
as written), but a batch at a time rather than one statement per row. What the signals would
have done is then done once for everything: the findings' search vectors are rebuilt, the
library's counts are counted again, the content version of cached pages is raised, and
PostgreSQL's id sequences are moved past the restored ids. Uploaded files are written through
each field's storage; if anything fails, the transaction is rolled back and the files written
so far are deleted: nothing is half restored.
"""

import io
import json
import logging
import zipfile

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from archive.contents import FORMAT, FORMAT_VERSION, archived_models, file_fields, schema_problem
from archive.export import MANIFEST, MEDIA
from archive.serialization import NaturalKeys, deserialize
from reviews.caching import library_counts_rebuild
from reviews.models import Review
from reviews.search import finding_search_vectors_update

logger = logging.getLogger(__name__)

BATCH = 1000


class ArchiveRefused(Exception):
    """Why an archive cannot be restored here, in plain words. Nothing was written."""


def board_import(*, source, using=DEFAULT_DB_ALIAS, replace=False) -> dict:
    """Restore the archive ``source`` (a path or a binary file); return the rows per model and the files.

    Refuses a database that already holds reviews or user accounts unless ``replace``: then
    everything the archive covers is deleted first, in the same transaction.
    """
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise ArchiveRefused(
            f"This is not a board archive: it cannot be opened as a ZIP file ({error})."
        ) from (error)
    with archive:
        manifest = manifest_read(archive)
        migrations_check(manifest, using)
        if not replace:
            emptiness_check(using)
        written_files = []
        # Content types are looked up by natural key through a cache of this process: it may
        # hold the ids of the database as it was before migrate or a flush.
        ContentType.objects.clear_cache()
        try:
            with transaction.atomic(using=using):
                tables_empty(using)
                counts = _load(archive, manifest, using)
                counts["files"] = _restore_files(archive, manifest, using, written_files)
                _rebuild(manifest, using)
        except (zipfile.BadZipFile, DeserializationError, DatabaseError, ValueError, EOFError) as error:
            _forget(written_files)
            raise ArchiveRefused(f"The archive could not be restored, and nothing was: {error}") from error
        except BaseException:
            _forget(written_files)
            raise
    return counts


def manifest_read(archive) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as error:
        raise ArchiveRefused(f"This ZIP file is not a board archive: it has no {MANIFEST}.") from error
    except (ValueError, zipfile.BadZipFile, EOFError) as error:
        raise ArchiveRefused(f"The archive's {MANIFEST} is damaged ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveRefused(f"This ZIP file is not a board archive: its {MANIFEST} does not say “{FORMAT}”.")
    entries = manifest.get("models")
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and {"model", "file", "count"} <= entry.keys() for entry in entries
    ):
        raise ArchiveRefused(f"The archive's {MANIFEST} is damaged: its list of models cannot be read.")
    found = manifest.get("format_version")
    if found != FORMAT_VERSION:
        newer = isinstance(found, int) and found > FORMAT_VERSION
        raise ArchiveRefused(
            f"The archive is in format version {found!r}, and this installation reads version "
            f"{FORMAT_VERSION} only"
            + (": it was made by a newer version of the software; update this one first." if newer else ".")
        )
    return manifest


def migrations_check(manifest: dict, using) -> None:
    """Refuse an archive made by newer code than this, or a database not yet migrated."""
    problem = schema_problem(using)
    if problem:
        raise ArchiveRefused(problem)
    applied = MigrationRecorder(connections[using]).applied_migrations()
    recorded = sorted(manifest.get("migrations", {}).items())
    newer = [f"{app}.{name}" for app, name in recorded if (app, name) not in applied]
    if newer:
        raise ArchiveRefused(
            "The archive was made by a newer version of the software: its data has migrations this "
            f"database does not ({', '.join(newer)}). Install that version, migrate, then import."
        )


def emptiness_check(using) -> None:
    held = {
        "reviews": Review.objects.using(using).count(),
        "user accounts": get_user_model()._base_manager.using(using).count(),
    }
    if any(held.values()):
        counted = " and ".join(f"{count} {what if count != 1 else what[:-1]}" for what, count in held.items())
        raise ArchiveRefused(
            f"The database already holds {counted}. An archive is restored into an empty, migrated "
            "database; to delete everything this one holds and restore the archive in its place, "
            "run the import again with --replace."
        )


def tables_empty(using) -> None:
    """Delete what the archive replaces (and every sign-in): migrate's own seeds of lists and roles too."""
    connection = connections[using]
    tables = set()
    for model in archived_models():
        tables.add(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            tables.add(field.remote_field.through._meta.db_table)
    if apps.is_installed("django.contrib.sessions"):
        tables.add(apps.get_model("sessions", "Session")._meta.db_table)
    statements = connection.ops.sql_flush(no_style(), sorted(tables), reset_sequences=False)
    # PostgreSQL will not empty a table with deferred checks still pending in this transaction:
    # run them now.
    connection.check_constraints()
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _load(archive, manifest: dict, using) -> dict:
    counts, natural_keys = {}, NaturalKeys(using)
    for entry in manifest.get("models", []):
        try:
            model = apps.get_model(entry["model"])
        except LookupError as error:
            raise ArchiveRefused(
                f"The archive holds {entry['model']}, which this installation does not have."
            ) from error
        try:
            raw = archive.open(entry["file"])
        except KeyError as error:
            raise ArchiveRefused(f"The archive lists {entry['file']} but does not hold it.") from error
        with raw, io.TextIOWrapper(raw, encoding="utf-8") as stream:
            loaded = _load_model(model, deserialize(stream, using=using, natural_keys=natural_keys), using)
        if loaded != entry.get("count"):
            raise ArchiveRefused(
                f"{entry['file']} holds {loaded} rows where the manifest counts {entry.get('count')}: "
                "the archive is incomplete."
            )
        counts[model._meta.label_lower] = loaded
    return counts


def _load_model(model, objects, using) -> int:
    loaded, batch, links = 0, [], {}
    for item in objects:
        if type(item.object) is not model or item.deferred_fields:
            raise ArchiveRefused(
                f"The data of {model._meta.label_lower} holds a row it cannot restore: {item}"
            )
        batch.append(item.object)
        for name, values in item.m2m_data.items():
            links.setdefault(name, []).extend((item.object.pk, value) for value in values)
        if len(batch) >= BATCH:
            loaded += _insert(model, batch, links, using)
            batch, links = [], {}
    return loaded + _insert(model, batch, links, using)


def _insert(model, objects, links, using) -> int:
    """Insert rows with their ids and dates as written (raw, as loaddata's save does), then their links."""
    if not objects:
        return 0
    connection = connections[using]
    fields = [field for field in model._meta.local_concrete_fields if not field.generated]
    size = max(connection.ops.bulk_batch_size(fields, objects), 1)
    manager = model._base_manager.using(using)
    for start in range(0, len(objects), size):
        # QuerySet._insert with raw=True is what Model.save_base(raw=True) calls: bulk_create would
        # stamp auto_now dates with the time of the restore.
        manager._insert(objects[start : start + size], fields=fields, raw=True, using=using)
    for name, pairs in links.items():
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source = through._meta.get_field(field.m2m_field_name()).attname
        target = through._meta.get_field(field.m2m_reverse_field_name()).attname
        through._base_manager.using(using).bulk_create(
            [through(**{source: owner, target: other}) for owner, other in pairs], batch_size=BATCH
        )
    return len(objects)


def _restore_files(archive, manifest: dict, using, written: list) -> int:
    held = set(archive.namelist())
    restored = 0
    for entry in manifest.get("models", []):
        model = apps.get_model(entry["model"])
        for field in file_fields(model):
            names = (
                model._base_manager.using(using)
                .exclude(**{field.attname: ""})
                .exclude(**{f"{field.attname}__isnull": True})
                .values_list(field.attname, flat=True)
                .distinct()
            )
            for name in names.iterator():
                if MEDIA + name not in held:
                    logger.warning("%s refers to %s, not in the archive", model._meta.label, name)
                    continue
                restored += _restore_file(field.storage, name, archive.read(MEDIA + name), written)
    return restored


def _restore_file(storage, name: str, content: bytes, written: list) -> int:
    if storage.exists(name):
        with storage.open(name, "rb") as kept:
            if kept.read() == content:
                return 1
        storage.delete(name)
    saved = storage.save(name, ContentFile(content))
    written.append((storage, saved))
    if saved != name:
        raise ArchiveRefused(f"The storage kept {name} as {saved}: the restored rows would not find it.")
    return 1


def _rebuild(manifest: dict, using) -> None:
    """What the signals of the rows' saves would have done, once for everything."""
    connection = connections[using]
    models = [apps.get_model(entry["model"]) for entry in manifest.get("models", [])]
    connection.check_constraints(table_names=[model._meta.db_table for model in models])
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    finding_search_vectors_update()
    library_counts_rebuild()  # raises the content version too
    # The cache may hold pages of a board this database held before, under the same content
    # version number: a restore is rare, and drops it all once it has committed.
    transaction.on_commit(cache.clear, using=using)


def _forget(written: list) -> None:
    for storage, name in written:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not delete %s after a failed restore", name)
