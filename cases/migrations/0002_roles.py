import contextlib

from django.db import migrations


def sync_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    Permission = apps.get_model("auth", "Permission")
    # A role may list a permission of another app's model whose migration runs after this one.
    # That app's own roles migration then runs after this app's models exist, so it gives every
    # role its permissions, these included.
    with contextlib.suppress(Permission.DoesNotExist):
        roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("accounts", "0003_data_entry"),
        ("reviews", "0010_recommendation_progress"),
        ("briefings", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
