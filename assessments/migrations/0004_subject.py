"""Assessments belong to one audited party (`subject`) instead of a region or a brigade."""


import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0003_load_questionnaires'),
        ('regions', '0003_subject'),
    ]

    operations = [
        migrations.AddField(
            model_name='assessment',
            name='subject',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='assessments', to='regions.subject', verbose_name='geauditeerde partij'),
        ),
    ]
