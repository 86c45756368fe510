"""The national report of a round as files (PDF/A, DOCX and ODT, XLSX and ODS, the indicator table as CSV,
also `;`-separated), each rendered
from ONE `national.picture.Picture` document and from nothing else but the reference map.

What a file may show is decided by the document it is given: the ministry's document holds no region code or
name (no "subjects"), so neither does any file rendered from it. A document whose status is not
"gepubliceerd" makes every file say "voorlopig — nog niet vastgesteld"; a published one (`published` set)
puts its version and SHA-256 in every file.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypedDict

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.tabular import render_table
from findings.models import Addressee, FollowUpStatus, Judgment, RecommendationStatus
from findings.templatetags.findings_tags import JUDGMENT_FILLS
from national import opendocument
from national.fingerprint import canonical_json
from national.layout import AUTHOR, Block, Contents, Grid, Heading, Sheet, Text

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from national.picture import FactorPicture, Indicator, Picture

# "csv_nl": the indicator table separated by ";", as a spreadsheet set to Dutch opens it in columns.
FORMATS = ("pdf", "docx", "xlsx", "csv", "odt", "ods", "csv_nl")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "csv_nl": "text/csv; charset=utf-8",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "html": "text/html; charset=utf-8",
}
FORMAT_LABELS: dict[str, str | StrPromise] = {"pdf": "PDF/A", "docx": gettext_lazy("Word (DOCX)"), "odt": gettext_lazy("OpenDocument-tekst (ODT)"),
                 "xlsx": gettext_lazy("Excel (XLSX)"), "ods": gettext_lazy("OpenDocument-rekenblad (ODS)"),
                 "csv": gettext_lazy("indicatoren (CSV)"), "csv_nl": gettext_lazy("indicatoren (CSV met puntkomma's)")}
PUBLISHED = "gepubliceerd"
# Archival (PDF/A-3, level a: tagged, Unicode text) with the picture document attached.
PDF_VARIANT = "pdf/a-3a"
BAR_WIDTH = 300
# Answer values are not judgments: a neutral sequence that still prints apart in grey (the table beside the
# bar carries the figures, so colour is never the only carrier).
VALUE_FILLS = ("#1f4e79", "#8fb8de", "#c55a11", "#f4b183", "#548235", "#a9d18e", "#7f6000", "#bfbfbf")
BRIGADE_FILLS = {"43": "#1f4e79", "11": "#c55a11", "13": "#548235"}


# --- texts every format shares ---------------------------------------------------------------------------


def is_published(picture: Mapping[str, Any]) -> bool:
    return picture.get("status") == PUBLISHED


def status_line(picture: Picture) -> str:
    """"voorlopig — nog niet vastgesteld", or the published version with its date and SHA-256."""
    if not is_published(picture):
        return _("voorlopig — nog niet vastgesteld")
    published = picture.get("published")
    if not published:  # published before the pictures were stored with a fingerprint
        return _("Gepubliceerd")
    return _("Gepubliceerd %(at)s, versie %(version)s, SHA-256 %(sha256)s") % {
        "at": published["at"][:10], "version": published.get("version", 1), "sha256": published["sha256"]}


def judgment_label(value: str | None) -> str:
    if not value:
        return _("nog geen oordeel")
    return str(dict(Judgment.choices).get(value, value))


def _choice_label(choices, value: str) -> str:
    if value == "open":
        return _("nog niet opgevolgd")
    return str(dict(choices).get(value, value))


def brigade_codes(picture: Picture) -> list[str]:
    return list(picture.get("brigades") or {})


def value_order(indicator: Indicator) -> list[str]:
    """The values of an indicator in the definition's order (its labels), then any other counted value."""
    labels = list(indicator.get("labels") or {})
    return labels + [value for value in indicator.get("counts", {}) if value not in labels]


def value_label(indicator: Indicator, value: str) -> str:
    return (indicator.get("labels") or {}).get(value, value)


JUDGMENT_ORDER = list(Judgment.values)


def judgment_order(counts: dict[str, int]) -> list[str]:
    return JUDGMENT_ORDER + [value for value in counts if value not in JUDGMENT_ORDER]


def context_of(picture: Picture) -> dict[str, Any]:
    """The round's context as the files print it: {"text", "figures"}; empty in a document stored before the
    picture carried a context."""
    context = picture.get("context") or {}
    return {"text": (context.get("text") or "").strip(), "figures": list(context.get("figures") or [])}


