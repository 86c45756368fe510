"""The published national picture: its fingerprint, its stored files and what changed between its versions.

The stored document (`PublishedPicture.document`) is the inspectors' document as it was published, with
"published" null: the SHA-256 is over exactly that document in canonical JSON (`national.fingerprint`), so
anyone can recompute it; the ministry's (`public_document`) has its own (`public_sha256`). `published_document` adds the fingerprint back ({"at", "sha256", "version"}); the files
are rendered from that and stored as `PublishedFile`s, one per format and audience, and served byte for byte.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from national import reports
from national.fingerprint import document_fingerprint, sha256
from national.models import ProvisionalFile, PublicationCheck, PublishedFile, PublishedPicture

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from accounts.models import User
    from framework.models import Round
    from national.picture import Picture

# "national": the ministry's files, without any region's name; "detail": the inspectors'.
AUDIENCES = ("national", "detail")
# The published report is Dutch, whatever the language of the inspector who publishes it.
PUBLISHED_LANGUAGE = "nl"


def latest(round: Round) -> PublishedPicture | None:
    return PublishedPicture.objects.filter(round=round).order_by("-version").first()


def stored_document(picture: PublishedPicture, audience: str) -> dict:
    """The document of `audience` as stored: the inspectors' ("detail") or the ministry's ("national")."""
    return picture.document if audience == "detail" else picture.public_document


def stored_fingerprint(picture: PublishedPicture, audience: str) -> str:
    """The SHA-256 stored for `audience`'s document (the ministry's computed for a row stored without it)."""
    if audience == "detail":
        return picture.sha256
    return picture.public_sha256 or document_fingerprint(picture.public_document)


def published_document(picture: PublishedPicture, audience: str = "detail") -> Picture:
    """The stored document of `audience` with its fingerprint in the "published" key: each reader's document
    carries the SHA-256 of exactly that document as stored (with "published" null), which is the JSON its PDF
    carries, so the ministry can check what it reads as the inspectors check theirs."""
    # The JSON of a computed picture document, as it was stored.
    result = cast("Picture", dict(stored_document(picture, audience)))
    result["status"] = reports.PUBLISHED
    result["published"] = {"at": picture.published_at.isoformat(), "sha256": stored_fingerprint(picture, audience),
                           "version": picture.version}
    return result


def _frozen(document: Picture) -> Picture:
    """The document as stored: JSON through and through (a round trip), published, without its fingerprint."""
    document = json.loads(json.dumps(document, ensure_ascii=False, default=str))
    document["status"] = reports.PUBLISHED
    document["published"] = None
    return document


def snapshot_store(*, round: Round, by: User, version: int, reason: str, at) -> PublishedPicture:
    """Compute the round's picture now (the inspectors' and the ministry's document) and store it as version
    `version` with the SHA-256 of each, and every file for both readers (`files_store`). Called by the services
    only (`round_publish`, `picture_correct`), inside their transaction: a publication exists with all its
    files or not at all, and what a file holds never depends on the data after publication."""
    from national.picture import picture_document

    with translation.override(PUBLISHED_LANGUAGE):
        documents = {"detail": _frozen(picture_document(round, detail=True)),
                     "national": _frozen(picture_document(round, detail=False))}
    picture = PublishedPicture.objects.create(
        round=round, version=version, document=documents["detail"], public_document=documents["national"],
        sha256=document_fingerprint(documents["detail"]), public_sha256=document_fingerprint(documents["national"]),
        reason=reason, published_at=at, published_by=by,
    )
    files_store(picture)
    return picture


def files_store(picture: PublishedPicture) -> list[PublishedFile]:
    """Render every format for both readers from the stored documents and keep each with its SHA-256."""
    shapes = reports.map_shapes()
    files = []
    with translation.override(PUBLISHED_LANGUAGE):
        for audience in AUDIENCES:
            document = published_document(picture, audience)
            for fmt in reports.FORMATS:
                content = reports.render(document, fmt, shapes=shapes)
                files.append(PublishedFile(picture=picture, format=fmt, audience=audience, content=content,
                                           sha256=sha256(content)))
    return PublishedFile.objects.bulk_create(files)


def published_file(round: Round, fmt: str, audience: str) -> tuple[PublishedPicture, PublishedFile] | None:
    """The file of the round's latest published version, or None when the round has none. A version stored
    before its files were rendered at publication gets the file rendered and kept on its first request."""
    picture = latest(round)
    if picture is None:
        return None
    file = PublishedFile.objects.filter(picture=picture, format=fmt, audience=audience).first()
    if file is None:
        with translation.override(PUBLISHED_LANGUAGE):
            content = reports.render(published_document(picture, audience), fmt, shapes=reports.map_shapes())
        file, _created = PublishedFile.objects.get_or_create(
            picture=picture, format=fmt, audience=audience, defaults={"content": content, "sha256": sha256(content)}
        )
    return picture, file


def provisional_file(round: Round, fmt: str, audience: str) -> ProvisionalFile:
    """The file of an unpublished round for `audience` in the active language, rendered once per data version.

    The round's data version (`national.cache.data_version`, one query) is read first; while the stored file
    was rendered at that version it is served as it is, otherwise it is rendered from the picture computed now
    and kept (one row per round, format, reader and language, replaced each time). A data version read before
    rendering can only be older than the data the file shows, so a file is never served for data it does not
    show: at worst a change during the rendering makes the next download render again."""
    from national.cache import data_version
    from national.picture import picture_document

    version = data_version(round)
    language = translation.get_language() or PUBLISHED_LANGUAGE
    key: dict[str, Any] = {"round": round, "format": fmt, "audience": audience, "language": language}
    stored = ProvisionalFile.objects.filter(**key).first()
    if stored is not None and stored.data_version == version:
        return stored
    document = picture_document(round, detail=audience == "detail")
    content = reports.render(document, fmt, shapes=reports.map_shapes())
    values = {"data_version": version, "name": reports.filename(document, fmt), "content": content,
              "rendered_at": timezone.now()}
    try:
        with transaction.atomic():
            stored, _created = ProvisionalFile.objects.update_or_create(**key, defaults=values)
    except IntegrityError:  # another request stored the same file at the same moment
        stored = ProvisionalFile(**key, **values)
    return stored


# --- versions and what changed between them -----------------------------------------------------------------


class VersionFile(TypedDict):
    label: str | StrPromise  # "PDF/A"
    name: str  # "landelijk-beeld-2009-v1.pdf"
    sha256: str


class Version(TypedDict):
    version: int
    published_at: Any
    published_by: str
    sha256: str
    reason: str
    changes: list[str]
    files: list[VersionFile]  # the reader's stored files of this version, with their SHA-256


def _judgment(value: str | None) -> str:
    return reports.judgment_label(value)


def _counts_text(counts: dict[str, int] | None, label=str) -> str:
    return ", ".join(f"{label(key)} {value}" for key, value in (counts or {}).items() if value) or "—"


def _text(value: Any) -> str:
    """A value of the document as a change list shows it, in full."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# What the specific lines of `document_changes` already say; every other difference gets a line of its own.
