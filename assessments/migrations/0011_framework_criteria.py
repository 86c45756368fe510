"""Criteria per success factor (assessments/questionnaires/criteria.yaml) and the framework keys of a question
(criterion, norm_section, signal, help_en, unit_en); 0012 fills them."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0010_2013_reconstructed'),
    ]

    operations = [
        migrations.AddField(
            model_name='question',
            name='help_en',
            field=models.TextField(blank=True, verbose_name='toelichting (Engels)'),
        ),
        migrations.AddField(
            model_name='question',
            name='norm_section',
            field=models.CharField(blank=True, max_length=16, verbose_name='paragraaf van de norm'),
        ),
        migrations.AddField(
            model_name='question',
            name='signal',
            field=models.JSONField(blank=True, null=True, verbose_name='signaal'),
        ),
        migrations.AddField(
            model_name='question',
            name='unit_en',
            field=models.CharField(blank=True, max_length=30, verbose_name='eenheid (Engels)'),
        ),
        migrations.CreateModel(
            name='Criterion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=16, unique=True, verbose_name='code')),
                ('section', models.CharField(max_length=16, verbose_name='paragraaf')),
                ('text', models.TextField(verbose_name='criterium')),
                ('text_en', models.TextField(blank=True, verbose_name='criterium (Engels)')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('success_factor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='criteria', to='assessments.successfactor', verbose_name='kritische succesfactor')),
            ],
            options={
                'verbose_name': 'criterium',
                'verbose_name_plural': 'criteria',
                'ordering': ['order', 'code'],
            },
        ),
        migrations.AddField(
            model_name='question',
            name='criterion',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='questions', to='assessments.criterion', verbose_name='criterium'),
        ),
    ]
