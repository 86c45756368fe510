import json

from django.core.management.base import BaseCommand

from framework.rounds import command_round
from national.picture import picture_document


class Command(BaseCommand):
    help = (
        "Print the national picture of a round as JSON: the document of GET /api/national/<round>/ at an "
        "inspector's detail (indicators, judgments, rules, recommendations, follow-up, subjects)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, help="code van de meting, <toetsingskader>-<jaar> (een jaartal alleen als één meting dat jaar heeft)")

    def handle(self, *args, **options):
        round = command_round(options["round"])
        self.stdout.write(json.dumps(picture_document(round, detail=True), ensure_ascii=False, indent=2))
