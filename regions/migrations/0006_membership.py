"""One membership per party a person responds for replaces the user's regions, brigade and directorate.

Every account keeps exactly the access it had (regions.policy before and after):
- an OVR or contact person: a membership per region, in their role (a brigade or directorate set on them gave
  nothing and is not carried over);
- an RMC: their brigade, and each region assigned to them explicitly (which they read), in the role rmc;
- a directorate's contact person: their directorate (when it is one), in the role directorate;
- any other role (inspector, ministry, administrator) saw through its role, not its scope: no membership.
accounts.0005 then removes the three fields.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


RESPONDENT_ROLES = ("ovr", "contact", "rmc", "directorate")


def memberships_from_scope(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Subject = apps.get_model("regions", "Subject")
    Membership = apps.get_model("regions", "Membership")
    by_region = dict(Subject.objects.filter(region__isnull=False).values_list("region_id", "pk"))
    by_brigade = dict(Subject.objects.filter(brigade__isnull=False).values_list("brigade_id", "pk"))
    directorates = set(Subject.objects.filter(kind="directorate").values_list("pk", flat=True))
    rows = []
    for user in User.objects.filter(role__in=RESPONDENT_ROLES).prefetch_related("regions").order_by("pk"):
        subjects = []
        if user.role == "rmc" and user.brigade_id:
            subjects.append(by_brigade[user.brigade_id])
        if user.role == "directorate" and user.directorate_id in directorates:
            subjects.append(user.directorate_id)
        if user.role in ("ovr", "contact") or (user.role == "rmc" and user.brigade_id):
            # An RMC without a brigade saw nothing, its regions neither.
            subjects += [by_region[region.pk] for region in user.regions.all()]
        rows += [Membership(user_id=user.pk, subject_id=pk, role=user.role) for pk in dict.fromkeys(subjects)]
    Membership.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ('regions', '0005_directorate_clas'),
        ('accounts', '0004_eventlog'),
    ]

    operations = [
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('ovr', 'OVR'), ('contact', 'Contactpersoon veiligheidsregio'), ('rmc', 'RMC'), ('directorate', 'Contactpersoon directie')], max_length=16, verbose_name='rol')),
                ('subject', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='regions.subject', verbose_name='partij')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL, verbose_name='persoon')),
            ],
            options={
                'verbose_name': 'lidmaatschap',
                'verbose_name_plural': 'lidmaatschappen',
                'ordering': ['subject__order', 'subject__code'],
                'indexes': [models.Index(fields=['subject', 'role'], name='membership_subject_role')],
                'constraints': [models.UniqueConstraint(fields=('user', 'subject'), name='membership_one_per_party'), models.CheckConstraint(condition=models.Q(('role__in', ['ovr', 'contact', 'rmc', 'directorate'])), name='membership_role_responds')],
            },
        ),
        migrations.RunPython(memberships_from_scope, migrations.RunPython.noop),
    ]
