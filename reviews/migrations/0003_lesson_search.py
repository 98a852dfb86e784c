import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """A GIN index exists only on PostgreSQL; SQLite keeps the column empty and needs no index."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_seed_vocabulary")]

    operations = [
        migrations.AddField(
            model_name="lesson",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        AddIndexOnPostgreSQL(
            model_name="lesson",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="lesson_search_vector_gin"
            ),
        ),
    ]
