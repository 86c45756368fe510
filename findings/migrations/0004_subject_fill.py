"""Fill `subject` from the region or brigade each row had (its own migration: data and schema changes
do not mix in one PostgreSQL transaction)."""

from django.db import migrations

SUBJECT_MODELS = [
    "Finding", "InterviewReport", "Verification",
    "HistoricalFinding", "HistoricalInterviewReport", "HistoricalVerification",
]


def fill_subject(apps, schema_editor):
    Subject = apps.get_model("regions", "Subject")
    by_region = dict(Subject.objects.filter(region__isnull=False).values_list("region_id", "pk"))
    by_brigade = dict(Subject.objects.filter(brigade__isnull=False).values_list("brigade_id", "pk"))
    for name in SUBJECT_MODELS:
        model = apps.get_model("findings", name)
        for region_id, subject_id in by_region.items():
            model.objects.filter(region_id=region_id).update(subject_id=subject_id)
        for brigade_id, subject_id in by_brigade.items():
            model.objects.filter(brigade_id=brigade_id).update(subject_id=subject_id)



class Migration(migrations.Migration):
    dependencies = [("findings", "0003_subject")]
    operations = [migrations.RunPython(fill_subject, migrations.RunPython.noop)]
