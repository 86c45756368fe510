"""The questionnaires already loaded get their indicator sentences and bands from the bundled files; a
questionnaire loaded from a file that differs only by these keys keeps its hash, so loading the file again
changes nothing (as 0007 did for the bounds)."""

from django.db import migrations

# Since the framework became a package (framework/packages/), a new database gets its framework and questionnaires
# after `migrate` (assessments.packages.bundled_packages_load); a database migrated before ran this step then.


def fill_indicators(apps, schema_editor):
    pass


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0008_question_indicator"),
    ]

    operations = [
        migrations.RunPython(fill_indicators, migrations.RunPython.noop),
    ]
