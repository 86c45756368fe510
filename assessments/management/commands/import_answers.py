from django.core.management.base import BaseCommand

from assessments.exchange import answers_import_file, command_import


class Command(BaseCommand):
    help = "Importeert antwoorden uit een CSV- of XLSX-bestand: het hele bestand wordt gecontroleerd, daarna alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV of XLSX met kopregel region_code,question_code,value,comment")
        parser.add_argument("--round", type=int, required=True, help="jaar van de meting, bijv. 2013")
        parser.add_argument("--user", help="gebruikersnaam die in de geschiedenis als wijziger staat")

    def handle(self, *args, file: str, round: int, user: str | None = None, **options):
        name, audit_round, result = command_import(file=file, year=round, username=user, importer=answers_import_file)
        self.stdout.write(f"{name} geïmporteerd in meting {audit_round.year}: antwoorden {result.summary()}")
