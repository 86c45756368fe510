from django.core.management.base import BaseCommand, CommandError

from findings.reminders import reminders_send
from framework.models import Round
from framework.rounds import command_round


class Command(BaseCommand):
    help = "E-mail users whose deadline is near and who have open work (run daily; sends at most once per user per day)."

    def add_arguments(self, parser):
        parser.add_argument("--round", help="code van de meting, <toetsingskader>-<jaar> (standaard: de lopende meting)")
        parser.add_argument("--days", type=int, default=7, help="herinner wie binnen zoveel dagen een deadline heeft")

    def handle(self, *args, **options):
        round = command_round(options["round"]) if options["round"] else Round.objects.current()
        if round is None:
            raise CommandError("Er is geen meting om aan te herinneren.")
        sent = reminders_send(round=round, days=options["days"])
        self.stdout.write(f"{len(sent)} herinnering(en) verstuurd voor {round}.")
