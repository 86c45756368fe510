from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assessments.rounds import round_create
from framework.models import Framework, RoundKind
from framework.rounds import command_round


class Command(BaseCommand):
    help = (
        "Maakt de volgende meting van een toetsingskader uit een eerdere: de vragenlijsten zijn kopieën waarin "
        "elke vraag haar voorganger voortzet, zodat het landelijk beeld vanaf het eerste antwoord vergelijkt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--framework", required=True, help="code van het toetsingskader (zie load_framework)")
        parser.add_argument("--year", type=int, required=True, help="jaar van de nieuwe meting")
        parser.add_argument("--from", dest="source", required=True, help="de meting die wordt voortgezet, <toetsingskader>-<jaar>")
        parser.add_argument("--name", default=RoundKind.VERVOLGMETING, choices=RoundKind.values, help="soort meting")

    def handle(self, *args, framework: str, year: int, source: str, name: str, **options):
        chosen = Framework.objects.filter(code=framework).first()
        if chosen is None:
            raise CommandError(f"Toetsingskader {framework} bestaat niet.")
        try:
            round = round_create(framework=chosen, year=year, source=command_round(source), kind=name)
        except ValidationError as error:
            raise CommandError("De meting is niet gemaakt: " + " ".join(error.messages)) from None
        count = round.questionnaires.count()
        self.stdout.write(f"Meting {round.code} ({round.get_kind_display()}) gemaakt uit {source}: {count} vragenlijst(en), "
                          "elke vraag zet haar voorganger voort. De meting is gepland; open haar als ze klaar is.")
