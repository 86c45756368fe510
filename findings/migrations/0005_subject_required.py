"""Every row belongs to one audited party; the region and brigade columns go."""

import django.db.models.deletion  # noqa: F401
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("findings", "0004_subject_fill")]
    operations = [
        migrations.AlterModelOptions(
            name='finding',
            options={'ordering': ['round', 'subject__order', 'success_factor__order'], 'verbose_name': 'bevinding', 'verbose_name_plural': 'bevindingen'},
        ),
        migrations.RemoveConstraint(
            model_name='finding',
            name='finding_region_xor_brigade',
        ),
        migrations.RemoveConstraint(
            model_name='finding',
            name='finding_one_per_region_csf',
        ),
        migrations.RemoveConstraint(
            model_name='finding',
            name='finding_one_per_brigade_csf',
        ),
        migrations.RemoveConstraint(
            model_name='interviewreport',
            name='report_region_xor_brigade',
        ),
        migrations.RemoveConstraint(
            model_name='interviewreport',
            name='report_one_per_region_round',
        ),
        migrations.RemoveConstraint(
            model_name='interviewreport',
            name='report_one_per_brigade_round',
        ),
        migrations.RemoveConstraint(
            model_name='verification',
            name='verification_region_xor_brigade',
        ),
        migrations.RemoveConstraint(
            model_name='verification',
            name='verification_one_per_region_round',
        ),
        migrations.RemoveConstraint(
            model_name='verification',
            name='verification_one_per_brigade_round',
        ),
        migrations.RemoveField(
            model_name='finding',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='finding',
            name='region',
        ),
        migrations.RemoveField(
            model_name='historicalfinding',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='historicalfinding',
            name='region',
        ),
        migrations.RemoveField(
            model_name='historicalinterviewreport',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='historicalinterviewreport',
            name='region',
        ),
        migrations.RemoveField(
            model_name='historicalverification',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='historicalverification',
            name='region',
        ),
        migrations.RemoveField(
            model_name='interviewreport',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='interviewreport',
            name='region',
        ),
        migrations.RemoveField(
            model_name='verification',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='verification',
            name='region',
        ),
        migrations.AlterField(
            model_name='finding',
            name='subject',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='findings', to='regions.subject'),
        ),
        migrations.AlterField(
            model_name='interviewreport',
            name='subject',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='interview_reports', to='regions.subject'),
        ),
        migrations.AlterField(
            model_name='verification',
            name='subject',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='verifications', to='regions.subject'),
        ),
        migrations.AddConstraint(
            model_name='finding',
            constraint=models.UniqueConstraint(fields=('round', 'subject', 'success_factor'), name='finding_one_per_subject_csf'),
        ),
        migrations.AddConstraint(
            model_name='interviewreport',
            constraint=models.UniqueConstraint(fields=('round', 'subject'), name='report_one_per_subject_round'),
        ),
        migrations.AddConstraint(
            model_name='verification',
            constraint=models.UniqueConstraint(fields=('round', 'subject'), name='verification_one_per_subject_round'),
        ),
    ]
