"""Every row belongs to one audited party; the region and brigade columns go."""

import django.db.models.deletion  # noqa: F401
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_subject_fill")]
    operations = [
        migrations.RemoveConstraint(
            model_name='assessment',
            name='assessment_region_xor_brigade',
        ),
        migrations.RemoveConstraint(
            model_name='assessment',
            name='assessment_one_per_region_round',
        ),
        migrations.RemoveConstraint(
            model_name='assessment',
            name='assessment_one_per_brigade_round',
        ),
        migrations.RemoveField(
            model_name='assessment',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='assessment',
            name='region',
        ),
        migrations.RenameField(model_name="successfactor", old_name="subject", new_name="subject_kind"),
        migrations.AlterField(
            model_name='successfactor',
            name='subject_kind',
            field=models.CharField(choices=[('region', 'veiligheidsregio'), ('brigade', 'brigade'), ('directorate', 'directie')], default='region', max_length=12, verbose_name='beoordeelt'),
        ),
        migrations.AlterField(
            model_name='questionnaire',
            name='audience',
            field=models.CharField(choices=[('region', 'veiligheidsregio'), ('brigade', 'brigade'), ('directorate', 'directie')], max_length=12, verbose_name='doelgroep'),
        ),
        migrations.AlterField(
            model_name='assessment',
            name='subject',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assessments', to='regions.subject', verbose_name='geauditeerde partij'),
        ),
        migrations.AddConstraint(
            model_name='assessment',
            constraint=models.UniqueConstraint(fields=('round', 'subject'), name='assessment_one_per_subject_round'),
        ),
            migrations.AddConstraint(
            model_name="round",
            constraint=models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(status="closed"), name="round_published_is_closed"
            ),
        ),
    ]
