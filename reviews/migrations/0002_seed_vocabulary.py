from django.db import migrations
from django.utils.text import slugify

from reviews.vocabulary import OWNER_GROUPS, SERVICES, THEMES


def seed(apps, schema_editor):
    Theme = apps.get_model("reviews", "Theme")
    Service = apps.get_model("reviews", "Service")
    OwnerGroup = apps.get_model("reviews", "OwnerGroup")
    for name in THEMES:
        Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    for name in SERVICES:
        Service.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    for position, name in enumerate(OWNER_GROUPS):
        OwnerGroup.objects.get_or_create(name=name, defaults={"order": position * 10})


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