_SAID_OF_FACTORS = {"national_judgment", "counts", "deelconclusie"}
_SAID_OF_INDICATORS = {"counts", "sentence"}
_SAID = {"overall_conclusion", "context", "published"}


def _label(path: list[str | int]) -> str:
    """A path in the document in words: "3.4.1 reason", "Vraag ovr_assigned by_brigade › 11 › ja",
    "Aanbeveling 2 text", "VR13 judgments › 3.4.1"."""
    head, rest = path[0], [str(part + 1) if isinstance(part, int) else part for part in path[1:]]
    if head in ("success_factors", "subjects") and rest:
        return " › ".join([rest[0], *rest[1:]])
    if head == "indicators" and rest:
        return " › ".join([_("Vraag %(code)s") % {"code": rest[0]}, *rest[1:]])
    if head == "recommendations" and rest:
        return " › ".join([_("Aanbeveling %(number)s") % {"number": rest[0]}, *rest[1:]])
    return " › ".join([str(head), *rest])


def _differences(before: Any, after: Any, path: list[str | int]) -> list[tuple[list[str | int], Any, Any]]:
    """Every leaf in which `after` differs from `before`, with its path: dictionaries by key, lists of equal
    length by position (a longer or shorter list: each item added or removed)."""
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in [*before, *(key for key in after if key not in before)]:
            found += _differences(before.get(key), after.get(key), [*path, key])
        return found
    if isinstance(before, list) and isinstance(after, list) and before != after:
        found = []
        for index in range(max(len(before), len(after))):
            found += _differences(before[index] if index < len(before) else None,
                                  after[index] if index < len(after) else None, [*path, index])
        return found
    return [] if before == after else [(path, before, after)]


