"""The assessment framework of the 2013 report (chapter 2.3 and 3) and the three audit rounds."""

from django.db import migrations

# Since the framework became a package (framework/packages/), a new database gets its framework and questionnaires
# after `migrate` (assessments.packages.bundled_packages_load); a database migrated before ran this step then.


def load(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
