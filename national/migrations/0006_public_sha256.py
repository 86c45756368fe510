"""The ministry's published document gets its own SHA-256, computed for the versions published before."""

import hashlib
import json

from django.db import migrations, models


def fingerprint_public_documents(apps, schema_editor):
    # The canonical JSON of national.fingerprint.canonical_json, as it is today.
    PublishedPicture = apps.get_model("national", "PublishedPicture")
    for picture in PublishedPicture.objects.filter(public_sha256=""):
        data = json.dumps(picture.public_document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        picture.public_sha256 = hashlib.sha256(data.encode("utf-8")).hexdigest()
        picture.save(update_fields=["public_sha256"])


class Migration(migrations.Migration):

    dependencies = [
        ('national', '0005_framework_moved'),
    ]

    operations = [
        migrations.AddField(
            model_name='publishedpicture',
            name='public_sha256',
            field=models.CharField(blank=True, max_length=64, verbose_name="SHA-256 document zonder regio's"),
        ),
        migrations.RunPython(fingerprint_public_documents, migrations.RunPython.noop),
    ]
