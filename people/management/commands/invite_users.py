from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.tabular import ImportRefused, read_upload, refusal_text
from people.services import users_invite_file


class Command(BaseCommand):
    help = (
        "Nodigt personen uit vanuit een CSV- of XLSX-bestand met kopregel subject_code,role,name,email: het hele "
        "bestand wordt gecontroleerd, daarna alles of niets; ieder krijgt een account zonder wachtwoord en een "
        "e-mail met een link om het in te stellen (7 dagen geldig)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV of XLSX met kopregel subject_code,role,name,email")
        parser.add_argument(
            "--several", action="store_true",
            help="bevestig dat een OVR in het bestand meer dan één veiligheidsregio krijgt",
        )

    def handle(self, *args, file: str, several: bool = False, **options):
        name = Path(file).name
        try:
            result = users_invite_file(name=name, data=read_upload(file), by=None, several_confirmed=several)
        except ImportRefused as refused:
            raise CommandError(refusal_text(name, refused)) from None
        for user in result.invited + result.reinvited:
            self.stdout.write(f"  {user.email}: {user.get_role_display()}")
        self.stdout.write(f"{name}: {result.summary()}")
