"""A questionnaire definition as a spreadsheet (XLSX) or YAML file, and back: what inspectors download, change and
upload before a round opens.

The workbook has two sheets. "Vragen" holds one row per question, its first row naming the columns (`COLUMNS`,
the keys of the definition format of `assessments.definitions`); "Gegevens" holds the questionnaire's own fields
(round, audience, title, title_en, intro), one per row. A cell is text; the structured ones are written so a
person can change them:

- `choices`: a line per choice, `code: label`, or `code: label | English label`;
- `bounds`: `min=0; max=100; whole` (a number question's smallest and largest value, whole numbers only);
- `condition`: `question_code = value` (the question is asked only then);
- `norm`: the values that meet it (`ja`, or `own_region, brigade`), or for a number question `min=3; max=10`;
- `continues`: `2013:question_code`, with `relation` `same`, `reworded`, `split` or `merged`;
- `required`: `nee` for a question that may stay open (empty: required);
- `signal`, `bands`: YAML in one line, as the YAML file writes them (`{values: [nee], text: …}`).

Reading back the file a round's questionnaire was written to gives its definition exactly, so uploading it
unchanged changes nothing. Every problem is named by file and row (`vragenlijst.xlsx, rij 7: …`), for YAML by
file and line; `questionnaire_upload` checks a file whole (the package checks: schema, factors, criteria,
lineage) and loads it only when all is well.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Set as AbstractSet
from typing import Any

import yaml
from django.utils.translation import gettext as _

from assessments.definitions import DefinitionError, questionnaire_load
from assessments.models import Questionnaire
from assessments.packages import Located, PackageError, yaml_read
from assessments.rounds import questionnaire_definition
from framework.guards import require_round_writable
from framework.models import RoundStatus

QUESTIONS_SHEET = "Vragen"
META_SHEET = "Gegevens"
COLUMNS = (
    "code", "success_factor", "criterion", "kind", "text", "text_en", "help", "help_en", "unit", "unit_en",
    "required", "choices", "bounds", "condition", "norm", "norm_section", "signal", "indicator", "indicator_en",
    "bands", "continues", "relation",
)
META_KEYS = ("round", "audience", "title", "title_en", "intro")
TEXT_KEYS = ("code", "success_factor", "criterion", "kind", "text", "text_en", "help", "help_en", "unit", "unit_en",
             "norm_section", "indicator", "indicator_en")
# An upload is small: a questionnaire of a few hundred questions.
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
WIDTHS = {"code": 22, "text": 60, "text_en": 50, "help": 40, "choices": 40, "indicator": 50, "indicator_en": 40}


class SheetError(Exception):
    """A file that cannot be read as a questionnaire; `errors` names file and row (or line) for each problem."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


# --- writing ---------------------------------------------------------------------------------------------------


def _number_text(value) -> str:
    return str(value)


def _pairs(values: dict) -> str:
    return "; ".join(f"{key}={_number_text(value)}" for key, value in values.items())


def _flow(value) -> str:
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6).strip()


def question_row(spec: dict) -> list[str]:
    """One question of a definition as the cells of its row, in COLUMNS order."""
    cells: dict[str, str] = {key: str(spec.get(key) or "") for key in TEXT_KEYS}
    cells["required"] = "nee" if spec.get("required") is False else ""
    cells["choices"] = "\n".join(
        f"{c['code']}: {c['label']}" + (f" | {c['label_en']}" if c.get("label_en") else "")
        for c in spec.get("choices") or []
    )
    bounds = {key: spec[key] for key in ("min", "max") if key in spec}
    cells["bounds"] = "; ".join(filter(None, [_pairs(bounds), "whole" if spec.get("whole") else ""]))
    condition = spec.get("condition")
    cells["condition"] = f"{condition['question']} = {condition['equals']}" if condition else ""
    norm = spec.get("norm")
    cells["norm"] = _pairs(norm) if isinstance(norm, dict) else ", ".join(str(v) for v in norm or [])
    cells["signal"] = _flow(spec["signal"]) if spec.get("signal") else ""
    cells["bands"] = _flow(spec["bands"]) if spec.get("bands") else ""
    continues = spec.get("continues")
    cells["continues"] = f"{continues['round']}:{continues['code']}" if continues else ""
    cells["relation"] = continues.get("relation", "") if continues else ""
    return [cells[key] for key in COLUMNS]


