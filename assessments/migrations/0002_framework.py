"""The assessment framework of the 2013 report (chapter 2.3 and 3) and the three audit rounds."""

from django.db import migrations

THEMES = [
    (1, "Wederzijdse bekendheid", "Mutual familiarity"),
    (2, "Voorbereiding binnen de veiligheidsregio", "Preparation within the safety region"),
    (3, "Voorbereiding binnen Defensie", "Preparation within Defence"),
    (4, "Inzet van Defensie in een multidisciplinaire context", "Deployment of Defence in a multidisciplinary context"),
    (5, "Opleiden en oefenen", "Training and exercising"),
    (6, "Lerend vermogen", "Capacity to learn"),
]

SUCCESS_FACTORS = [
    ("3.1.1", 1, "Kennen en gekend worden: goede civiel-militaire contacten", "Knowing and being known: good civil-military contacts", "region"),
    ("3.1.2", 1, "Bekendheid met de (on)mogelijkheden van Defensie", "Awareness of what Defence can and cannot do", "region"),
    ("3.2.1", 2, "Defensie heeft een plaats in civiele plannen en processen", "Defence has a place in civil plans and processes", "region"),
    ("3.2.2", 2, "Aanvraagprocedures zijn bekend en afgestemd", "Request procedures are known and aligned", "region"),
    ("3.3.1", 3, "Defensiemiddelen zijn beschikbaar", "Defence resources are available", "brigade"),
    ("3.3.2", 3, "Geborgde processen binnen Defensie", "Secured processes within Defence", "brigade"),
    ("3.4.1", 4, "Operationele leiding onder eenhoofdige aansturing", "Operational command under single leadership", "region"),
    ("3.4.2", 4, "Interoperabiliteit van communicatiemiddelen", "Interoperability of communication means", "region"),
    ("3.4.3", 4, "Meevoeren van militaire wapens", "Carrying military weapons", "region"),
    ("3.5.1", 5, "Gezamenlijk oefenen en opleiden", "Joint training and exercising", "region"),
    ("3.6.1", 6, "Evalueren en verbeteren", "Evaluating and improving", "region"),
]

ROUNDS = [(2006, "nulmeting", "closed"), (2009, "tussenmeting", "closed"), (2013, "eindmeting", "open")]


def load(apps, schema_editor):
    Theme = apps.get_model("assessments", "Theme")
    SuccessFactor = apps.get_model("assessments", "SuccessFactor")
    Round = apps.get_model("assessments", "Round")
    themes = {}
    for number, name, name_en in THEMES:
        themes[number], _ = Theme.objects.update_or_create(number=number, defaults={"name": name, "name_en": name_en})
    for order, (code, theme, name, name_en, subject) in enumerate(SUCCESS_FACTORS, start=1):
        SuccessFactor.objects.update_or_create(
            code=code,
            defaults={"theme": themes[theme], "name": name, "name_en": name_en, "subject": subject, "order": order},
        )
    predecessor = None
    for year, kind, status in ROUNDS:
        predecessor, _ = Round.objects.update_or_create(
            year=year, defaults={"kind": kind, "status": status, "predecessor": predecessor}
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