def _said(path: list[str | int]) -> bool:
    if path[0] in _SAID:
        return True
    if path[0] == "success_factors" and len(path) > 2 and path[2] in _SAID_OF_FACTORS:
        return True
    return path[0] == "indicators" and len(path) > 2 and path[2] in _SAID_OF_INDICATORS


def document_changes(before: dict, after: dict) -> list[str]:
    """Everything that differs between two stored documents of a round, in words and in full: first the
    national figures as the report names them (national judgments, judgment counts, deelconclusies with their
    text, indicator counts and sentences, the conclusion, the context), then every other key of the document
    that differs, with its old and new value. Nothing that differs is left out, so a version's change list is
    all that changed. Given the ministry's documents it names no region, as they name none."""
    changes: list[str] = []
    factors_before, factors_after = before.get("success_factors", {}), after.get("success_factors", {})
    for code in [*factors_after, *(code for code in factors_before if code not in factors_after)]:
        old, factor = factors_before.get(code, {}), factors_after.get(code, {})
        if old.get("national_judgment") != factor.get("national_judgment"):
            changes.append(_("%(code)s landelijk oordeel: %(old)s → %(new)s") % {
                "code": code, "old": _judgment(old.get("national_judgment")), "new": _judgment(factor.get("national_judgment"))})
        if old.get("counts") != factor.get("counts"):
            changes.append(_("%(code)s oordelen: %(old)s → %(new)s") % {
                "code": code, "old": _counts_text(old.get("counts"), _judgment), "new": _counts_text(factor.get("counts"), _judgment)})
        if old.get("deelconclusie", "") != factor.get("deelconclusie", ""):
            changes.append(_("%(code)s deelconclusie: %(old)s → %(new)s") % {
                "code": code, "old": _text(old.get("deelconclusie")), "new": _text(factor.get("deelconclusie"))})
    indicators_before, indicators_after = before.get("indicators", {}), after.get("indicators", {})
    for code in [*indicators_after, *(code for code in indicators_before if code not in indicators_after)]:
        old, indicator = indicators_before.get(code, {}), indicators_after.get(code, {})
        if old.get("counts") != indicator.get("counts"):
            changes.append(_("Vraag %(code)s: %(old)s → %(new)s") % {
                "code": code, "old": _counts_text(old.get("counts")), "new": _counts_text(indicator.get("counts"))})
        if old.get("sentence") != indicator.get("sentence"):
            changes.append(_("Vraag %(code)s, zin: %(old)s → %(new)s") % {
                "code": code, "old": _text(old.get("sentence")), "new": _text(indicator.get("sentence"))})
    if before.get("overall_conclusion", "") != after.get("overall_conclusion", ""):
        changes.append(_("Conclusie: %(old)s → %(new)s") % {
            "old": _text(before.get("overall_conclusion")), "new": _text(after.get("overall_conclusion"))})
    for path, old, new in _differences(before.get("context") or {}, after.get("context") or {}, ["context"]):
        changes.append(_("Context van de meting, %(what)s: %(old)s → %(new)s") % {
            "what": " › ".join(str(part + 1) if isinstance(part, int) else part for part in path[1:]),
            "old": _text(old), "new": _text(new)})
    for path, old, new in _differences(before, after, []):
        if not _said(path):
            changes.append(f"{_label(path)}: {_text(old)} → {_text(new)}")
    return changes


def _changes_document(picture: PublishedPicture, audience: str) -> dict:
    """The document whose differences `audience` reads: its own as stored; for the ministry, of a version
    stored before it had its own document, the inspectors' without anything that names a region."""
    document = stored_document(picture, audience)
    if document or audience == "detail":
        return document
    hidden = {"region", "region_name", "concerned_regions"}
    return {**{key: value for key, value in picture.document.items() if key != "subjects"},
            "recommendations": [{key: value for key, value in item.items() if key not in hidden}
                                for item in picture.document.get("recommendations") or []]}


