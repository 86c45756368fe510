"""The questionnaires already loaded get their indicator sentences and bands from the bundled files; a
questionnaire loaded from a file that differs only by these keys keeps its hash, so loading the file again
changes nothing (as 0007 did for the bounds)."""

from django.db import migrations


def fill_indicators(apps, schema_editor):
    from assessments.definitions import INDICATOR_KEYS, _indicator, bundled_files, content_hash, read_definition

    Questionnaire = apps.get_model("assessments", "Questionnaire")
    Question = apps.get_model("assessments", "Question")
    for path in bundled_files():
        data = read_definition(path)
        versions = Questionnaire.objects.filter(round__year=data["round"], audience=data["audience"])
        for spec in data["questions"]:
            if any(key in spec for key in INDICATOR_KEYS):
                Question.objects.filter(questionnaire__in=versions, code=spec["code"]).update(**_indicator(spec))
        without = {**data, "questions": [{k: v for k, v in q.items() if k not in INDICATOR_KEYS} for q in data["questions"]]}
        latest = versions.order_by("-version").first()
        if latest is not None and latest.content_hash == content_hash(without):
            latest.content_hash = content_hash(data)
            latest.save(update_fields=["content_hash"])


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0008_question_indicator"),
    ]

    operations = [
        migrations.RunPython(fill_indicators, migrations.RunPython.noop),
    ]
