"""The questionnaires already loaded get their indicator sentences and bands from the bundled files; a
questionnaire loaded from a file that differs only by these keys keeps its hash, so loading the file again
changes nothing (as 0007 did for the bounds)."""

from django.db import migrations


def fill_indicators(apps, schema_editor):
    from assessments.definitions import INDICATOR_KEYS, _indicator, bundled_fill

    bundled_fill(INDICATOR_KEYS, _indicator, apps.get_model)


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0008_question_indicator"),
    ]

    operations = [
        migrations.RunPython(fill_indicators, migrations.RunPython.noop),
    ]
