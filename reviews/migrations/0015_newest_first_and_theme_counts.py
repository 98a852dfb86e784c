from django.db import migrations

# The library's order (reviews/library.py NEWEST_FIRST) with the columns of the visibility rule,
# so that the newest reviews any audience may see are read from the index alone. PostgreSQL
# only: SQLite's indexes take no NULLS LAST, and its libraries are small.
INDEX = "review_newest_first"
CREATE = f"""
    CREATE INDEX IF NOT EXISTS {INDEX} ON reviews_review
    (published_on DESC NULLS LAST, id DESC, state, visibility)
"""


def newest_first_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def no_newest_first_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def count_every_review(apps, schema_editor):
    # Every review counted once, with the current code: the counts are what the library reads
    # today (only ids, states, kinds, dates and tags are read, so later fields do not matter).
    # The content version is not raised: its later fields do not exist yet.
    from reviews.caching import library_counts_rebuild  # noqa: PLC0415

    library_counts_rebuild(version=False)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0014_library_counts"),
    ]

    operations = [
        migrations.RunPython(newest_first_index, no_newest_first_index),
        migrations.RunPython(count_every_review, migrations.RunPython.noop),
    ]
