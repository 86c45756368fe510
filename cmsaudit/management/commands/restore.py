"""`manage.py restore FILE`: put back a reservekopie made by `manage.py backup`: the database and every uploaded file.

Nothing changes until the whole archive has been read, every member matches the manifest's checksums and the
database dump is one that can be restored (not empty, of its kind, readable); a damaged, incomplete, empty or
foreign archive is refused with a Dutch message. Then the database is replaced (PostgreSQL:
pg_restore --clean in one transaction; SQLite: SQLite's backup API; JSON: flush and loaddata) and MEDIA_ROOT
is made to hold exactly the archive's files.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, transaction

from cmsaudit.management.commands.backup import (
    FORMAT,
    MANIFEST,
    MEDIA_PREFIX,
    engine_name,
    postgres_environment,
    sha256,
)

DATABASE_MEMBERS = {"database.pgdump": "postgresql", "database.sqlite3": "sqlite", "database.json": None}


# How each kind of dump begins: pg_dump's custom format, an SQLite database file.
DUMP_SIGNATURES = {"database.pgdump": b"PGDMP", "database.sqlite3": b"SQLite format 3\x00"}


def database_problem(path: Path) -> str | None:
    """What is wrong with the database dump at `path` ("leeg", "onleesbaar (…)"), or None when it can be
    restored. Asked before anything changes: restoring an empty dump would leave an empty database."""
    if path.stat().st_size == 0:
        return "leeg"
    signature = DUMP_SIGNATURES.get(path.name)
    if signature is not None:
        with path.open("rb") as handle:
            if handle.read(len(signature)) != signature:
                return "onleesbaar (geen database van het verwachte soort)"
        if path.name == "database.sqlite3":
            return _sqlite_problem(path)
        return None
    try:
        rows = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        return "onleesbaar (geen UTF-8)"
    except ValueError:
        return "onleesbaar (geen geldige JSON)"
    if not isinstance(rows, list) or not all(isinstance(row, dict) and "model" in row for row in rows):
        return "onleesbaar (geen gegevens van Django)"
    if not rows:
        return "leeg"
    return None


def _sqlite_problem(path: Path) -> str | None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()
            tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return f"onleesbaar ({error})"
    if not result or result[0] != "ok":
        return "onleesbaar (de SQLite-controle faalt)"
    return None if tables else "leeg"


# Where the files of before a restore wait inside MEDIA_ROOT until the database is restored too.
PREVIOUS = ".restore-previous"


class Command(BaseCommand):
    help = "Zet een reservekopie van `backup` terug: de database en alle geüploade bestanden (vervangt wat er nu is)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="het archief van manage.py backup")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="niet om bevestiging vragen")

    def handle(self, *args, file: str, interactive: bool = True, **options):
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"Het archief {source} bestaat niet.")
        with tempfile.TemporaryDirectory(prefix="cmsaudit-restore-") as folder:
            work = Path(folder)
            manifest = self.unpack(source, work)
            if interactive:
                answer = input(f"Dit vervangt de database {settings.DATABASES['default']['NAME']} en alle bestanden in "
                               f"{settings.MEDIA_ROOT} door de reservekopie van {manifest.get('created', '?')}. "
                               "Typ 'ja' om door te gaan: ")
                if answer.strip().lower() != "ja":
                    raise CommandError("Teruggezet: niets; afgebroken.")
            # Files first, staged so they can go back; the database last: a database that fails to restore puts
            # the files back as they were, so database and files are restored together or not at all.
            previous = self.restore_media(work / "media")
            try:
                self.restore_database(work / manifest["database"])
            except BaseException:
                self.media_roll_back(previous)
                raise
            self.media_settle(previous)
        files = len(manifest["files"]) - 1
        self.stdout.write(f"Reservekopie teruggezet: database en {files} {'bestand' if files == 1 else 'bestanden'} "
                          f"uit {source}.")

    def unpack(self, source: Path, work: Path) -> dict:
        """Extract the archive into `work` and check it against its manifest; CommandError (Dutch) when it is not whole."""
        damaged = f"Het archief {source} is beschadigd of geen reservekopie van cmsaudit"
        try:
            with tarfile.open(source, "r:gz") as archive:
                members = archive.getmembers()
                names = [m.name for m in members]
                if MANIFEST not in names:
                    raise CommandError(f"{damaged}: het manifest ontbreekt. Er is niets teruggezet.")
                for member in members:
                    path = PurePosixPath(member.name)
                    if not member.isfile() or path.is_absolute() or ".." in path.parts or names.count(member.name) > 1:
                        raise CommandError(f"{damaged}: onverwacht onderdeel {member.name!r}. Er is niets teruggezet.")
                archive.extractall(work, filter="data")
        # A compressed stream damaged in the middle may fail in zlib itself (zlib.error is none of the others).
        except (tarfile.TarError, OSError, EOFError, ValueError, zlib.error) as error:
            raise CommandError(f"{damaged} ({error}). Er is niets teruggezet.") from None
        try:
            manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
            files = manifest["files"]
            database = manifest["database"]
        except (ValueError, KeyError, TypeError):
            raise CommandError(f"{damaged}: het manifest is onleesbaar. Er is niets teruggezet.") from None
        if manifest.get("format") != FORMAT:
            raise CommandError(f"{damaged}: onbekende versie {manifest.get('format')!r}. Er is niets teruggezet.")
        if database not in DATABASE_MEMBERS or database not in files:
            raise CommandError(f"{damaged}: de database ontbreekt. Er is niets teruggezet.")
        if set(names) - {MANIFEST} != set(files):
            missing = sorted(set(files) - set(names))
            extra = sorted(set(names) - set(files) - {MANIFEST})
            raise CommandError(f"{damaged}: ontbrekend {missing[:5]}, niet in het manifest {extra[:5]}. "
                               "Er is niets teruggezet.")
        for name, expected in files.items():
            if not (name == database or name.startswith(MEDIA_PREFIX)):
                raise CommandError(f"{damaged}: onverwacht onderdeel {name!r}. Er is niets teruggezet.")
            path = work / name
            if path.stat().st_size != expected.get("size") or sha256(path) != expected.get("sha256"):
                raise CommandError(f"{damaged}: {name} klopt niet met het controlegetal. Er is niets teruggezet.")
        problem = database_problem(work / database)
        if problem:
            raise CommandError(f"{damaged}: de database in het archief is {problem}. Er is niets teruggezet.")
        wanted = DATABASE_MEMBERS[database]
        if wanted is not None and wanted != engine_name():
            raise CommandError(f"Deze reservekopie is van een {wanted}-database; deze installatie gebruikt "
                               f"{engine_name()}. Er is niets teruggezet.")
        return manifest

    def restore_database(self, path: Path) -> None:
        connections.close_all()
        if path.name == "database.sqlite3":
            source = sqlite3.connect(path)
            destination = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=20)
            try:
                source.backup(destination)
            finally:
                destination.close()
                source.close()
        elif path.name == "database.pgdump":
            if not shutil.which("pg_restore"):
                raise CommandError("pg_restore ontbreekt (PostgreSQL-clientprogramma's); er is niets teruggezet.")
            arguments, env = postgres_environment()
            result = subprocess.run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
                 *arguments, str(path)], env=env, capture_output=True, text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_restore is mislukt; de database is ongewijzigd: {result.stderr.strip()}")
        else:
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
                call_command("loaddata", str(path), verbosity=0)

    def restore_media(self, extracted: Path) -> Path:
        """Put the archive's files in MEDIA_ROOT; what was there moves aside to a folder inside it (returned), to
        be removed once the database is restored too (`media_settle`) or put back (`media_roll_back`). MEDIA_ROOT is
        emptied rather than replaced: it may be a mount point on shared storage."""
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        previous = media / PREVIOUS
        if previous.exists():  # left by a restore that was killed halfway: its files are the ones to keep
            self.media_roll_back(previous)
        previous.mkdir()
        for child in list(media.iterdir()):
            if child != previous:
                shutil.move(str(child), previous / child.name)
        if extracted.is_dir():
            for child in extracted.iterdir():
                shutil.move(str(child), media / child.name)
        return previous

    def media_settle(self, previous: Path | None) -> None:
        if previous is not None and previous.exists():
            shutil.rmtree(previous)

    def media_roll_back(self, previous: Path | None) -> None:
        """The files as they were before the restore began."""
        if previous is None or not previous.exists():
            return
        media = previous.parent
        for child in list(media.iterdir()):
            if child == previous:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        for child in list(previous.iterdir()):
            shutil.move(str(child), media / child.name)
        previous.rmdir()
