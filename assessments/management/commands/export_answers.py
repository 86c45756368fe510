from django.core.management.base import BaseCommand, CommandError

from assessments.exchange import answers_export
from core.tabular import FORMATS, write_export
from framework.rounds import command_round
from regions.models import Subject


class Command(BaseCommand):
    help = "Exporteert de antwoorden van een meting als CSV of XLSX (lang formaat), of een leeg sjabloon."

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, help="code van de meting, <toetsingskader>-<jaar> (een jaartal alleen als één meting dat jaar heeft)")
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--region", help="alleen deze veiligheidsregio of brigade, bijv. VR13 of B11")
        parser.add_argument("--output", help="bestand om naar te schrijven (zonder: standaarduitvoer)")
        parser.add_argument("--blank", action="store_true", help="leeg sjabloon: alle regio's × alle vragen")

    def handle(self, *args, round: str, format: str, region: str | None, output: str | None, blank: bool, **options):
        audit_round = command_round(round)
        subjects = Subject.objects.all()
        if region:
            subjects = subjects.filter(code=region.strip().upper())
            if not subjects.exists():
                raise CommandError(f"Veiligheidsregio of brigade {region} bestaat niet.")
        data = answers_export(round=audit_round, subjects=subjects, fmt=format, blank=blank)
        write_export(self.stdout, data, format, output)
