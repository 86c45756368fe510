"""The one upload policy, for evidence documents and interview-report attachments alike.

A file is accepted when it is not empty and not over the limit, when its type judged by its bytes is one we
accept, and when its name's extension says the same. The name and the type the browser claims are never
trusted. A zip archive (DOCX, XLSX, ODT) is judged by its member names and by at most a few bytes of one
member, read with a cap; an archive whose members declare absurd sizes is refused before anything is unpacked
(a 1 MB file can unpack to gigabytes).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

# Content type → (label for messages, extensions the name may have).
ACCEPTED_TYPES = {
    PDF: (gettext_lazy("PDF-document"), {"pdf"}),
    PNG: (gettext_lazy("PNG-afbeelding"), {"png"}),
    JPEG: (gettext_lazy("JPEG-afbeelding"), {"jpg", "jpeg"}),
    DOCX: (gettext_lazy("Word-document"), {"docx"}),
    XLSX: (gettext_lazy("Excel-werkmap"), {"xlsx"}),
    ODT: (gettext_lazy("ODT-document"), {"odt"}),
}
ODT_MIMETYPE = ODT.encode()

# What an office document may declare when unpacked; far above any real one within the upload limits.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
HEAD_BYTES = 8192


@dataclass(frozen=True)
class CheckedUpload:
    """An accepted upload: its type as judged by content, the extension to store it under, and its size in bytes."""

    content_type: str
    extension: str
    size: int


def upload_type(upload: IO[bytes]) -> str | None:
    """The content type of an uploaded file judged by its bytes, or None when it is none we accept.

    Reads at most HEAD_BYTES of the file, the zip directory, and len(ODT_MIMETYPE) + 1 unpacked bytes.
    """
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime in (PDF, PNG, JPEG):
        return mime
    if head[:4] != b"PK\x03\x04":
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            return _archive_type(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, RuntimeError, ValueError, EOFError):
        return None
    finally:
        upload.seek(0)


def _archive_type(archive: zipfile.ZipFile) -> str | None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        return None
    names = {member.filename for member in members}
    if "mimetype" in names:
        member = archive.getinfo("mimetype")
        if member.file_size <= len(ODT_MIMETYPE) + 2:
            # The declared size may lie; the read is capped whatever the header says.
            with archive.open(member) as handle:
                if handle.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE:
                    return ODT
    if "[Content_Types].xml" in names:
        if any(name.startswith("word/") for name in names):
            return DOCX
        if any(name.startswith("xl/") for name in names):
            return XLSX
    return None


def upload_check(upload, *, max_bytes: int) -> CheckedUpload:
    """Validate an upload (size, type by content, name matching the content); ValidationError in Dutch."""
    if upload.size > max_bytes:
        limit = max_bytes // (1024 * 1024)
        raise ValidationError(_("Het bestand is te groot (maximaal %(limit)s MB).") % {"limit": limit}, code="size")
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    mime = upload_type(upload)
    if mime is None:
        raise ValidationError(
            _("Dit bestandstype wordt niet geaccepteerd. Toegestaan zijn PDF, DOCX, XLSX, ODT, PNG en JPEG."), code="type"
        )
    label, extensions = ACCEPTED_TYPES[mime]
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in extensions:
        raise ValidationError(
            _("‘%(name)s’ is naar de inhoud een %(label)s, maar de naam zegt iets anders; "
              "geef het bestand de juiste extensie (.%(extension)s).")
            % {"name": name, "label": label, "extension": sorted(extensions)[0]},
            code="name",
        )
    return CheckedUpload(content_type=mime, extension=extension, size=upload.size)