def definition_xlsx(data: dict) -> bytes:
    """A definition as a workbook (every cell text, so "=…" stays text and "01" stays "01")."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = QUESTIONS_SHEET

    def put(target, row: int, column: int, value: str, *, bold: bool = False) -> None:
        cell = target.cell(row=row, column=column)
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True)
        if "\n" in value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    for column, key in enumerate(COLUMNS, start=1):
        put(sheet, 1, column, key, bold=True)
        sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = WIDTHS.get(key, 16)
    for row, spec in enumerate(data["questions"], start=2):
        for column, value in enumerate(question_row(spec), start=1):
            if value:
                put(sheet, row, column, value)
    sheet.freeze_panes = "B2"
    meta = workbook.create_sheet(META_SHEET)
    meta.column_dimensions["B"].width = 80
    for row, key in enumerate(META_KEYS, start=1):
        put(meta, row, 1, key, bold=True)
        put(meta, row, 2, str(data.get(key) or ""))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def definition_yaml(data: dict) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120).encode("utf-8")


def questionnaire_file(questionnaire: Questionnaire, fmt: str) -> tuple[str, bytes, str]:
    """The file name, bytes and content type of `questionnaire` as XLSX or YAML."""
    data = questionnaire_definition(questionnaire)
    name = f"{questionnaire.round.code}-{questionnaire.audience}"
    if fmt == "xlsx":
        return (f"{name}.xlsx", definition_xlsx(data),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return f"{name}.yaml", definition_yaml(data), "application/yaml; charset=utf-8"


# --- reading ---------------------------------------------------------------------------------------------------


def _cell(value: Any, *, strip: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if strip else str(value)


NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def _number(text: str):
    text = text.strip().replace(",", ".")
    if not NUMBER.match(text):
        raise ValueError(text)
    return float(text) if "." in text else int(text)


def _key_values(text: str, allowed: set[str], flags: AbstractSet[str] = frozenset()) -> dict:
    """`min=0; max=100; whole` → {"min": 0, "max": 100, "whole": True}; ValueError naming what is wrong."""
    result: dict = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        if part in flags:
            result[part] = True
            continue
        key, sep, value = (piece.strip() for piece in part.partition("="))
        if not sep or key not in allowed:
            raise ValueError(part)
        result[key] = _number(value)
    return result


def question_from_row(cells: dict[str, str], line: int) -> tuple[dict, list[str]]:
    """A row's cells as a question of the definition format, and the problems of its cells (without the row)."""
    errors: list[str] = []
    spec = Located()
    spec.line = line
    for key in ("code", "success_factor", "kind", "text"):
        spec[key] = cells.get(key, "")
    optional_text = ("criterion", "text_en", "help", "help_en", "unit", "unit_en")
    for key in optional_text:
        if cells.get(key):
            spec[key] = cells[key]
    required = cells.get("required", "").lower()
    if required in ("nee", "no", "false", "0"):
        spec["required"] = False
    elif required not in ("", "ja", "yes", "true", "1"):
        errors.append(_("required is ‘ja’ of ‘nee’, niet %(value)r.") % {"value": cells["required"]})
    bounds = cells.get("bounds", "")
    if bounds:
        try:
            spec.update(_key_values(bounds, {"min", "max"}, {"whole"}))
        except ValueError as error:
            errors.append(_("bounds: %(part)r is niet te lezen (schrijf min=0; max=100; whole).") % {"part": str(error)})
    for key in ("norm_section", "indicator", "indicator_en"):
        if cells.get(key):
            spec[key] = cells[key]
    for key in ("signal", "bands"):
        if cells.get(key):
            try:
                spec[key] = yaml.safe_load(cells[key])
            except yaml.YAMLError:
                errors.append(_("%(key)s is geen geldige YAML.") % {"key": key})
    norm = cells.get("norm", "")
    if norm:
        if "=" in norm:
            try:
                spec["norm"] = _key_values(norm, {"min", "max"})
            except ValueError as error:
                errors.append(_("norm: %(part)r is niet te lezen (schrijf min=3; max=10).") % {"part": str(error)})
        else:
            spec["norm"] = [value.strip() for value in norm.split(",") if value.strip()]
    choices = []
    for number, text in enumerate(filter(None, (piece.strip() for piece in cells.get("choices", "").splitlines())), 1):
        code, sep, labels = (piece.strip() for piece in text.partition(":"))
        label, _bar, label_en = (piece.strip() for piece in labels.partition("|"))
        if not sep or not code or not label:
            errors.append(_("keuze %(n)s (%(text)r) is ‘code: label’ of ‘code: label | English label’.")
                          % {"n": number, "text": text})
            continue
        choices.append({"code": code, "label": label, **({"label_en": label_en} if label_en else {})})
    if choices:
        spec["choices"] = choices
    condition = cells.get("condition", "")
    if condition:
        question, sep, value = (piece.strip() for piece in condition.partition("="))
        if not sep or not question:
            errors.append(_("condition is ‘vraagcode = waarde’, niet %(value)r.") % {"value": condition})
        else:
            spec["condition"] = {"question": question, "equals": value}
    continues, relation = cells.get("continues", ""), cells.get("relation", "")
    if continues:
        year, sep, code = (piece.strip() for piece in continues.partition(":"))
        if not sep or not year.isdigit() or not code:
            errors.append(_("continues is ‘jaar:vraagcode’ (zoals 2016:ovr_toegewezen), niet %(value)r.")
                          % {"value": continues})
        else:
            located = Located({"round": int(year), "code": code, "relation": relation})
            located.line = line
            spec["continues"] = located
    elif relation:
        errors.append(_("relation zonder continues."))
    return spec, errors


