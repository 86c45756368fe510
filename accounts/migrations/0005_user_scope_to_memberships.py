"""The user's regions, brigade and directorate go: regions.0006 carried them over into memberships."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_eventlog'),
        ('regions', '0006_membership'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='user',
            name='rmc_has_brigade',
        ),
        migrations.RemoveConstraint(
            model_name='user',
            name='directorate_contact_has_directorate',
        ),
        migrations.RemoveField(
            model_name='user',
            name='brigade',
        ),
        migrations.RemoveField(
            model_name='user',
            name='directorate',
        ),
        migrations.RemoveField(
            model_name='user',
            name='regions',
        ),
    ]
