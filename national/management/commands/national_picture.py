import json

from django.core.management.base import BaseCommand, CommandError

from assessments.models import Round
from national.picture import picture_document


class Command(BaseCommand):
    help = (
        "Print the national picture of a round as JSON: the document of GET /api/national/<year>/ at an "
        "inspector's detail (indicators, judgments, rules, recommendations, follow-up, subjects)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, required=True, help="jaar van de meting, bijv. 2013")

    def handle(self, *args, **options):
        round = Round.objects.filter(year=options["round"]).first()
        if round is None:
            raise CommandError(f"Meting {options['round']} bestaat niet.")
        self.stdout.write(json.dumps(picture_document(round, detail=True), ensure_ascii=False, indent=2))
