from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assessments.definitions import DefinitionError, questionnaire_load, read_definition
from framework.models import Framework

ACTIONS = {
    "unchanged": "ongewijzigd, niets geladen",
    "created": "geladen als versie {version}",
    "replaced": "versie {version} bijgewerkt (er waren nog geen antwoorden)",
    "new_version": "nieuwe versie {version} (eerdere versies houden hun antwoorden)",
}


class Command(BaseCommand):
    help = (
        "Laadt een vragenlijstdefinitie (YAML) of een nieuwe versie ervan in een meting van een toetsingskader "
        "(round: <jaar> in het bestand). Een heel toetsingskader laadt u met load_framework."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het YAML-bestand")
        parser.add_argument("--framework", help="code van het toetsingskader (nodig als er meer dan één is)")

    def handle(self, *args, file: str, framework: str | None = None, **options):
        frameworks = Framework.objects.order_by("pk")
        chosen = frameworks.filter(code=framework).first() if framework else (
            frameworks.first() if frameworks.count() == 1 else None)
        if chosen is None:
            known = ", ".join(frameworks.values_list("code", flat=True)) or "geen"
            raise CommandError(f"Noem het toetsingskader met --framework (bekend: {known}).")
        try:
            data = read_definition(file)
            with transaction.atomic():
                result = questionnaire_load(data, framework=chosen, source=file)
        except DefinitionError as error:
            raise CommandError("De vragenlijst is niet geladen:\n" + "\n".join(f"- {e}" for e in error.errors)) from None
        questionnaire = result.questionnaire
        self.stdout.write(f"{questionnaire.title}: " + ACTIONS[result.action].format(version=questionnaire.version))
