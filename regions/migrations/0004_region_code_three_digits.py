"""Region codes may have three digits (VR100…), so that the scale tests can build a picture of 250 regions."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0003_subject'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='region',
            name='region_code_format',
        ),
        migrations.RemoveConstraint(
            model_name='subject',
            name='subject_code_format',
        ),
        migrations.AlterField(
            model_name='region',
            name='code',
            field=models.CharField(max_length=5, unique=True, verbose_name='code'),
        ),
        migrations.AddConstraint(
            model_name='region',
            constraint=models.CheckConstraint(condition=models.Q(('code__regex', '^VR[0-9]{2,3}$')), name='region_code_format'),
        ),
        migrations.AddConstraint(
            model_name='subject',
            constraint=models.CheckConstraint(condition=models.Q(('code__regex', '^(VR[0-9]{2,3}|B[0-9]{2}|[A-Z]{2,8})$')), name='subject_code_format'),
        ),
    ]