def definition_from_xlsx(name: str, data: bytes) -> dict:
    """The definition in a workbook written by `definition_xlsx` (and changed); SheetError naming file and row."""
    import openpyxl

    if len(data) > MAX_BYTES:
        raise SheetError([_("%(name)s: het bestand is groter dan 2 MB.") % {"name": name}])
    workbook = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SheetError([_("%(name)s: het Excel-bestand is uitgepakt te groot.") % {"name": name}])
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if QUESTIONS_SHEET not in workbook.sheetnames or META_SHEET not in workbook.sheetnames:
            raise SheetError([_("%(name)s: het bestand heeft de bladen ‘%(questions)s’ en ‘%(meta)s’ niet; download "
                                "de vragenlijst als XLSX en wijzig die.")
                              % {"name": name, "questions": QUESTIONS_SHEET, "meta": META_SHEET}])
        rows = []
        for line, values in enumerate(workbook[QUESTIONS_SHEET].iter_rows(max_col=len(COLUMNS) + 5, values_only=True), 1):
            if line > MAX_ROWS:
                raise SheetError([_("%(name)s: meer dan %(n)s rijen.") % {"name": name, "n": MAX_ROWS}])
            rows.append((line, [_cell(value) for value in values]))
        # The questionnaire's own texts as written (an intro ends with a line break).
        meta_rows = [[_cell(value, strip=False) for value in values]
                     for values in workbook[META_SHEET].iter_rows(max_row=50, max_col=2, values_only=True)]
    except SheetError:
        raise
    except Exception:
        raise SheetError([_("%(name)s: dit is geen geldig Excel-bestand (.xlsx), of het is beschadigd.")
                          % {"name": name}]) from None
    finally:
        if workbook is not None:
            workbook.close()
    if not rows:
        raise SheetError([_("%(name)s, blad %(sheet)s, rij 1: de kolomnamen ontbreken.")
                          % {"name": name, "sheet": QUESTIONS_SHEET}])
    header = rows[0][1]
    while header and not header[-1]:
        header.pop()
    unknown = [key for key in header if key not in COLUMNS]
    missing = [key for key in ("code", "success_factor", "kind", "text") if key not in header]
    if unknown or missing:
        raise SheetError([_("%(name)s, blad %(sheet)s, rij 1: %(problem)s (de kolommen zijn %(columns)s).") % {
            "name": name, "sheet": QUESTIONS_SHEET,
            "problem": "; ".join(filter(None, [
                _("onbekende kolom(men) %(keys)s") % {"keys": ", ".join(unknown)} if unknown else "",
                _("kolom(men) %(keys)s ontbreken") % {"keys": ", ".join(missing)} if missing else "",
            ])),
            "columns": ", ".join(COLUMNS),
        }])
    errors: list[str] = []
    data_out = Located()
    meta = {row[0].strip(): row[1] if len(row) > 1 else "" for row in meta_rows if row and row[0].strip()}
    round_text = meta.get("round", "").strip()
    data_out["round"] = int(round_text) if round_text.isdigit() else round_text
    for key in ("audience", "title", "title_en", "intro"):
        value = meta.get(key, "")
        if value.strip() or key in ("audience", "title"):
            data_out[key] = value if key == "intro" else value.strip()
    questions = []
    for line, values in rows[1:]:
        cells = {key: (values[index] if index < len(values) else "") for index, key in enumerate(header)}
        if not any(cells.values()):
            continue
        spec, problems = question_from_row(cells, line)
        errors.extend(_("%(name)s, rij %(line)s: %(problem)s") % {"name": name, "line": line, "problem": problem}
                      for problem in problems)
        questions.append(spec)
    data_out["questions"] = questions
    if errors:
        raise SheetError(errors)
    return data_out


