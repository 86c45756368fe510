"""`manage.py backup FILE`: the database and every uploaded file in one archive (tar.gz), with a manifest.

The archive holds `manifest.json` (format, engine, creation time, and the SHA-256 and size of every other
member), the database (`database.pgdump`: pg_dump's custom format; `database.sqlite3`: the SQLite file
copied through SQLite's backup API; or `database.json`: Django's dumpdata when pg_dump is missing), and every
file under MEDIA_ROOT as `media/<path>`. `manage.py restore FILE` checks all of it before it changes anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
# The archive's file mode: read and written by its owner only.
ARCHIVE_MODE = 0o600


def engine_name(alias: str = "default") -> str:
    """`postgresql`, `sqlite` or the engine's module name for other databases."""
    engine = settings.DATABASES[alias]["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    return engine


def postgres_environment(alias: str = "default") -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore and the environment carrying the password."""
    db = settings.DATABASES[alias]
    arguments = ["--dbname", db["NAME"]]
    if db.get("USER"):
        arguments += ["--username", db["USER"]]
    if db.get("HOST"):
        arguments += ["--host", db["HOST"]]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return arguments, env


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Maakt een reservekopie (tar.gz) van de database en alle geüploade bestanden, met controlegetallen."

    def add_arguments(self, parser):
        parser.add_argument("file", help="het archief dat wordt gemaakt, bijvoorbeeld cmsaudit-2025-06-01.tar.gz")

    def handle(self, *args, file: str, **options):
        target = Path(file)
        if target.parent and not target.parent.is_dir():
            raise CommandError(f"De map {target.parent} bestaat niet.")
        with tempfile.TemporaryDirectory(prefix="cmsaudit-backup-") as folder:
            work = Path(folder)
            database = self.dump_database(work)
            members = {database.name: database}
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                for path in sorted(media.rglob("*")):
                    if path.is_file() and not path.is_symlink():
                        members[MEDIA_PREFIX + path.relative_to(media).as_posix()] = path
            manifest = {
                "format": FORMAT,
                "engine": engine_name(),
                "database": database.name,
                "created": timezone.now().isoformat(),
                "files": {name: {"sha256": sha256(path), "size": path.stat().st_size} for name, path in members.items()},
            }
            (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
            partial = target.with_name(target.name + ".partial")
            # Only the owner reads it: it holds password hashes and live sessions. Created so, whatever the umask,
            # and made so when a file of that name was left behind with another mode.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, ARCHIVE_MODE)
            os.fchmod(descriptor, ARCHIVE_MODE)
            with os.fdopen(descriptor, "wb") as handle, tarfile.open(fileobj=handle, mode="w:gz") as archive:
                archive.add(work / MANIFEST, arcname=MANIFEST)
                for name, path in members.items():
                    archive.add(path, arcname=name, recursive=False)
            os.replace(partial, target)  # never a half-written archive under the name asked for
        files = len(members) - 1
        self.stdout.write(f"Reservekopie gemaakt: {target} (database {manifest['engine']}, "
                          f"{files} {'bestand' if files == 1 else 'bestanden'}); alleen leesbaar voor de eigenaar "
                          f"({ARCHIVE_MODE:04o}).")

    def dump_database(self, work: Path) -> Path:
        engine = engine_name()
        connections["default"].close()
        if engine == "sqlite":
            path = work / "database.sqlite3"
            source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            destination = sqlite3.connect(path)
            try:
                source.backup(destination)  # a consistent copy, also while the demo is running (WAL)
            finally:
                destination.close()
                source.close()
            return path
        if engine == "postgresql" and shutil.which("pg_dump"):
            path = work / "database.pgdump"
            arguments, env = postgres_environment()
            result = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(path), *arguments],
                                    env=env, capture_output=True, text=True)
            if result.returncode != 0:
                raise CommandError(f"pg_dump is mislukt: {result.stderr.strip()}")
            return path
        # No database tool: every row through Django, restored into the same schema.
        path = work / "database.json"
        with path.open("w", encoding="utf-8") as out:
            call_command("dumpdata", format="json", indent=None, stdout=out)
        return path
