import os
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from framework.rounds import command_round
from national.archive import round_archive
from national.fingerprint import sha256


class Command(BaseCommand):
    help = (
        "Write the archive package of a published round as one ZIP: for the ministry and for the inspectors the "
        "latest version's PDF/A, ODS, indicator CSV and picture document (JSON), metadata after MDTO per "
        "reader and per file, and manifest-sha256.txt. An unpublished round is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, help="code van de meting, <toetsingskader>-<jaar>")
        parser.add_argument("file", help="het ZIP-bestand dat wordt geschreven, bijv. <code van de meting>.zip")

    def handle(self, *args, **options):
        round = command_round(options["round"])
        try:
            picture, data = round_archive(round=round)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        target = Path(options["file"])
        # Written beside the target and renamed: an interrupted run never leaves half an archive under its name.
        temporary = None
        try:
            handle, temporary = tempfile.mkstemp(dir=target.resolve().parent, prefix=f".{target.name}.")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except OSError as error:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            raise CommandError(f"Kan {target} niet schrijven: {error.strerror}.") from None
        self.stdout.write(
            f"Archief van meting {round.code}, versie {picture.version}, geschreven naar {target} "
            f"({len(data)} bytes, SHA-256 {sha256(data)})."
        )
