"""Load the questionnaire definitions in assessments/questionnaires/ (2006, 2009, 2013)."""

from django.db import migrations

# Since the framework became a package (framework/packages/), a new database gets its framework and questionnaires
# after `migrate` (assessments.packages.bundled_packages_load); a database migrated before ran this step then.


def load(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_framework")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
