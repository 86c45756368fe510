from django.core.management.base import BaseCommand

from core.tabular import FORMATS, write_export
from findings.exchange import judgments_export
from framework.rounds import command_round


class Command(BaseCommand):
    help = "Exporteert de oordelen en bevindingen van een meting als CSV of XLSX (region_code,csf,judgment,finding)."

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, help="code van de meting, <toetsingskader>-<jaar> (een jaartal alleen als één meting dat jaar heeft)")
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--output", help="bestand om naar te schrijven (zonder: standaarduitvoer)")

    def handle(self, *args, round: str, format: str, output: str | None, **options):
        data = judgments_export(round=command_round(round), fmt=format)
        write_export(self.stdout, data, format, output)
