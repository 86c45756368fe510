"""Load the questionnaire definitions in assessments/questionnaires/ (2006, 2009, 2013)."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.definitions import bundled_load

    bundled_load(get_model=apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_framework")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
