from django.db import migrations


def roles_update(apps, schema_editor):
    from accounts.roles import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    """Officers keep practice areas and delete their own drafts; managers create the board profile."""

    dependencies = [
        ("accounts", "0002_roles"),
        ("reviews", "0005_data_entry_drop_text"),
    ]

    operations = [migrations.RunPython(roles_update, migrations.RunPython.noop)]
