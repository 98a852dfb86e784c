from django.db import migrations


def create_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    """The board's roles as permission groups (accounts/roles.py); a later change of a role's
    permissions is a new migration calling ``roles_sync`` again."""

    dependencies = [
        ("accounts", "0001_initial"),
        ("reviews", "0002_seed_vocabulary"),
        ("briefings", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