CONTEXT_COLUMNS = ("label", "value", "unit", "period", "source")


def context_header() -> list[str]:
    return [_("omschrijving"), _("waarde"), _("eenheid"), _("jaar of periode"), _("bron")]


def context_rows(picture: Picture) -> list[list[str]]:
    return [[str(figure.get(key) or "") for key in CONTEXT_COLUMNS] for figure in context_of(picture)["figures"]]


def recommendation_rows(picture: Picture) -> list[dict[str, str]]:
    """The recommendations as the files print them; the keys the document gives, read defensively."""
    rows: list[dict[str, str]] = []
    recommendations: Iterable[Mapping[str, Any]] = picture.get("recommendations") or []
    for item in recommendations:
        follow_up: Mapping[str, Any] = item.get("follow_up") or {}
        factors = item.get("success_factors") or []
        rows.append({
            "round": str(item.get("round") or picture["round"]),
            "text": item.get("text", ""),
            "addressee": item.get("addressee_label") or _choice_label(Addressee.choices, item.get("addressee", "")),
            "success_factors": ", ".join(str(code) for code in factors),
            "status": item.get("status_label") or _choice_label(RecommendationStatus.choices, item.get("status", "")),
            "follow_up": follow_up.get("status_label") or _choice_label(FollowUpStatus.choices, follow_up.get("status", "")),
            "follow_up_round": str(follow_up.get("round") or ""),
            "explanation": follow_up.get("explanation", ""),
            # Only in the inspectors' document: the region a regional recommendation is addressed to.
            "region": " ".join(part for part in (item.get("region"), item.get("region_name")) if part),
        })
    return rows


# --- the report as a structure (HTML and PDF) ---------------------------------------------------------------


def subject_rows(picture: Picture, factor_codes: list[str]) -> list[list[str]]:
    """Per region (only in the inspectors' document): code, name, brigade and its judgment per factor."""
    rows = []
    for code, subject in sorted((picture.get("subjects") or {}).items()):
        judgments = subject.get("judgments") or {}
        rows.append([code, subject.get("name", ""), str(subject.get("brigade") or ""),
                     *[judgment_label(judgments.get(f)) if judgments.get(f) else "" for f in factor_codes]])
    return rows


class Segment(TypedDict):
    label: str
    count: int
    x: float
    width: float
    fill: str


def bar(counts: dict[str, int], order: Iterable[str], label_for, fill_for) -> list[Segment]:
    """Segments of one horizontal bar, `BAR_WIDTH` wide, in `order`."""
    total = sum(counts.values()) or 1
    segments: list[Segment] = []
    x = 0.0
    for index, value in enumerate(order):
        count = counts.get(value, 0)
        if not count:
            continue
        width = round(BAR_WIDTH * count / total, 1)
        segments.append({"label": label_for(value), "count": count, "x": round(x, 1), "width": width,
                         "fill": fill_for(value, index)})
        x += width
    return segments


def _indicator_context(picture: Picture, code: str) -> dict[str, Any]:
    indicator = picture["indicators"][code]
    order = value_order(indicator)
    counts = indicator.get("counts", {})
    brigades = brigade_codes(picture)
    previous = indicator.get("previous")
    return {
        "code": code,
        "indicator": indicator,
        "bar": bar(counts, order, lambda v: value_label(indicator, v), lambda _v, i: VALUE_FILLS[i % len(VALUE_FILLS)]),
        "columns": [value_label(indicator, value) for value in order],
        "rows": [
            {"label": _("landelijk"), "cells": [counts.get(value, 0) for value in order], "total": indicator.get("answered", 0)},
            *[
                {"label": picture["brigades"][number], "cells": [indicator["by_brigade"].get(number, {}).get(value, 0) for value in order],
                 "total": sum(indicator["by_brigade"].get(number, {}).values())}
                for number in brigades
            ],
            *([{"label": _("meting %(year)s") % {"year": previous["round"]},
                "cells": [previous.get("counts", {}).get(value, 0) for value in order],
                "total": previous.get("answered", 0)}] if previous else []),
        ],
        "previous": previous,
    }


