"""One audited-party concept: a Subject for every region and brigade, and the Defence directorates."""

import django.db.models.deletion
from django.db import migrations, models


# The directorates of the Defence staff that the inspectors also interview.
DIRECTORATES = [("DOPS", "Directie Operaties (DOPS)"), ("DJZ", "Directie Juridische Zaken (DJZ)")]


def create_subjects(apps, schema_editor):
    Subject = apps.get_model("regions", "Subject")
    for region in apps.get_model("regions", "Region").objects.order_by("code"):
        Subject.objects.update_or_create(
            code=region.code,
            defaults={"kind": "region", "name": region.name, "region": region, "order": int(region.code[2:])},
        )
    for brigade in apps.get_model("regions", "Brigade").objects.order_by("number"):
        Subject.objects.update_or_create(
            code=f"B{brigade.number}",
            defaults={"kind": "brigade", "name": brigade.name, "brigade": brigade, "order": 100 + brigade.number},
        )
    for index, (code, name) in enumerate(DIRECTORATES):
        Subject.objects.update_or_create(code=code, defaults={"kind": "directorate", "name": name, "order": 200 + index})


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0002_reference_data'),
    ]

    operations = [
        migrations.CreateModel(
            name='Subject',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('region', 'veiligheidsregio'), ('brigade', 'brigade'), ('directorate', 'directie')], max_length=12, verbose_name='soort')),
                ('code', models.CharField(max_length=8, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=150, verbose_name='naam')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                ('brigade', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='subject', to='regions.brigade', verbose_name='brigade')),
                ('region', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='subject', to='regions.region', verbose_name='veiligheidsregio')),
            ],
            options={
                'verbose_name': 'geauditeerde partij',
                'verbose_name_plural': 'geauditeerde partijen',
                'ordering': ['order', 'code'],
                'constraints': [models.CheckConstraint(condition=models.Q(('code__regex', '^(VR[0-9]{2}|B[0-9]{2}|[A-Z]{2,8})$')), name='subject_code_format'), models.CheckConstraint(condition=models.Q(models.Q(('brigade__isnull', True), ('kind', 'region'), ('region__isnull', False)), models.Q(('brigade__isnull', False), ('kind', 'brigade'), ('region__isnull', True)), models.Q(('brigade__isnull', True), ('kind', 'directorate'), ('region__isnull', True)), _connector='OR'), name='subject_kind_matches_link')],
            },
        ),
        migrations.RunPython(create_subjects, migrations.RunPython.noop),
    ]
