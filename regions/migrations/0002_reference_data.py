"""Load the brigades, the 25 safety regions and their boundaries from regions/data/."""

import csv
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Brigade = apps.get_model("regions", "Brigade")
    Region = apps.get_model("regions", "Region")
    with open(DATA / "brigades.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            Brigade.objects.update_or_create(
                number=int(row["number"]),
                defaults={"name": row["name"], "garrison": row["garrison"], "area": row["area"]},
            )
    boundaries = {
        feature["properties"]["code"]: feature["geometry"]
        for feature in json.loads((DATA / "veiligheidsregios-2013.geojson").read_text(encoding="utf-8"))["features"]
    }
    with open(DATA / "regions.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            Region.objects.update_or_create(
                code=row["code"],
                defaults={
                    "name": row["name"],
                    "province": row["province"],
                    "brigade": Brigade.objects.get(number=int(row["brigade"])),
                    "boundary": boundaries.get(row["code"]),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
