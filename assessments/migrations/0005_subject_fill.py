"""Fill `subject` from the region or brigade each row had (its own migration: data and schema changes
do not mix in one PostgreSQL transaction)."""

from django.db import migrations

def fill_subject(apps, schema_editor):
    Subject = apps.get_model("regions", "Subject")
    by_region = dict(Subject.objects.filter(region__isnull=False).values_list("region_id", "pk"))
    by_brigade = dict(Subject.objects.filter(brigade__isnull=False).values_list("brigade_id", "pk"))
    Assessment = apps.get_model("assessments", "Assessment")
    for assessment in Assessment.objects.all():
        assessment.subject_id = by_region[assessment.region_id] if assessment.region_id else by_brigade[assessment.brigade_id]
        assessment.save(update_fields=["subject"])



def close_published_rounds(apps, schema_editor):
    # A published round is closed (it may have been published while still open).
    apps.get_model("assessments", "Round").objects.filter(published_at__isnull=False).update(status="closed")


class Migration(migrations.Migration):
    dependencies = [("assessments", "0004_subject")]
    operations = [
        migrations.RunPython(fill_subject, migrations.RunPython.noop),
        migrations.RunPython(close_published_rounds, migrations.RunPython.noop),
    ]
