"""Number questions get bounds (min, max, whole) from their definition; the questions already loaded get them
from the bundled files, and a questionnaire loaded from a file that differs only by these rules keeps its hash,
so loading the file again changes nothing."""

from django.db import migrations, models


def fill_bounds(apps, schema_editor):
    from assessments.definitions import BOUND_KEYS, _bounds, bundled_files, content_hash, read_definition

    Questionnaire = apps.get_model("assessments", "Questionnaire")
    Question = apps.get_model("assessments", "Question")
    for path in bundled_files():
        data = read_definition(path)
        versions = Questionnaire.objects.filter(round__year=data["round"], audience=data["audience"])
        for spec in data["questions"]:
            if any(key in spec for key in BOUND_KEYS):
                Question.objects.filter(questionnaire__in=versions, code=spec["code"]).update(**_bounds(spec))
        without = {**data, "questions": [{k: v for k, v in q.items() if k not in BOUND_KEYS} for q in data["questions"]]}
        latest = versions.order_by("-version").first()
        if latest is not None and latest.content_hash == content_hash(without):
            latest.content_hash = content_hash(data)
            latest.save(update_fields=["content_hash"])


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