def _factor_context(picture: Picture, code: str) -> dict[str, Any]:
    factor: FactorPicture = picture["success_factors"][code]
    counts = factor.get("counts", {})
    order = [value for value in judgment_order(counts) if value in counts]
    previous = factor.get("previous_counts")
    rows = [{"label": _("landelijk"), "cells": [counts.get(v, 0) for v in order]}]
    rows += [{"label": picture["brigades"][number], "cells": [factor.get("by_brigade", {}).get(number, {}).get(v, 0) for v in order]}
             for number in brigade_codes(picture) if factor.get("subject_kind") != "brigade"]
    if previous:
        rows.append({"label": _("meting %(year)s") % {"year": picture.get("previous_round") or ""},
                     "cells": [previous.get(v, 0) for v in order]})
    return {
        "code": code,
        "factor": factor,
        "judgment": judgment_label(factor.get("national_judgment")),
        "proposed": judgment_label(factor.get("proposed_judgment")),
        "bar": bar(counts, order, judgment_label, lambda v, _i: JUDGMENT_FILLS.get(v, "#dee2e6")),
        "columns": [judgment_label(v) for v in order],
        "rows": rows,
        "indicators": [_indicator_context(picture, q) for q in factor.get("indicators", []) if q in picture["indicators"]],
    }


def previous_note(picture: Picture) -> str:
    """What every file says wherever it compares with a previous round whose figures are reconstructed
    (`previous_reconstructed`): "2009: gereconstrueerd uit het rapport van 2013; geen meetgegevens"; empty otherwise."""
    if not (picture.get("previous_reconstructed") and picture.get("previous_round")):
        return ""
    return _("%(previous)s: gereconstrueerd uit het rapport van %(year)s; geen meetgegevens") % {
        "previous": picture["previous_round"], "year": picture["round"]}


def report_context(picture: Picture, *, shapes: list[dict] | None = None) -> dict[str, Any]:
    """The context of `templates/national/report.html`; `shapes` (from `map_shapes`) adds the map."""
    themes: list[dict[str, Any]] = [
        {"theme": theme, "factors": [_factor_context(picture, code) for code in theme["success_factors"]
                                     if code in picture["success_factors"]]}
        for theme in picture.get("themes", [])
    ]
    follow_up: Mapping[str, Any] | None = picture.get("follow_up")
    factor_codes = [code for theme in themes for code in (item["code"] for item in theme["factors"])]
    return {
        "subject_columns": factor_codes,
        "subject_rows": subject_rows(picture, factor_codes),
        "picture": picture,
        "title": picture.get("title") or _("Landelijk beeld %(year)s") % {"year": picture["round"]},
        "status_line": status_line(picture),
        "previous_note": previous_note(picture),
        "published": is_published(picture),
        "themes": themes,
        "recommendations": recommendation_rows(picture),
        "round_context": context_of(picture),
        "follow_up": follow_up,
        "follow_up_rows": [
            {"label": _choice_label(FollowUpStatus.choices, status), "count": count}
            for status, count in (follow_up or {}).get("by_status", {}).items()
        ],
        "brigades": [{"number": n, "name": name, "fill": BRIGADE_FILLS.get(n, "#bfbfbf")} for n, name in (picture.get("brigades") or {}).items()],
        "shapes": shapes or [],
        "map_description": map_description(picture),
        "bar_width": BAR_WIDTH,
        "author": AUTHOR,
    }


def map_description(picture: Picture) -> str:
    """The map in words (its text alternative): which brigade area holds how many regions."""
    counts = picture.get("brigade_regions") or {}
    areas = "; ".join(
        ngettext("%(brigade)s: %(n)s veiligheidsregio", "%(brigade)s: %(n)s veiligheidsregio's", counts[number])
        % {"brigade": name, "n": counts[number]}
        for number, name in (picture.get("brigades") or {}).items() if number in counts
    )
    text = _("Kaart van Nederland met de veiligheidsregio's, gekleurd naar het brigadegebied waartoe zij behoren")
    return f"{text}: {areas}." if areas else f"{text}."


def map_shapes() -> list[dict]:
    """The regions' boundaries coloured per brigade area, without any region's code or name: the map the
    ministry may see. Reference data, one query."""
    from regions.geo import geometry_to_path
    from regions.models import Region

    rows = Region.objects.order_by("code").values_list("brigade__number", "boundary")
    return [{"path": geometry_to_path(boundary), "fill": BRIGADE_FILLS.get(str(number), "#bfbfbf")}
            for number, boundary in rows if boundary]