def versions(round: Round, audience: str = "detail") -> list[Version]:
    """Every published version of the round, newest first, each with the SHA-256 of `audience`'s document and
    what changed since the one before: the context of `templates/national/_versions.html`."""
    pictures = list(PublishedPicture.objects.filter(round=round).select_related("published_by").order_by("version"))
    stored: dict[int, dict[str, str]] = {}
    for picture_id, fmt, fingerprint in PublishedFile.objects.filter(picture__round=round, audience=audience).values_list(
            "picture_id", "format", "sha256"):
        stored.setdefault(picture_id, {})[fmt] = fingerprint
    result: list[Version] = []
    previous = None
    for picture in pictures:
        result.append({
            "version": picture.version,
            "published_at": picture.published_at,
            "published_by": str(picture.published_by),
            "sha256": stored_fingerprint(picture, audience),
            "reason": picture.reason,
            "changes": document_changes(_changes_document(previous, audience), _changes_document(picture, audience))
                       if previous else [],
            "files": [
                {"label": reports.FORMAT_LABELS[fmt], "sha256": stored[picture.pk][fmt],
                 "name": reports.filename({"round": round.year, "status": reports.PUBLISHED,
                                           "published": {"version": picture.version}}, fmt)}
                for fmt in reports.FORMATS if fmt in stored.get(picture.pk, {})
            ],
        })
        previous = picture
    return result[::-1]


def shown_picture(round: Round, *, user: User) -> Picture:
    """The picture as `user` sees it on the pages: a published round from its latest published version (so the
    dashboard shows exactly what was published, with its SHA-256), an unpublished one computed now."""
    from national.picture import picture_for

    picture = latest(round) if round.published_at is not None else None
    if picture is None:
        return picture_for(round, user=user)
    document = published_document(picture, audience_of(user))
    # Versions published before rounds had codes name their round by year only.
    return document if "round_code" in document else {**document, "round_code": round.code}


def audience_of(user: User) -> str:
    """Whose files and document `user` reads: the inspectors' ("detail") or the ministry's ("national")."""
    from regions.policy import Action, may

    return "detail" if may(user, Action.SUBJECT_DETAIL) else "national"


# --- verification: every stored document and file against its SHA-256 -----------------------------------------


def _reader(audience: str) -> str:
    return _("inspectie") if audience == "detail" else _("ministerie")


@transaction.atomic
def publication_verify(*, round: Round) -> PublicationCheck:
    """Recompute the SHA-256 of every stored document (both readers') and file of every published version of
    `round`, and keep the outcome (`PublicationCheck`): what differs or is missing, in words. A round without
    a publication is refused. `manage.py verify_publication` runs it; the dashboard shows the latest."""
    pictures = list(PublishedPicture.objects.filter(round=round).order_by("version"))
    if not pictures:
        raise ValidationError(_("Meting %(year)s is niet gepubliceerd.") % {"year": round.year})
    problems: list[str] = []
    checked = 0
    for picture in pictures:
        for audience, expected in (("detail", picture.sha256), ("national", picture.public_sha256)):
            checked += 1
            actual = document_fingerprint(stored_document(picture, audience))
            if actual != expected:
                problems.append(_("Versie %(version)s, document (%(reader)s): SHA-256 %(actual)s in plaats van %(expected)s")
                                % {"version": picture.version, "reader": _reader(audience), "actual": actual,
                                   "expected": expected or "—"})
    seen: set[tuple[int, str, str]] = set()
    versions = {picture.pk: picture.version for picture in pictures}
    for file in PublishedFile.objects.filter(picture__round=round).order_by("picture__version", "audience", "format").iterator(
            chunk_size=20):
        checked += 1
        seen.add((file.picture_id, file.audience, file.format))
        actual = sha256(bytes(file.content))
        if actual != file.sha256:
            problems.append(_("Versie %(version)s, %(format)s (%(reader)s): SHA-256 %(actual)s in plaats van %(expected)s")
                            % {"version": versions[file.picture_id], "format": reports.FORMAT_LABELS.get(file.format, file.format),
                               "reader": _reader(file.audience), "actual": actual, "expected": file.sha256})
    latest_picture = pictures[-1]
    for audience in AUDIENCES:
        for fmt in reports.FORMATS:
            if (latest_picture.pk, audience, fmt) not in seen:
                problems.append(_("Versie %(version)s, %(format)s (%(reader)s) ontbreekt")
                                % {"version": latest_picture.version, "format": reports.FORMAT_LABELS[fmt],
                                   "reader": _reader(audience)})
    return PublicationCheck.objects.create(round=round, checked_at=timezone.now(), ok=not problems, problems=problems,
                                           checked=checked)


def latest_check(round: Round) -> PublicationCheck | None:
    return PublicationCheck.objects.filter(round=round).order_by("-checked_at", "-pk").first()
