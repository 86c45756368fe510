"""The archive package of a published round (`manage.py archive_round`): each reader's PDF/A, ODS, JSON and CSV as
stored at publication, a manifest of SHA-256s and metadata after MDTO, opened as an archivist would."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from national.archive import MDTO
from national.models import PublishedFile, PublishedPicture

pytestmark = pytest.mark.django_db

NS = {"m": MDTO}
READERS = ("ministerie", "inspectie")
FILES = [f"{stem}-icms-2009-v1-{reader}.{ext}" for reader in READERS
         for stem, ext in (("landelijk-beeld", "pdf"), ("landelijk-beeld", "ods"), ("landelijk-beeld", "json"),
                           ("indicatoren", "csv"))]


@pytest.fixture
def demo(demo_data, db):
    return PublishedPicture.objects.get(round__code="icms-2009")


def archive(tmp_path, round_code: str = "icms-2009") -> zipfile.ZipFile:
    target = tmp_path / f"{round_code}.zip"
    out = io.StringIO()
    call_command("archive_round", "--round", round_code, str(target), stdout=out)
    assert f"Archief van meting {round_code}, versie 1, geschreven naar {target}" in out.getvalue()
    return zipfile.ZipFile(target)


def manifest(package: zipfile.ZipFile) -> dict[str, str]:
    lines = package.read("manifest-sha256.txt").decode().splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def test_the_package_holds_each_readers_files_named_after_the_reader_with_mdto_metadata(demo, tmp_path):
    names = set(archive(tmp_path).namelist())
    assert set(FILES) <= names
    assert {"metadata/landelijk-beeld-icms-2009-v1-ministerie.mdto.xml",
            "metadata/landelijk-beeld-icms-2009-v1-inspectie.mdto.xml"} <= names
    assert {f"metadata/{name}.bestand.mdto.xml" for name in FILES} <= names
    assert "manifest-sha256.txt" in names


def test_every_file_matches_the_manifest_and_the_hash_stored_at_publication(demo, tmp_path):
    package = archive(tmp_path)
    listed = manifest(package)
    # The manifest covers everything in the package but itself, and every hash is that of the bytes packed.
    assert set(listed) == set(package.namelist()) - {"manifest-sha256.txt"}
    for name, digest in listed.items():
        assert hashlib.sha256(package.read(name)).hexdigest() == digest, name
    for reader, audience, document_sha in (("ministerie", "national", demo.public_sha256),
                                            ("inspectie", "detail", demo.sha256)):
        # The JSON is the stored document: its SHA-256 is the one the dashboard shows that reader.
        assert listed[f"landelijk-beeld-icms-2009-v1-{reader}.json"] == document_sha
        for fmt, name in (("pdf", f"landelijk-beeld-icms-2009-v1-{reader}.pdf"),
                          ("ods", f"landelijk-beeld-icms-2009-v1-{reader}.ods"),
                          ("csv", f"indicatoren-icms-2009-v1-{reader}.csv")):
            stored = PublishedFile.objects.get(picture=demo, format=fmt, audience=audience)
            assert listed[name] == stored.sha256
            assert package.read(name) == bytes(stored.content)
    ministry = json.loads(package.read("landelijk-beeld-icms-2009-v1-ministerie.json"))
    assert "subjects" not in ministry
    assert "subjects" in json.loads(package.read("landelijk-beeld-icms-2009-v1-inspectie.json"))


def test_the_mdto_metadata_identify_the_publication_and_give_each_files_checksum(demo, tmp_path):
    package = archive(tmp_path)
    listed = manifest(package)
    item = ElementTree.fromstring(package.read("metadata/landelijk-beeld-icms-2009-v1-ministerie.mdto.xml"))
    assert item.findtext("m:informatieobject/m:identificatie/m:identificatieKenmerk", namespaces=NS) == "icms-2009/v1/ministerie"
    assert item.findtext("m:informatieobject/m:naam", namespaces=NS) == (
        "Intensivering Civiel-Militaire Samenwerking: landelijk beeld 2009, versie 1 (ministerie)")
    assert item.findtext("m:informatieobject/m:event/m:eventType/m:begripLabel", namespaces=NS) == "Publicatie"
    assert item.findtext("m:informatieobject/m:event/m:eventTijd", namespaces=NS).startswith(
        demo.published_at.date().isoformat())
    assert item.findtext("m:informatieobject/m:informatiecategorie/m:begripLabel", namespaces=NS) == (
        "Rapporten van toezicht en onderzoek")
    # Kept for ever by default: no period.
    assert item.findtext("m:informatieobject/m:waardering/m:begripCode", namespaces=NS) == "B"
    assert item.find("m:informatieobject/m:bewaartermijn", NS) is None
    assert item.findtext("m:informatieobject/m:beperkingGebruik/m:beperkingGebruikType/m:begripLabel",
                         namespaces=NS) == "Openbaar"
    assert [ref.findtext("m:verwijzingNaam", namespaces=NS) for ref in
            item.findall("m:informatieobject/m:heeftRepresentatie", NS)] == [n for n in FILES if "ministerie" in n]
    for name in FILES:
        file = ElementTree.fromstring(package.read(f"metadata/{name}.bestand.mdto.xml"))
        assert file.findtext("m:bestand/m:naam", namespaces=NS) == name
        assert file.findtext("m:bestand/m:checksum/m:checksumWaarde", namespaces=NS) == listed[name]
        assert file.findtext("m:bestand/m:checksum/m:checksumAlgoritme/m:begripLabel", namespaces=NS) == "SHA-256"
        assert int(file.findtext("m:bestand/m:omvang", namespaces=NS)) == len(package.read(name))


@override_settings(ARCHIVE_RETENTION="P10Y", ARCHIVE_INFORMATION_CATEGORY="Toezichtrapporten")
def test_the_retention_period_and_category_come_from_the_settings(demo, tmp_path):
    item = ElementTree.fromstring(archive(tmp_path).read("metadata/landelijk-beeld-icms-2009-v1-inspectie.mdto.xml"))
    assert item.findtext("m:informatieobject/m:waardering/m:begripLabel", namespaces=NS) == "Tijdelijk te bewaren"
    assert item.findtext("m:informatieobject/m:bewaartermijn/m:termijnLooptijd", namespaces=NS) == "P10Y"
    start = demo.published_at.date()
    assert item.findtext("m:informatieobject/m:bewaartermijn/m:termijnEinddatum", namespaces=NS) == (
        start.replace(year=start.year + 10).isoformat())
    assert item.findtext("m:informatieobject/m:informatiecategorie/m:begripLabel", namespaces=NS) == "Toezichtrapporten"


def test_the_same_version_gives_the_same_package_byte_for_byte(demo, tmp_path):
    first = (tmp_path / "a")
    second = (tmp_path / "b")
    first.mkdir(), second.mkdir()
    archive(first), archive(second)
    assert (first / "icms-2009.zip").read_bytes() == (second / "icms-2009.zip").read_bytes()


def test_an_unpublished_round_is_refused_in_dutch_and_nothing_is_written(demo, tmp_path):
    target = tmp_path / "icms-2013.zip"
    with pytest.raises(CommandError, match="Meting icms-2013 is niet gepubliceerd; alleen een gepubliceerde meting"):
        call_command("archive_round", "--round", "icms-2013", str(target))
    assert list(tmp_path.iterdir()) == []


def test_a_stored_file_that_no_longer_matches_its_sha256_is_not_archived(demo, tmp_path):
    PublishedFile.objects.filter(picture=demo, format="ods", audience="national").update(content=b"changed")
    with pytest.raises(CommandError, match="landelijk-beeld-icms-2009-v1-ministerie.ods wijkt af"):
        call_command("archive_round", "--round", "icms-2009", str(tmp_path / "icms-2009.zip"))
    assert list(tmp_path.iterdir()) == []
