from django.db import migrations


def text_to_areas(apps, schema_editor):
    """Each review's distinct practice-area words (ignoring case and spaces) become its areas,
    in order of first mention, good practice first; findings and their history point to them."""
    PracticeArea = apps.get_model("reviews", "PracticeArea")
    areas = {}  # (review id, folded name) -> area id

    def area_id(review_id, text, create):
        name = (text or "").strip()
        if not name:
            return None
        key = (review_id, name.casefold())
        if key not in areas and create:
            order = 10 * (1 + sum(1 for r, _ in areas if r == review_id))
            areas[key] = PracticeArea.objects.create(review_id=review_id, name=name, order=order).pk
        return areas.get(key)

    for model in ["PositiveFactor", "Lesson"]:
        Finding = apps.get_model("reviews", model)
        for finding in Finding.objects.exclude(practice_area_text="").order_by("review_id", "order", "id"):
            finding.practice_area_id = area_id(finding.review_id, finding.practice_area_text, create=True)
            finding.save(update_fields=["practice_area"])
    for model in ["HistoricalPositiveFactor", "HistoricalLesson"]:
        Record = apps.get_model("reviews", model)
        for record in Record.objects.exclude(practice_area_text="").iterator():
            found = area_id(record.review_id, record.practice_area_text, create=False)
            if found:
                Record.objects.filter(pk=record.pk).update(practice_area_id=found)


def areas_to_text(apps, schema_editor):
    for model in ["PositiveFactor", "Lesson"]:
        Finding = apps.get_model("reviews", model)
        for finding in Finding.objects.exclude(practice_area=None).select_related("practice_area"):
            finding.practice_area_text = finding.practice_area.name
            finding.save(update_fields=["practice_area_text"])


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_data_entry")]

    operations = [migrations.RunPython(text_to_areas, areas_to_text)]
