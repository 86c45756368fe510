"""The contact person of a Defence directorate: a role and the directorate they respond for."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('regions', '0004_region_code_three_digits'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='directorate',
            field=models.ForeignKey(blank=True, limit_choices_to={'kind': 'directorate'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contacts', to='regions.subject', verbose_name='directie'),
        ),
        migrations.AlterField(
            model_name='user',
            name='role',
            field=models.CharField(choices=[('inspector', 'Inspecteur'), ('ovr', 'OVR'), ('contact', 'Contactpersoon veiligheidsregio'), ('rmc', 'RMC'), ('directorate', 'Contactpersoon directie'), ('ministry', 'Ministerie'), ('admin', 'Beheerder')], default='ministry', max_length=16, verbose_name='rol'),
        ),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('role', 'directorate'), _negated=True), ('directorate__isnull', False), _connector='OR'), name='directorate_contact_has_directorate'),
        ),
    ]