def definition_from_yaml(name: str, data: bytes) -> dict:
    if len(data) > MAX_BYTES:
        raise SheetError([_("%(name)s: het bestand is groter dan 2 MB.") % {"name": name}])
    try:
        document = yaml_read(name, data)
    except PackageError as error:
        raise SheetError(error.errors) from None
    if not isinstance(document, dict):
        raise SheetError([_("%(name)s, regel 1: verwacht een vragenlijst (round, audience, title, questions).")
                          % {"name": name}])
    return document


def definition_from_upload(name: str, data: bytes) -> dict:
    """An uploaded XLSX or YAML file as a definition (by its content: an XLSX is a zip archive)."""
    if data[:4] == b"PK\x03\x04":
        return definition_from_xlsx(name, data)
    if name.lower().endswith((".yaml", ".yml")):
        return definition_from_yaml(name, data)
    raise SheetError([_("%(name)s: kies een Excel- (.xlsx) of YAML-bestand (.yaml).") % {"name": name}])


def _located(name: str, message: str, *, xlsx: bool) -> str:
    """A message of the definition checks ("regel 7, vraag …") with the file and its row or line in front."""
    match = re.match(r"^regel (\d+), (.*)$", message, re.DOTALL)
    word = _("rij") if xlsx else _("regel")
    if match:
        return f"{name}, {word} {match.group(1)}: {match.group(2)}"
    return f"{name}: {message}"


def questionnaire_upload(*, questionnaire: Questionnaire, name: str, data: bytes, by) -> str:
    """Replace `questionnaire` (of a planned round) by the definition in an uploaded XLSX or YAML file: checked
    whole as a package's questionnaire is (schema, success factors, criteria, lineage), loaded only when all is
    well. Returns the load's action ("unchanged", "replaced", …); SheetError naming file and row otherwise."""
    from regions.policy import Action, require

    require(by, Action.ROUNDS)
    round = questionnaire.round
    require_round_writable(round)
    if round.status != RoundStatus.PLANNED:
        raise SheetError([_("Meting %(code)s is al open; de vragenlijst ligt vast.") % {"code": round.code}])
    definition = definition_from_upload(name, data)
    xlsx = data[:4] == b"PK\x03\x04"
    errors = []
    if definition.get("round") != round.year:
        errors.append(_("%(name)s: de vragenlijst is voor %(found)r, niet voor %(year)s (round).")
                      % {"name": name, "found": definition.get("round"), "year": round.year})
    if definition.get("audience") != questionnaire.audience:
        errors.append(_("%(name)s: de vragenlijst is voor %(found)r, niet voor %(audience)s (audience).")
                      % {"name": name, "found": definition.get("audience"), "audience": questionnaire.audience})
    if errors:
        raise SheetError(errors)
    try:
        result = questionnaire_load(definition, framework=round.framework, source=f"{round.code}/{name}")
    except DefinitionError as error:
        raise SheetError([_located(name, message, xlsx=xlsx) for message in error.errors]) from None
    return result.action
