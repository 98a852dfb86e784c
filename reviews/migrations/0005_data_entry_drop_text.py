from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reviews", "0004_data_entry_practice_areas")]

    operations = [
        migrations.RemoveField(model_name=model, name="practice_area_text")
        for model in ["historicallesson", "historicalpositivefactor", "lesson", "positivefactor"]
    ]
