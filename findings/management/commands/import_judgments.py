from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments.exchange import ImportRefused, command_round, command_user, read_upload, refusal_text
from findings.exchange import judgments_import_file


class Command(BaseCommand):
    help = "Importeert oordelen uit een CSV- of XLSX-bestand: het hele bestand wordt gecontroleerd, daarna alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV of XLSX met kopregel region_code,csf,judgment,finding")
        parser.add_argument("--round", type=int, required=True, help="jaar van de meting, bijv. 2013")
        parser.add_argument("--user", help="gebruikersnaam die in de geschiedenis als wijziger staat")

    def handle(self, *args, file: str, round: int, user: str | None = None, **options):
        audit_round, by, data = command_round(round), command_user(user), read_upload(file)
        name = Path(file).name
        try:
            result = judgments_import_file(name=name, data=data, round=audit_round, by=by)
        except ImportRefused as refused:
            raise CommandError(refusal_text(name, refused)) from None
        self.stdout.write(f"{name} geïmporteerd in meting {audit_round.year}: oordelen {result.summary()}")