def render_html(picture: Picture, *, shapes: list[dict] | None = None, for_print: bool = False) -> str:
    """The report as one HTML page (the printable page, and the source of the PDF)."""
    from regions.geo import HEIGHT, WIDTH

    context = report_context(picture, shapes=shapes)
    context.update({"for_print": for_print, "map_width": WIDTH, "map_height": HEIGHT})
    return render_to_string("national/report.html", context)


def attached_document(picture: Picture) -> bytes:
    """The reader's picture document as the PDF carries it: a published one as stored (without its
    fingerprint, so that its SHA-256 is the one the dashboard shows), in canonical JSON."""
    return canonical_json({**picture, "published": None} if picture.get("published") else dict(picture))


def document_name(picture: Picture) -> str:
    return filename(picture, "pdf").removesuffix(".pdf") + ".json"


def render_pdf(picture: Picture, *, shapes: list[dict] | None = None) -> bytes:
    """The report as PDF/A-3a (WeasyPrint): tagged, in Dutch (/Lang from the page's lang), the inspectorate as
    author, bookmarks and a table of contents from the headings, the bars and the map with a text
    alternative, and the reader's picture document embedded as its associated JSON file."""
    from datetime import datetime

    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML, Attachment

    html = render_html(picture, shapes=shapes, for_print=True)
    fetcher = static_files_fetcher()
    stylesheet = CSS(filename=finders.find("css/report.css"), url_fetcher=fetcher)
    published = picture.get("published") if is_published(picture) else None
    at = datetime.fromisoformat(published["at"]) if published else None
    attachment = Attachment(
        string=attached_document(picture), name=document_name(picture), url_fetcher=fetcher,
        description=_("Het landelijk beeld als JSON-document; SHA-256 zoals de website het toont"),
        created=at, modified=at, relationship="Data")
    document = HTML(string=html, base_url=".", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], pdf_variant=PDF_VARIANT, attachments=[attachment])


def static_files_fetcher():
    """A WeasyPrint URL fetcher that fetches nothing but the application's own static files: the report is
    rendered from its document alone, so no address in it (a text, a stylesheet) ever reaches out."""
    from weasyprint.urls import URLFetcher

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not is_static_file_url(url):
                raise ValueError(f"refused: {url[:80]}")
            return super().fetch(url, headers)

    return StaticFilesOnly(allowed_protocols=("file",), allow_redirects=False)


