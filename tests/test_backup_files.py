"""The backup archive's file and the restore's refusals, without touching the database: `backup` writes a file
only its owner can read (it holds password hashes and live sessions) and says so; `restore` refuses a damaged or
empty dump in Dutch, before it changes anything."""

import io
import json
import random
import stat
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cmsaudit.management.commands import backup, restore

ROWS = [{"model": "regions.brigade", "pk": n, "fields": {"number": n, "name": f"Brigade {n} — één"}} for n in range(4000)]


@pytest.fixture
def dumped(monkeypatch):
    """`backup` with a JSON dump written by the test instead of by the database (the database stays untouched)."""
    content = {"data": json.dumps(ROWS, ensure_ascii=False).encode("utf-8")}

    def dump_database(self, work: Path) -> Path:
        path = work / "database.json"
        path.write_bytes(content["data"])
        return path

    monkeypatch.setattr(backup.Command, "dump_database", dump_database)
    return content


@pytest.fixture
def untouched(monkeypatch):
    """Fails the test when restore gets as far as changing the database or the files."""

    def refuse(*args, **kwargs):
        pytest.fail("restore changed the database or the files of a refused archive")

    monkeypatch.setattr(restore.Command, "restore_database", refuse)
    monkeypatch.setattr(restore.Command, "restore_media", refuse)


def make_backup(tmp_path, settings, name: str = "reservekopie.tar.gz") -> tuple[Path, str]:
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "bewijs.pdf").write_bytes(b"%PDF-1.4 bewijs")
    target = tmp_path / name
    out = io.StringIO()
    call_command("backup", str(target), stdout=out)
    return target, out.getvalue()


def test_a_backup_is_readable_by_its_owner_only_and_says_so(dumped, tmp_path, settings):
    archive, said = make_backup(tmp_path, settings)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert "alleen leesbaar voor de eigenaar (0600)" in said


def test_a_backup_written_over_a_world_readable_file_is_made_private(dumped, tmp_path, settings):
    existing = tmp_path / "reservekopie.tar.gz"
    existing.write_bytes(b"oud")
    existing.chmod(0o644)
    archive, _said = make_backup(tmp_path, settings)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def _damaged_in_the_middle(archive: Path, target: Path, seed: int) -> Path:
    data = bytearray(archive.read_bytes())
    rng = random.Random(seed)
    middle = len(data) // 2
    for offset in range(middle, middle + 64):
        data[offset] = rng.randrange(256)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("seed", range(40))
def test_a_dump_damaged_in_the_middle_is_refused_in_dutch(dumped, untouched, tmp_path, settings, seed):
    archive, _said = make_backup(tmp_path, settings)
    damaged = _damaged_in_the_middle(archive, tmp_path / "beschadigd.tar.gz", seed)
    with pytest.raises(CommandError, match="beschadigd.*Er is niets teruggezet"):
        call_command("restore", str(damaged), interactive=False)


@pytest.mark.parametrize("content", [b"", b"[]", b"   ", b"{}", b"[1, 2", b'[{"model": "x", "fields": {"a": "\xff\xfe"}}]'])
def test_an_empty_or_unreadable_json_dump_is_refused_not_reported_as_restored(dumped, untouched, tmp_path, settings, content):
    dumped["data"] = content
    archive, _said = make_backup(tmp_path, settings)
    with pytest.raises(CommandError, match="database.*(leeg|onleesbaar).*Er is niets teruggezet"):
        call_command("restore", str(archive), interactive=False)


@pytest.mark.parametrize(("member", "content"), [("database.pgdump", b""), ("database.pgdump", b"geen dump"),
                                                 ("database.sqlite3", b""), ("database.sqlite3", b"geen database")])
