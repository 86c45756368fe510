from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from framework.models import Round
from framework.rounds import command_round
from national.publication import publication_verify


class Command(BaseCommand):
    help = (
        "Verify a published round: recompute the SHA-256 of every stored document (the inspectors' and the "
        "ministry's) and every stored file of every published version, and keep the outcome (the dashboard warns "
        "while the latest check failed). Without --round: every published round. Exits with 1 naming what "
        "differs; run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", help="code van de meting, <toetsingskader>-<jaar>; zonder: elke gepubliceerde meting")

    def handle(self, *args, **options):
        if options["round"] is None:
            rounds = list(Round.objects.filter(published_pictures__isnull=False).distinct().order_by("year", "framework_id"))
        else:
            rounds = [command_round(options["round"])]
        failed = []
        for round in rounds:
            try:
                check = publication_verify(round=round)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            if check.ok:
                self.stdout.write(f"Meting {round.code}: {check.checked} documenten en bestanden gecontroleerd, in orde.")
            else:
                failed.append(round.code)
                self.stderr.write(f"Meting {round.code}: {len(check.problems)} afwijking(en):")
                for problem in check.problems:
                    self.stderr.write(f"  {problem}")
        if failed:
            raise CommandError("De publicatie van meting " + ", ".join(failed)
                               + " wijkt af van wat is vastgelegd.")
