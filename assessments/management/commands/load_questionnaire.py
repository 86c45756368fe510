from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assessments.definitions import DefinitionError, criteria_load, questionnaire_load, read_criteria, read_definition

ACTIONS = {
    "unchanged": "ongewijzigd, niets geladen",
    "created": "geladen als versie {version}",
    "replaced": "versie {version} bijgewerkt (er waren nog geen antwoorden)",
    "new_version": "nieuwe versie {version} (eerdere versies houden hun antwoorden)",
}


class Command(BaseCommand):
    help = (
        "Laadt een vragenlijstdefinitie (YAML) of een nieuwe versie ervan, of de criteria per succesfactor "
        "(assessments/questionnaires/criteria.yaml)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pad naar het YAML-bestand")

    def handle(self, *args, file: str, **options):
        try:
            data = read_definition(file)
            if "criteria" in data and "questions" not in data:
                return self._criteria(file)
            with transaction.atomic():
                result = questionnaire_load(data, source=file)
        except DefinitionError as error:
            raise CommandError("De vragenlijst is niet geladen:\n" + "\n".join(f"- {e}" for e in error.errors)) from None
        questionnaire = result.questionnaire
        self.stdout.write(f"{questionnaire.title}: " + ACTIONS[result.action].format(version=questionnaire.version))

    def _criteria(self, file: str) -> None:
        try:
            with transaction.atomic():
                summary = criteria_load(read_criteria(file))
        except DefinitionError as error:
            raise CommandError("De criteria zijn niet geladen:\n" + "\n".join(f"- {e}" for e in error.errors)) from None
        self.stdout.write(summary)
