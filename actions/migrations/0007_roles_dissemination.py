from django.db import migrations


def sync_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [("actions", "0006_dissemination")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
