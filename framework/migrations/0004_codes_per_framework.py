"""Codes unique within their framework only; every theme, factor, criterion and round belongs to a framework."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('framework', '0003_adopt'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='round',
            options={'ordering': ['year', 'framework_id'], 'verbose_name': 'meting', 'verbose_name_plural': 'metingen'},
        ),
        migrations.AlterModelOptions(
            name='successfactor',
            options={'ordering': ['framework', 'order', 'code'], 'verbose_name': 'kritische succesfactor', 'verbose_name_plural': 'kritische succesfactoren'},
        ),
        migrations.AlterModelOptions(
            name='theme',
            options={'ordering': ['framework', 'number'], 'verbose_name': 'thema', 'verbose_name_plural': "thema's"},
        ),
        migrations.AlterField(
            model_name='criterion',
            name='code',
            field=models.CharField(max_length=16, verbose_name='code'),
        ),
        migrations.AlterField(
            model_name='criterion',
            name='framework',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='framework.framework', verbose_name='toetsingskader'),
        ),
        migrations.AlterField(
            model_name='round',
            name='code',
            field=models.CharField(editable=False, max_length=32, unique=True, verbose_name='code'),
        ),
        migrations.AlterField(
            model_name='round',
            name='framework',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rounds', to='framework.framework', verbose_name='toetsingskader'),
        ),
        migrations.AlterField(
            model_name='round',
            name='year',
            field=models.PositiveSmallIntegerField(verbose_name='jaar'),
        ),
        migrations.AlterField(
            model_name='successfactor',
            name='code',
            field=models.CharField(max_length=8, verbose_name='code'),
        ),
        migrations.AlterField(
            model_name='successfactor',
            name='framework',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='success_factors', to='framework.framework', verbose_name='toetsingskader'),
        ),
        migrations.AlterField(
            model_name='theme',
            name='framework',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='themes', to='framework.framework', verbose_name='toetsingskader'),
        ),
        migrations.AlterField(
            model_name='theme',
            name='number',
            field=models.PositiveSmallIntegerField(verbose_name='nummer'),
        ),
        migrations.AddConstraint(
            model_name='criterion',
            constraint=models.UniqueConstraint(fields=('framework', 'code'), name='criterion_code_per_framework'),
        ),
        migrations.AddConstraint(
            model_name='round',
            constraint=models.UniqueConstraint(fields=('framework', 'year'), name='round_year_per_framework'),
        ),
        migrations.AddConstraint(
            model_name='successfactor',
            constraint=models.UniqueConstraint(fields=('framework', 'code'), name='factor_code_per_framework'),
        ),
        migrations.AddConstraint(
            model_name='theme',
            constraint=models.UniqueConstraint(fields=('framework', 'number'), name='theme_number_per_framework'),
        ),
    ]
