"""The criteria and the framework keys of the questions already loaded (criterion, norm_section, signal, help_en,
unit_en) come from the bundled files through assessments.definitions.framework_fill, which then loads the bundled
definitions, so a database migrated before the definitions gained their new questions has them too. (Apart from
0011: the schema's deferred indexes cannot be built after data changes in the same transaction.)"""

from django.db import migrations

# Since the framework became a package (framework/packages/), a new database gets its framework and questionnaires
# after `migrate` (assessments.packages.bundled_packages_load); a database migrated before ran this step then.


def fill_framework(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("assessments", "0011_framework_criteria")]
    operations = [migrations.RunPython(fill_framework, migrations.RunPython.noop)]
