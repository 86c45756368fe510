from django.core.management.base import BaseCommand, CommandError

from assessments.models import Round
from findings.reminders import reminders_send


class Command(BaseCommand):
    help = "E-mail users whose deadline is near and who have open work (run daily; sends at most once per user per day)."

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, help="jaar van de meting (standaard: de lopende meting)")
        parser.add_argument("--days", type=int, default=7, help="herinner wie binnen zoveel dagen een deadline heeft")

    def handle(self, *args, **options):
        round = Round.objects.filter(year=options["round"]).first() if options["round"] else Round.objects.current()
        if round is None:
            raise CommandError("Er is geen meting om aan te herinneren.")
        sent = reminders_send(round=round, days=options["days"])
        self.stdout.write(f"{len(sent)} herinnering(en) verstuurd voor {round}.")
