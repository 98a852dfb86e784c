from django.db import migrations


def sync_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    """Officers and managers add, change and remove a newsletter's links and files."""

    dependencies = [
        ("briefings", "0002_newsletter_links"),
        ("accounts", "0003_data_entry"),
        ("reviews", "0011_review_what_to_do_contact_public_note"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
