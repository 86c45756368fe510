"""The 2013 questionnaires are reconstructions too: the report does not publish its questionnaire. The versions
already loaded are marked so, and keep their hash, so loading the bundled files again changes nothing."""

from django.db import migrations

# Since the framework became a package (framework/packages/), a new database gets its framework and questionnaires
# after `migrate` (assessments.packages.bundled_packages_load); a database migrated before ran this step then.


def mark_reconstructed(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("assessments", "0009_question_indicators")]
    operations = [migrations.RunPython(mark_reconstructed, migrations.RunPython.noop)]