def is_static_file_url(url: str) -> bool:
    """A file:// address of a file inside the static files' own folders."""
    from pathlib import Path
    from urllib.parse import unquote, urlsplit

    from django.conf import settings

    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    roots = [Path(entry[1] if isinstance(entry, tuple) else entry).resolve() for entry in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return path.is_file() and any(path.is_relative_to(root) for root in roots)


# --- the report as text blocks (DOCX and ODT) and as sheets (XLSX and ODS) -------------------------------


def report_blocks(picture: Picture) -> list[Block]:
    """The report as a word processor holds it: a heading per theme and success factor, the sentences, tables
    for the distributions and the brigade breakdown, the conclusions, the recommendations and their follow-up.
    DOCX and ODT are written from these blocks alike."""
    context = report_context(picture)
    blocks: list[Block] = [Heading(0, context["title"]), Text(context["status_line"], bold=not context["published"])]
    if picture.get("reconstructed"):
        blocks.append(Text(_("De vragenlijst van deze meting is gereconstrueerd uit het rapport.")))
    if context["previous_note"]:
        blocks.append(Text(context["previous_note"]))
    blocks.append(Contents())
    if picture.get("overall_conclusion"):
        blocks.append(Heading(1, _("Conclusie")))
        blocks += [Text(paragraph.strip()) for paragraph in picture["overall_conclusion"].split("\n\n") if paragraph.strip()]
    for theme in context["themes"]:
        blocks.append(Heading(1, f"{theme['theme']['number']}. {theme['theme']['name']}"))
        for item in theme["factors"]:
            factor = item["factor"]
            blocks.append(Heading(2, f"{item['code']} {factor['name']}"))
            blocks.append(Text(_("Landelijk oordeel: %(judgment)s") % {"judgment": item["judgment"]}))
            if factor.get("rule"):
                blocks.append(Text(_("Voorstel volgens de regel: %(proposed)s — %(rule)s")
                                   % {"proposed": item["proposed"], "rule": factor["rule"]}))
            if factor.get("reason"):
                blocks.append(Text(_("Reden van afwijking: %(reason)s") % {"reason": factor["reason"]}))
            if item["rows"] and item["columns"]:
                blocks.append(Grid(["", *item["columns"]], [[row["label"], *row["cells"]] for row in item["rows"]]))
            for indicator in item["indicators"]:
                blocks.append(Text(indicator["indicator"].get("sentence") or indicator["indicator"]["question"]))
                previous = indicator["previous"]
                if previous and previous.get("sentence"):
                    blocks.append(Text(_("In %(year)s: %(sentence)s") % {"year": previous["round"], "sentence": previous["sentence"]}))
                blocks.append(Grid(["", *indicator["columns"], _("beantwoord")],
                                   [[row["label"], *row["cells"], row["total"]] for row in indicator["rows"]]))
            if factor.get("deelconclusie"):
                blocks += [Heading(3, _("Deelconclusie")), Text(factor["deelconclusie"])]
    if context["follow_up"]:
        blocks.append(Heading(1, _("Opvolging van de aanbevelingen uit %(year)s") % {"year": context["follow_up"]["round"]}))
        blocks.append(Grid([_("opvolging"), _("aantal")], [[row["label"], row["count"]] for row in context["follow_up_rows"]]))
    round_context = context["round_context"]
    if round_context["text"] or round_context["figures"]:
        blocks.append(Heading(1, _("Context van de meting")))
        blocks += [Text(paragraph.strip()) for paragraph in round_context["text"].split("\n\n") if paragraph.strip()]
        if round_context["figures"]:
            blocks.append(Grid(context_header(), context_rows(picture)))
    if context["recommendations"]:
        blocks.append(Heading(1, _("Aanbevelingen")))
        blocks.append(Grid(
            [_("meting"), _("aanbeveling"), _("geadresseerde"), _("succesfactoren"), _("opvolging"), _("toelichting")],
            [[r["round"], r["text"], " · ".join(p for p in (r["addressee"], r["region"]) if p), r["success_factors"],
              r["follow_up"], r["explanation"]] for r in context["recommendations"]],
        ))
    if context["subject_rows"]:
        blocks.append(Heading(1, _("Oordelen per regio (alleen voor de inspectie)")))
        blocks.append(Grid([_("code"), _("regio"), _("brigade"), *context["subject_columns"]], context["subject_rows"]))
    return blocks


def _sheet_title(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text[:31]


def _year(value: Any) -> Any:
    """A round's year as a number where it is one."""
    return int(value) if str(value).isdigit() else value


def report_sheets(picture: Picture) -> list[Sheet]:
    """The report as a workbook: a sheet per theme, one with every indicator by brigade and by round, one with
    the round's context and its figures, one with the recommendations and their follow-up. Questions and
    values by their words, not their codes."""
    context = report_context(picture)
    brigades = brigade_codes(picture)
    summary = Sheet(_sheet_title(_("Overzicht")), widths={0: 60})
    summary.add([context["title"]], bold=True)
    summary.add([context["status_line"]])
    if picture.get("overall_conclusion"):
        summary.add([_("Conclusie"), picture["overall_conclusion"]])
    sheets = [summary]

    for theme in context["themes"]:
        sheet = Sheet(_sheet_title(f"{_('Thema')} {theme['theme']['number']}"), widths={0: 28, 1: 60})
        sheet.add([f"{theme['theme']['number']}. {theme['theme']['name']}"], bold=True)
        sheet.add([context["status_line"]])
        for item in theme["factors"]:
            factor = item["factor"]
            sheet.add()
            sheet.add([item["code"], factor["name"]], bold=True)
            sheet.add([_("landelijk oordeel"), item["judgment"]])
            sheet.add([_("voorstel"), item["proposed"], factor.get("rule", "")])
            if factor.get("reason"):
                sheet.add([_("reden van afwijking"), factor["reason"]])
            sheet.add(["", *item["columns"]], bold=True)
            for row in item["rows"]:
                sheet.add([row["label"], *row["cells"]])
            if context["previous_note"] and factor.get("previous_counts"):
                sheet.add([_("let op"), context["previous_note"]])
            for indicator in item["indicators"]:
                sheet.add([_("indicator"), indicator["indicator"].get("sentence") or indicator["indicator"]["question"]])
            sheet.add([_("deelconclusie"), factor.get("deelconclusie", "")])
        sheets.append(sheet)

    sheet = Sheet(_sheet_title(_("Indicatoren")), widths={1: 50, 2: 24}, freeze_header=True)
    previous_round = picture.get("previous_round")
    # Reconstructed previous figures: a column that says so beside every row that shows them.
    note = context["previous_note"]
    sheet.add([_("succesfactor"), _("vraag"), _("antwoord"), _year(picture["round"]),
               *[f"{_('brigade')} {n}" for n in brigades], _year(previous_round or _("vorige meting")),
               *([_("herkomst %(year)s") % {"year": previous_round}] if note else [])], bold=True)
    for indicator in picture["indicators"].values():
        previous: Mapping[str, Any] = indicator.get("previous") or {}
        remark = [note if previous else None] if note else []
        for value in value_order(indicator):
            sheet.add([indicator.get("success_factor", ""), indicator["question"], value_label(indicator, value),
                       indicator["counts"].get(value, 0),
                       *[indicator["by_brigade"].get(n, {}).get(value, 0) for n in brigades],
                       previous.get("counts", {}).get(value, 0) if previous else None, *remark])
        sheet.add([indicator.get("success_factor", ""), indicator["question"], _("beantwoord"),
                   indicator.get("answered", 0), *[sum(indicator["by_brigade"].get(n, {}).values()) for n in brigades],
                   previous.get("answered") if previous else None, *remark])
    sheets.append(sheet)

    sheet = Sheet(_sheet_title(_("Context")), widths={0: 60, 4: 30})
    sheet.add([_("Context van de meting")], bold=True)
    sheet.add([context["status_line"]])
    sheet.add([context["round_context"]["text"] or _("De context van deze meting is nog niet beschreven.")])
    sheet.add()
    sheet.add(context_header(), bold=True)
    for row in context_rows(picture):
        sheet.add(row)
    sheets.append(sheet)

    sheet = Sheet(_sheet_title(_("Aanbevelingen")), widths={1: 60})
    sheet.add([_("meting"), _("aanbeveling"), _("geadresseerde"), _("succesfactoren"), _("status"), _("opvolging"),
               _("opvolging in meting"), _("toelichting")], bold=True)
    for row in context["recommendations"]:
        sheet.add([_year(row["round"]), row["text"], " · ".join(p for p in (row["addressee"], row["region"]) if p),
                   row["success_factors"], row["status"], row["follow_up"], _year(row["follow_up_round"]),
                   row["explanation"]])
    sheets.append(sheet)

    if context["subject_rows"]:
        sheet = Sheet(_sheet_title(_("Regio's")))
        sheet.add([_("code"), _("regio"), _("brigade"), *context["subject_columns"]], bold=True)
        for row in context["subject_rows"]:
            sheet.add(row)
        sheets.append(sheet)
    return sheets


# --- DOCX -------------------------------------------------------------------------------------------------


def _docx_field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, TOC) in `paragraph`: Word computes it; the placeholder shows until then."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    fld_char("begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


def _docx_table(document, grid: Grid):
    table = document.add_table(rows=1, cols=len(grid.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, grid.header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in grid.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    return table


def render_docx(picture: Picture) -> bytes:
    """The report as a Word document the inspectorate edits into its published report (`report_blocks`), with
    a table of contents, page numbers in the footer and the inspectorate as its author."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    title, status = report_context(picture)["title"], status_line(picture)
    properties = document.core_properties
    properties.title, properties.comments = title, status
    properties.author = properties.last_modified_by = AUTHOR
    properties.language = "nl-NL"
    # Word fills the table of contents and the page numbers when it opens the document.
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)
    for section in document.sections:
        section.header.paragraphs[0].text = f"{title} · {status}"
        footer = section.footer.paragraphs[0]
        footer.add_run(_("pagina") + " ")
        _docx_field(footer, "PAGE", "1")
        footer.add_run(" " + _("van") + " ")
        _docx_field(footer, "NUMPAGES", "1")
    for block in report_blocks(picture):
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Text):
            run = document.add_paragraph().add_run(block.text)
            run.bold = block.bold
        elif isinstance(block, Grid):
            _docx_table(document, block)
        else:
            document.add_paragraph(_("Inhoud"), style="TOC Heading")
            _docx_field(document.add_paragraph(), r'TOC \o "1-3" \h \z \u',
                        _("De inhoudsopgave wordt bijgewerkt wanneer het document wordt geopend."))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- XLSX -------------------------------------------------------------------------------------------------


def render_xlsx(picture: Picture) -> bytes:
    """The report as an Excel workbook (`report_sheets`): every text a text cell (never a formula, as
    core.tabular writes), every count a number the inspectorate can add up."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = AUTHOR
    workbook.properties.title = report_context(picture)["title"]
    for model in report_sheets(picture):
        sheet = workbook.create_sheet(model.title)
        for values, bold in model.rows:
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                if bold:
                    cell.font = Font(bold=True)
        for column, width in model.widths.items():
            sheet.column_dimensions[get_column_letter(column + 1)].width = width
        if model.freeze_header:
            sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- OpenDocument (ODT, ODS) ------------------------------------------------------------------------------


def render_odt(picture: Picture) -> bytes:
    """The report as an OpenDocument text (`national.opendocument`), beside the DOCX."""
    return opendocument.text_document(report_blocks(picture), title=report_context(picture)["title"])


def render_ods(picture: Picture) -> bytes:
    """The report as an OpenDocument spreadsheet (`national.opendocument`), beside the XLSX."""
    return opendocument.spreadsheet(report_sheets(picture), title=report_context(picture)["title"])


# --- CSV --------------------------------------------------------------------------------------------------

CSV_HEADER_FIXED = ("round", "status", "question_code", "success_factor", "value", "label", "count")


def render_csv(picture: Picture, *, delimiter: str = ",") -> bytes:
    """The indicator table in long format: one row per indicator and value, with the count nationally, per
    brigade and in the previous round (formula-safe, as every CSV export), in UTF-8 with a byte order mark
    so that a spreadsheet reads its accents; `delimiter=";"` for a spreadsheet set to Dutch."""
    brigades = brigade_codes(picture)
    header = (*CSV_HEADER_FIXED, *[f"brigade_{n}" for n in brigades], "previous_round", "previous_count", "previous_note", "version",
              "sha256")
    published = picture.get("published") if is_published(picture) else None
    status = PUBLISHED if is_published(picture) else _("voorlopig — nog niet vastgesteld")
    fingerprint = [str(published.get("version", 1)), published["sha256"]] if published else ["", ""]
    note = previous_note(picture)
    rows = []
    for code, indicator in picture["indicators"].items():
        previous = indicator.get("previous")
        for value in value_order(indicator):
            rows.append([
                str(picture["round"]), status, code, indicator.get("success_factor", ""), value, value_label(indicator, value),
                str(indicator["counts"].get(value, 0)),
                *[str(indicator["by_brigade"].get(n, {}).get(value, 0)) for n in brigades],
                str(previous["round"]) if previous else "", str(previous.get("counts", {}).get(value, 0)) if previous else "",
                note if previous else "", *fingerprint,
            ])
    return render_table(header, rows, "csv", delimiter=delimiter, bom=True)


def render_csv_nl(picture: Picture) -> bytes:
    return render_csv(picture, delimiter=";")


RENDERERS = {"pdf": render_pdf, "docx": render_docx, "xlsx": render_xlsx, "csv": render_csv, "odt": render_odt,
             "ods": render_ods, "csv_nl": render_csv_nl}


def render(picture: Picture, fmt: str, *, shapes: list[dict] | None = None) -> bytes:
    """The file of `picture` in `fmt` (one of FORMATS)."""
    if fmt == "pdf":
        return render_pdf(picture, shapes=shapes)
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}")
    return RENDERERS[fmt](picture)


def extension(fmt: str) -> str:
    return "csv" if fmt == "csv_nl" else fmt


def filename(picture: Mapping[str, Any], fmt: str) -> str:
    """The file's name; reads the document's `round`, `status` and `published` only."""
    name = "indicatoren" if fmt in ("csv", "csv_nl") else "landelijk-beeld"
    published = picture.get("published")
    suffix = f"-v{published.get('version', 1)}" if published else ("" if is_published(picture) else "-voorlopig")
    return f"{name}-{picture['round']}{suffix}{'-nl' if fmt == 'csv_nl' else ''}.{extension(fmt)}"
