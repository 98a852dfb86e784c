from django.db import migrations


def create_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_history_and_publication"),
        ("reviews", "0004_history_and_publication"),
        ("briefings", "0002_publication_and_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
