"""The rows of an existing database (or of the data migrations before this one) belong to the first framework.
(Apart from 0002 and 0004: deferred indexes cannot be built after data changes in the same transaction.)"""

from django.db import migrations

# The audit the rows of existing databases (and of the data migrations before this one) belong to.
EXISTING = {"code": "icms", "name": "Civiel-militaire samenwerking", "name_en": "Civil-military cooperation"}


def adopt(apps, schema_editor):
    Framework = apps.get_model("framework", "Framework")
    models_ = [apps.get_model("framework", name) for name in ("Theme", "SuccessFactor", "Criterion", "Round")]
    if not any(model.objects.exists() for model in models_):
        return
    framework, _ = Framework.objects.get_or_create(code=EXISTING["code"], defaults=EXISTING)
    for model in models_:
        model.objects.update(framework=framework)
    Round = apps.get_model("framework", "Round")
    for round in Round.objects.all():
        round.code = f"{framework.code}-{round.year}"
        round.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [("framework", "0002_framework")]
    operations = [migrations.RunPython(adopt, migrations.RunPython.noop)]
