from django.db import migrations


def sync_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("accounts", "0003_data_entry"),
        ("reviews", "0010_recommendation_progress"),
        ("briefings", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
