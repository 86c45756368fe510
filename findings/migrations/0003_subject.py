"""Findings, interview reports and verifications belong to one audited party (`subject`)."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0004_subject'),
        ('findings', '0002_reminders_and_rule_order'),
        ('regions', '0003_subject'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='finding',
            name='subject',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='findings', to='regions.subject'),
        ),
        migrations.AddField(
            model_name='historicalfinding',
            name='subject',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regions.subject'),
        ),
        migrations.AddField(
            model_name='historicalinterviewreport',
            name='subject',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regions.subject'),
        ),
        migrations.AddField(
            model_name='historicalverification',
            name='subject',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regions.subject'),
        ),
        migrations.AddField(
            model_name='interviewreport',
            name='subject',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='interview_reports', to='regions.subject'),
        ),
        migrations.AddField(
            model_name='verification',
            name='subject',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='verifications', to='regions.subject'),
        ),
    ]
