from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assessments.models import Round
from national.publication import publication_verify


class Command(BaseCommand):
    help = (
        "Verify a published round: recompute the SHA-256 of every stored document (the inspectors' and the "
        "ministry's) and every stored file of every published version, and keep the outcome (the dashboard warns "
        "while the latest check failed). Without --round: every published round. Exits with 1 naming what "
        "differs; run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, help="jaar van de meting, bijv. 2009; zonder: elke gepubliceerde meting")

    def handle(self, *args, **options):
        if options["round"] is None:
            rounds = list(Round.objects.filter(published_pictures__isnull=False).distinct().order_by("year"))
        else:
            rounds = list(Round.objects.filter(year=options["round"]))
            if not rounds:
                raise CommandError(f"Meting {options['round']} bestaat niet.")
        failed = []
        for round in rounds:
            try:
                check = publication_verify(round=round)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            if check.ok:
                self.stdout.write(f"Meting {round.year}: {check.checked} documenten en bestanden gecontroleerd, in orde.")
            else:
                failed.append(round.year)
                self.stderr.write(f"Meting {round.year}: {len(check.problems)} afwijking(en):")
                for problem in check.problems:
                    self.stderr.write(f"  {problem}")
        if failed:
            raise CommandError("De publicatie van meting " + ", ".join(str(year) for year in failed)
                               + " wijkt af van wat is vastgelegd.")
