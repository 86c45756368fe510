from django.core.management.base import BaseCommand, CommandError

from core.tabular import write_export
from framework.rounds import command_round
from national import publication, reports


class Command(BaseCommand):
    help = (
        "Write the national report of a round as PDF/A, DOCX, ODT, XLSX, ODS or the indicator table as CSV "
        "(csv_nl: separated by ';'): a published "
        "round's stored file, any other round rendered now (marked 'voorlopig'). --audience national leaves out "
        "every region's name, as the ministry's download does."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, help="code van de meting, <toetsingskader>-<jaar> (een jaartal alleen als één meting dat jaar heeft)")
        parser.add_argument("--format", choices=reports.FORMATS, required=True)
        parser.add_argument("--output", help="bestand; zonder: standaarduitvoer (alleen CSV)")
        parser.add_argument("--audience", choices=publication.AUDIENCES, default="detail",
                            help="detail (inspectie, standaard) of national (ministerie, zonder regionamen)")

    def handle(self, *args, **options):
        round = command_round(options["round"])
        fmt = options["format"]
        text = fmt in ("csv", "csv_nl")
        if not text and not options["output"]:
            raise CommandError(f"Geef --output op voor {fmt.upper()}.")
        stored = publication.published_file(round, fmt, options["audience"])
        if stored is not None:
            data = bytes(stored[1].content)
        else:
            data = bytes(publication.provisional_file(round, fmt, options["audience"]).content)
        write_export(self.stdout, data, "csv" if text else fmt, options["output"])
