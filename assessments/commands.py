"""What the exchange commands share: the round and user named on the command line, and one import
command that any `core.tabular.Importer` (answers, judgments) plugs into."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.tabular import Importer, ImportRefused, read_upload, refusal_text
from framework.rounds import command_round


def command_user(username: str | None):
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Gebruiker {username} bestaat niet.")
    return user


class ImportCommand(BaseCommand):
    """`manage.py import_<kind> FILE --round CODE [--user NAME]`: the whole file is validated, then all or
    nothing is written; a refused file lists every error by line on stderr and exits non-zero."""

    importer: Importer

    @property
    def help(self) -> str:  # type: ignore[override]
        return (
            f"Importeert {self.importer.label} uit een CSV- of XLSX-bestand: het hele bestand wordt gecontroleerd, "
            "daarna alles of niets."
        )

    def add_arguments(self, parser):
        parser.add_argument("file", help=f"CSV of XLSX met kopregel {self.importer.header_text}")
        parser.add_argument("--round", required=True, help="code van de meting, <toetsingskader>-<jaar> (een jaartal alleen als één meting dat jaar heeft)")
        parser.add_argument("--user", help="gebruikersnaam die in de geschiedenis als wijziger staat")

    def handle(self, *args, file: str, round: str, user: str | None = None, **options):
        audit_round, by, data = command_round(round), command_user(user), read_upload(file)
        name = Path(file).name
        try:
            result = self.importer.import_file(name=name, data=data, round=audit_round, by=by)
        except ImportRefused as refused:
            raise CommandError(refusal_text(name, refused)) from None
        self.stdout.write(f"{name} geïmporteerd in meting {audit_round.code}: {self.importer.label} {result.summary()}")