def test_an_empty_or_foreign_database_dump_is_refused(untouched, tmp_path, settings, monkeypatch, member, content):
    def dump_database(self, work: Path) -> Path:
        path = work / member
        path.write_bytes(content)
        return path

    monkeypatch.setattr(backup.Command, "dump_database", dump_database)
    monkeypatch.setattr(restore, "engine_name", lambda: restore.DATABASE_MEMBERS[member])
    archive, _said = make_backup(tmp_path, settings)
    with pytest.raises(CommandError, match="database.*(leeg|onleesbaar).*Er is niets teruggezet"):
        call_command("restore", str(archive), interactive=False)


def test_a_whole_archive_still_gets_to_the_restore(dumped, tmp_path, settings, monkeypatch):
    restored = []
    monkeypatch.setattr(restore.Command, "restore_database", lambda self, path: restored.append(path.name))
    monkeypatch.setattr(restore.Command, "restore_media", lambda self, extracted: restored.append("media"))
    archive, _said = make_backup(tmp_path, settings)
    out = io.StringIO()
    call_command("restore", str(archive), interactive=False, stdout=out)
    # The files are staged first, the database restored last.
    assert restored == ["media", "database.json"]
    assert "Reservekopie teruggezet" in out.getvalue()


def test_a_database_that_fails_to_restore_puts_the_files_back_as_they_were(dumped, tmp_path, settings, monkeypatch):
    archive, _said = make_backup(tmp_path, settings)
    # After the backup, the files change: these are the ones a failed restore must leave.
    (settings.MEDIA_ROOT / "bewijs.pdf").write_bytes(b"%PDF-1.4 nieuwer")
    (settings.MEDIA_ROOT / "evidence").mkdir()
    (settings.MEDIA_ROOT / "evidence" / "later.pdf").write_bytes(b"%PDF-1.4 later")

    def fail(self, path):
        assert (settings.MEDIA_ROOT / "bewijs.pdf").read_bytes() == b"%PDF-1.4 bewijs"  # the archive's files are in
        raise CommandError("pg_restore is mislukt; de database is ongewijzigd.")

    monkeypatch.setattr(restore.Command, "restore_database", fail)
    with pytest.raises(CommandError, match="pg_restore is mislukt"):
        call_command("restore", str(archive), interactive=False)
    assert (settings.MEDIA_ROOT / "bewijs.pdf").read_bytes() == b"%PDF-1.4 nieuwer"
    assert (settings.MEDIA_ROOT / "evidence" / "later.pdf").read_bytes() == b"%PDF-1.4 later"
    assert sorted(p.name for p in settings.MEDIA_ROOT.iterdir()) == ["bewijs.pdf", "evidence"]


def test_a_restore_leaves_only_the_archives_files(dumped, tmp_path, settings, monkeypatch):
    archive, _said = make_backup(tmp_path, settings)
    (settings.MEDIA_ROOT / "na-de-reservekopie.pdf").write_bytes(b"%PDF-1.4 later")
    monkeypatch.setattr(restore.Command, "restore_database", lambda self, path: None)
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    assert sorted(p.name for p in settings.MEDIA_ROOT.iterdir()) == ["bewijs.pdf"]


def test_the_archive_is_a_tar_gz(dumped, tmp_path, settings):
    archive, _said = make_backup(tmp_path, settings)
    with tarfile.open(archive, "r:gz") as opened:
        assert {"manifest.json", "database.json", "media/bewijs.pdf"} <= set(opened.getnames())


def test_a_compressed_stream_that_fails_in_zlib_is_refused_in_dutch_not_a_traceback(dumped, untouched, tmp_path, settings,
                                                                                     monkeypatch):
    import zlib

    archive, _said = make_backup(tmp_path, settings)

    def broken(*args, **kwargs):
        raise zlib.error("Error -3 while decompressing data: too many length or distance symbols")

    monkeypatch.setattr(tarfile.TarFile, "extractall", broken)
    with pytest.raises(CommandError, match="beschadigd.*Er is niets teruggezet"):
        call_command("restore", str(archive), interactive=False)
