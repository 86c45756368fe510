"""The 2013 questionnaires are reconstructions too: the report does not publish its questionnaire. The versions
already loaded are marked so, and keep their hash, so loading the bundled files again changes nothing."""

from django.db import migrations


def mark_reconstructed(apps, schema_editor):
    from assessments.definitions import bundled_files, content_hash, read_definition

    Questionnaire = apps.get_model("assessments", "Questionnaire")
    for path in bundled_files():
        data = read_definition(path)
        if data["round"] != 2013:
            continue
        versions = Questionnaire.objects.filter(round__year=2013, audience=data["audience"])
        versions.update(reconstructed=True)
        latest = versions.order_by("-version").first()
        if latest is not None and latest.content_hash == content_hash({**data, "reconstructed": False}):
            latest.content_hash = content_hash(data)
            latest.save(update_fields=["content_hash"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0009_question_indicators")]
    operations = [migrations.RunPython(mark_reconstructed, migrations.RunPython.noop)]
