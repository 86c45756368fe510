"""The archive package of a published round (`manage.py archive_round`): what an archivist takes in.

One ZIP with, for each reader (the ministry's version, which names no region, and the inspectors'), the latest
published version's PDF/A, ODS, indicator CSV and picture document as JSON, each named after its reader
(`landelijk-beeld-icms-2009-v1-ministerie.pdf`); the metadata after MDTO (Nationaal Archief, MDTO-XML 1.0.1) in
`metadata/`: per reader an *informatieobject* (identification, name, publication, valuation and retention after
the settings, information category, restriction of use) and per file a *bestand* with its size, format (PRONOM)
and SHA-256; and `manifest-sha256.txt`, which `sha256sum -c` checks.

Everything is taken from the stored publication, never rendered anew: the files byte for byte, the JSON exactly
the stored document (so its SHA-256 is the one the dashboard shows). A stored file or document that no longer
matches its SHA-256 is refused, so a damaged publication is never archived as if it were whole. The same version
gives the same package, byte for byte. The metadata are Dutch, as the published report is, whoever runs it.
"""

from __future__ import annotations

import calendar
import datetime
import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from national import publication
from national.fingerprint import canonical_json, document_fingerprint, sha256
from national.layout import AUTHOR

if TYPE_CHECKING:
    from framework.models import Round
    from national.models import PublishedPicture

MDTO = "https://www.nationaalarchief.nl/mdto"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{MDTO} https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
SOURCE = "cmsaudit"  # the identificatieBron of every identification made here
MANIFEST = "manifest-sha256.txt"
READERS = {"national": "ministerie", "detail": "inspectie"}


@dataclass(frozen=True)
class Kind:
    """A kind of file in the package: its stored format (None: the JSON document), name and PRONOM format."""

    format: str | None
    stem: str
    extension: str
    pronom_label: str
    pronom_code: str


KINDS = (
    Kind("pdf", "landelijk-beeld", "pdf", "Acrobat PDF/A - Portable Document Format 3a", "fmt/480"),
    Kind("ods", "landelijk-beeld", "ods", "OpenDocument Spreadsheet 1.2", "fmt/295"),
    Kind(None, "landelijk-beeld", "json", "JSON Data Interchange Format", "fmt/817"),
    Kind("csv", "indicatoren", "csv", "Comma Separated Values", "x-fmt/18"),
)


@dataclass(frozen=True)
class ArchivedFile:
    name: str
    content: bytes
    sha256: str
    audience: str
    kind: Kind


def _files(picture: PublishedPicture) -> list[ArchivedFile]:
    """Every reader's stored files and document, each checked against the SHA-256 stored at publication."""
    round = picture.round
    files = []
    for audience, reader in READERS.items():
        for kind in KINDS:
            name = f"{kind.stem}-{round.code}-v{picture.version}-{reader}.{kind.extension}"
            if kind.format is None:
                document = publication.stored_document(picture, audience)
                content, expected = canonical_json(document), publication.stored_fingerprint(picture, audience)
                actual = document_fingerprint(document)
            else:
                stored = publication.published_file(round, kind.format, audience)
                assert stored is not None  # the picture is the round's latest
                content, expected = bytes(stored[1].content), stored[1].sha256
                actual = sha256(content)
            if actual != expected:
                raise ValidationError(
                    _("%(name)s wijkt af van de SHA-256 die bij publicatie is vastgelegd; er is geen archief "
                      "gemaakt. Voer verify_publication uit.") % {"name": name})
            files.append(ArchivedFile(name=name, content=content, sha256=actual, audience=audience, kind=kind))
    return files


# --- MDTO ----------------------------------------------------------------------------------------------------


def _element(parent: ElementTree.Element, tag: str, text: str | None = None) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{MDTO}}}{tag}")
    if text is not None:
        element.text = text
    return element


def _identification(parent: ElementTree.Element, tag: str, mark: str) -> None:
    element = _element(parent, tag)
    _element(element, "identificatieKenmerk", mark)
    _element(element, "identificatieBron", SOURCE)


def _reference(parent: ElementTree.Element, tag: str, name: str, mark: str | None = None) -> None:
    element = _element(parent, tag)
    _element(element, "verwijzingNaam", name)
    if mark is not None:
        _identification(element, "verwijzingIdentificatie", mark)


def _concept(parent: ElementTree.Element, tag: str, label: str, vocabulary: str, code: str | None = None) -> None:
    element = _element(parent, tag)
    _element(element, "begripLabel", label)
    if code is not None:
        _element(element, "begripCode", code)
    _reference(element, "begripBegrippenlijst", vocabulary)


