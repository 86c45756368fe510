"""The Commando Landstrijdkrachten (CLAS) as a third Defence party the inspectors interview, beside DOPS and DJZ.

The 2013 report (summary and 3.3.1, 3.3.2) names the staff of CLAS as the party the RMC's H-NATOPS consults on the
suitability and availability of military means, and its units as reachable through their piket; it is audited as a
directorate: an interview report and its verification, no questionnaire."""

from django.db import migrations

CLAS = {"kind": "directorate", "name": "Commando Landstrijdkrachten (CLAS)", "order": 202}


def clas_add(apps, schema_editor):
    apps.get_model("regions", "Subject").objects.update_or_create(code="CLAS", defaults=CLAS)


def clas_remove(apps, schema_editor):
    Subject = apps.get_model("regions", "Subject")
    # Only while nothing refers to it (PROTECT on findings, reports and verifications would refuse otherwise).
    Subject.objects.filter(code="CLAS", interview_reports__isnull=True, verifications__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("regions", "0004_region_code_three_digits"),
    ]

    operations = [
        migrations.RunPython(clas_add, clas_remove),
    ]
