from django.core.management.base import BaseCommand, CommandError

from accounts.models import EventLog
from accounts.services import eventlog_verify


class Command(BaseCommand):
    help = (
        "Controleert de hashketen van het logboek: elke regel moet bij zijn eigen velden en bij de regel ervoor "
        "passen. Stopt met een foutcode bij de eerste regel die dat niet doet."
    )

    def handle(self, *args, **options):
        broken = eventlog_verify()
        if broken is not None:
            raise CommandError(
                f"Het logboek is onderbroken bij regel {broken.pk} ({broken.at.isoformat()}, {broken.action}, "
                f"{broken.actor_name or '-'}): deze regel of de regel ervoor is gewijzigd of verwijderd."
            )
        self.stdout.write(f"Het logboek is intact: {EventLog.objects.count()} regels, de keten sluit.")