def _xml(build) -> bytes:
    ElementTree.register_namespace("", MDTO)
    ElementTree.register_namespace("xsi", XSI)
    root = ElementTree.Element(f"{{{MDTO}}}MDTO", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    build(root)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _timestamp(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).replace(microsecond=0).isoformat()


def _years_later(day: datetime.date, years: int) -> datetime.date:
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _object_mark(picture: PublishedPicture, audience: str) -> str:
    return f"{picture.round.code}/v{picture.version}/{READERS[audience]}"


def _object_name(picture: PublishedPicture, audience: str) -> str:
    round = picture.round
    return f"{round.framework.name}: landelijk beeld {round.year}, versie {picture.version} ({READERS[audience]})"


def information_object(picture: PublishedPicture, audience: str, files: list[ArchivedFile]) -> bytes:
    """The MDTO informatieobject of one reader's version of the published picture."""
    retention = settings.ARCHIVE_RETENTION
    published = picture.published_at

    def build(root: ElementTree.Element) -> None:
        item = _element(root, "informatieobject")
        _identification(item, "identificatie", _object_mark(picture, audience))
        _element(item, "naam", _object_name(picture, audience))
        _concept(item, "aggregatieniveau", "Archiefstuk", "Begrippenlijst Aggregatieniveaus MDTO")
        _element(item, "omschrijving", (
            "Het landelijk beeld zoals het ministerie het leest; noemt geen regio." if audience == "national"
            else "Het landelijk beeld zoals de inspectie het leest, met de oordelen per regio."))
        _element(item, "taal", "nl")
        event = _element(item, "event")
        _concept(event, "eventType", "Publicatie", "Begrippenlijst EventTypeLijst MDTO")
        _element(event, "eventTijd", _timestamp(published))
        _reference(event, "eventVerantwoordelijkeActor", str(picture.published_by))
        if picture.reason:
            _element(event, "eventResultaat", f"Correctie: {picture.reason}")
        if retention == "blijvend":
            _concept(item, "waardering", "Blijvend te bewaren", "Begrippenlijst Waarderingen MDTO", "B")
        else:
            _concept(item, "waardering", "Tijdelijk te bewaren", "Begrippenlijst Waarderingen MDTO", "V")
            term = _element(item, "bewaartermijn")
            _concept(term, "termijnTriggerStartLooptijd", "Publicatie", "Begrippenlijst EventTypeLijst MDTO")
            start = published.astimezone(datetime.UTC).date()
            _element(term, "termijnStartdatumLooptijd", start.isoformat())
            _element(term, "termijnLooptijd", retention)
            _element(term, "termijnEinddatum", _years_later(start, int(retention[1:-1])).isoformat())
        _concept(item, "informatiecategorie", settings.ARCHIVE_INFORMATION_CATEGORY, settings.ARCHIVE_SELECTION_LIST)
        for file in files:
            if file.audience == audience:
                _reference(item, "heeftRepresentatie", file.name, f"{picture.round.code}/v{picture.version}/{file.name}")
        _reference(item, "archiefvormer", AUTHOR)
        restriction = _element(item, "beperkingGebruik")
        if audience == "national":
            _concept(restriction, "beperkingGebruikType", "Openbaar", "Begrippenlijst openbaarheid cmsaudit")
            _element(restriction, "beperkingGebruikNadereBeschrijving",
                     "Gepubliceerd voor het ministerie; noemt geen regio.")
        else:
            _concept(restriction, "beperkingGebruikType", "Niet openbaar", "Begrippenlijst openbaarheid cmsaudit")
            _element(restriction, "beperkingGebruikNadereBeschrijving",
                     "Noemt de regio's en hun oordelen: alleen voor de inspectie.")

    return _xml(build)


def file_object(picture: PublishedPicture, file: ArchivedFile) -> bytes:
    """The MDTO bestand of one file: size, format, SHA-256 and the informatieobject it represents."""

    def build(root: ElementTree.Element) -> None:
        item = _element(root, "bestand")
        _identification(item, "identificatie", f"{picture.round.code}/v{picture.version}/{file.name}")
        _element(item, "naam", file.name)
        _element(item, "omvang", str(len(file.content)))
        _concept(item, "bestandsformaat", file.kind.pronom_label, "PRONOM-register", file.kind.pronom_code)
        checksum = _element(item, "checksum")
        _concept(checksum, "checksumAlgoritme", "SHA-256", "Begrippenlijst ChecksumAlgoritme MDTO")
        _element(checksum, "checksumWaarde", file.sha256)
        _element(checksum, "checksumDatum", _timestamp(picture.published_at))
        _reference(item, "isRepresentatieVan", _object_name(picture, file.audience),
                   _object_mark(picture, file.audience))

    return _xml(build)


# --- the package ---------------------------------------------------------------------------------------------


def round_archive(*, round: Round) -> tuple[PublishedPicture, bytes]:
    """The archive package (ZIP) of `round`'s latest published version, and that version. An unpublished
    round, or a publication whose stored files no longer match their SHA-256, is refused in Dutch."""
    picture = publication.latest(round) if round.published_at is not None else None
    if picture is None:
        raise ValidationError(
            _("Meting %(round)s is niet gepubliceerd; alleen een gepubliceerde meting wordt gearchiveerd.")
            % {"round": round.code})
    files = _files(picture)
    entries: list[tuple[str, bytes]] = [(file.name, file.content) for file in files]
    for audience, reader in READERS.items():
        entries.append((f"metadata/landelijk-beeld-{round.code}-v{picture.version}-{reader}.mdto.xml",
                        information_object(picture, audience, files)))
    entries += [(f"metadata/{file.name}.bestand.mdto.xml", file_object(picture, file)) for file in files]
    manifest = "".join(f"{sha256(content)}  {name}\n" for name, content in entries).encode()
    entries.append((MANIFEST, manifest))

    # The publication's moment on every entry: the same version always gives the same package.
    stamp = picture.published_at.astimezone(datetime.UTC).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return picture, buffer.getvalue()

