from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assessments.definitions import DefinitionError, questionnaire_load, read_definition

ACTIONS = {
    "unchanged": "ongewijzigd, niets geladen",
    "created": "geladen als versie {version}",
    "replaced": "versie {version} bijgewerkt (er waren nog geen antwoorden)",
    "new_version": "nieuwe versie {version} (eerdere versies houden hun antwoorden)",
}


class Command(BaseCommand):
    help = "Laadt een vragenlijstdefinitie (YAML) of een nieuwe versie ervan."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het YAML-bestand")

    def handle(self, *args, file: str, **options):
        try:
            with transaction.atomic():
                result = questionnaire_load(read_definition(file), source=file)
        except DefinitionError as error:
            raise CommandError("De vragenlijst is niet geladen:\n" + "\n".join(f"- {e}" for e in error.errors)) from None
        questionnaire = result.questionnaire
        self.stdout.write(f"{questionnaire.title}: " + ACTIONS[result.action].format(version=questionnaire.version))
