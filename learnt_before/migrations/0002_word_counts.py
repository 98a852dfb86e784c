from collections import Counter

from django.db import migrations, models

from learnt_before.words import significant_words


def count_words(apps, schema_editor):
    """Count the words of the lessons already entered: rarity weighs in every score from now on."""
    Lesson = apps.get_model("reviews", "Lesson")
    WordCount = apps.get_model("learnt_before", "WordCount")
    counts = Counter()
    lessons = 0
    for text in Lesson.objects.order_by().values_list("text", flat=True).iterator(chunk_size=2000):
        counts.update(significant_words(text))
        lessons += 1
    counts[""] = lessons  # the row of no particular word counts every lesson
    WordCount.objects.bulk_create((WordCount(word=w, lessons=n) for w, n in counts.items()), batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("learnt_before", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="WordCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(blank=True, max_length=40, unique=True)),
                ("lessons", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(count_words, migrations.RunPython.noop, elidable=True),
    ]
