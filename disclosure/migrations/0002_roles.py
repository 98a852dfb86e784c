from django.db import migrations


def sync_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure", "0001_initial"),
        ("accounts", "0003_data_entry"),
        ("reviews", "0011_review_what_to_do_contact_public_note"),
        ("briefings", "0004_newsletter_themes"),
        ("actions", "0007_roles_dissemination"),
        ("cases", "0002_roles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
