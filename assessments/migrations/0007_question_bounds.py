"""Number questions get bounds (min, max, whole) from their definition; the questions already loaded get them
from the bundled files, and a questionnaire loaded from a file that differs only by these rules keeps its hash,
so loading the file again changes nothing."""

from django.db import migrations, models

# Since the framework became a package (framework/packages/), a new database gets its framework and questionnaires
# after `migrate` (assessments.packages.bundled_packages_load); a database migrated before ran this step then.


def fill_bounds(apps, schema_editor):
    pass


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0006_subject_required'),
    ]

    operations = [
        migrations.AddField(
            model_name='question',
            name='max_value',
            field=models.DecimalField(blank=True, decimal_places=3, max_digits=15, null=True, verbose_name='grootste waarde'),
        ),
        migrations.AddField(
            model_name='question',
            name='min_value',
            field=models.DecimalField(blank=True, decimal_places=3, max_digits=15, null=True, verbose_name='kleinste waarde'),
        ),
        migrations.AddField(
            model_name='question',
            name='whole',
            field=models.BooleanField(default=False, verbose_name='alleen gehele getallen'),
        ),
        migrations.AddConstraint(
            model_name='question',
            constraint=models.CheckConstraint(condition=models.Q(('min_value__isnull', True), ('max_value__isnull', True), ('min_value__lte', models.F('max_value')), _connector='OR'), name='question_bounds_ordered'),
        ),
        migrations.RunPython(fill_bounds, migrations.RunPython.noop),
    ]
