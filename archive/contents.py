"""What a board archive holds: every model of every installed app, except a short list left out on purpose.

New apps are included without being named here: the list below is of what is *not* archived,
each with the reason, so that leaving something out is always a decision.
"""

from django.apps import apps
from django.core import serializers

FORMAT = "lscb-board-archive"
# Raised when the layout of the archive changes (files, manifest keys, how values are written),
# not when a model gains a field: the migration state in the manifest covers that.
FORMAT_VERSION = 1

LEFT_OUT = {
    "sessions.session": "sign-ins of this server: people sign in again after a restore",
    "axes.accessattempt": "failed sign-ins and lock-outs of this server: security records, not the board's",
    "axes.accessattemptexpiration": "part of the lock-out records above",
    "axes.accesslog": "sign-in log of this server: kept by the server, not carried to another",
    "axes.accessfailurelog": "failed sign-in log of this server",
    "django_tasks_database.dbtaskresult": "the queue of background work (PDF renderings, e-mails): "
    "queued again as needed",
    "contenttypes.contenttype": "recreated by migrate; references to it are written as natural keys",
    "auth.permission": "recreated by migrate; references to it are written as natural keys",
    "reviews.contentversion": "a number that makes cached pages stale, not content: raised on import",
    "reviews.reviewtally": "the library's counts, derived from reviews and findings (three times their "
    "size): counted again on import",
    "reviews.facetcount": "the sums of those counts: counted again on import",
    "reviews.searchchange": "what this server's search index has still to read: it reads everything "
    "again after an import",
}

# Models that migrate recreates with ids of its own: a reference to one is written as its
# natural key (app label and model name; codename and content type) and looked up on import.
RECREATED_BY_MIGRATE = ("contenttypes.contenttype", "auth.permission")


def archived_models() -> list:
    """Every concrete model that holds the board's data, in an order that loads (as dumpdata sorts them).

    Proxy models share their concrete model's table and unmanaged ones are not the database's
    own tables, so neither is written. Auto-created many-to-many tables travel inside the
    objects that own them.
    """
    app_list = [
        (config, [m for m in config.get_models() if _archived(m)]) for config in apps.get_app_configs()
    ]
    return serializers.sort_dependencies([entry for entry in app_list if entry[1]], allow_cycles=True)


def _archived(model) -> bool:
    meta = model._meta
    return not meta.proxy and meta.managed and meta.label_lower not in LEFT_OUT


def data_name(model) -> str:
    return f"data/{model._meta.label_lower}.jsonl"


def file_fields(model) -> list:
    from django.db.models import FileField

    return [field for field in model._meta.local_concrete_fields if isinstance(field, FileField)]


def schema_problem(using) -> str:
    """Why this database cannot be archived or restored into as it is, or "" when it can."""
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    connection = connections[using]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return "The database is not fully migrated: run “manage.py migrate” first."
    tables = set(connection.introspection.table_names())
    missing = [model._meta.label for model in archived_models() if model._meta.db_table not in tables]
    if missing:
        return f"The database has no table for {', '.join(missing)}: its migrations are missing."
    return ""
