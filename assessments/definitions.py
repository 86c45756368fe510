"""Questionnaire definitions: YAML files in `assessments/questionnaires/` → database rows.

A definition is validated whole before anything is written. Loading an
unchanged file does nothing; a changed file replaces the latest version only
while that version has no answers, otherwise it becomes a new version (answers
keep the version they were given against).

The functions take a `get_model` callable so the data migration can run them
against historical models.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

QUESTIONNAIRE_DIR = Path(__file__).resolve().parent / "questionnaires"
KINDS = {"yes_no", "single_choice", "multiple_choice", "number", "text", "date"}
# A number question's rules: the smallest and largest value, and whether only whole numbers are allowed.
BOUND_KEYS = ("min", "max", "whole")
# The national picture's sentence for a question (Dutch, English) and the bands a number question is counted in
# (assessments.indicators).
INDICATOR_KEYS = ("indicator", "indicator_en", "bands")
INDICATOR_KINDS = {"yes_no", "single_choice", "multiple_choice", "number"}
RELATIONS = {"same", "reworded", "split", "merged"}
CODE = re.compile(r"^[a-z0-9_]+$")


class DefinitionError(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class LoadResult:
    questionnaire: object
    action: str  # "unchanged", "created", "replaced", "new_version"


def read_definition(path: Path | str) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise DefinitionError([f"Bestand niet leesbaar: {error}"]) from None
    except yaml.YAMLError as error:
        raise DefinitionError([f"Geen geldige YAML: {error}"]) from None
    if not isinstance(data, dict):
        raise DefinitionError(["Het bestand bevat geen vragenlijst (verwacht: round, audience, title, questions)."])
    return data


def validate_definition(data: dict, *, success_factors: set[str]) -> list[str]:
    """All problems in a definition, in Dutch; an empty list means it can be loaded."""
    errors: list[str] = []
    for key in ("round", "audience", "title", "questions"):
        if key not in data:
            errors.append(f"Verplicht veld ontbreekt: {key}.")
    if errors:
        return errors
    if data["audience"] not in ("region", "brigade"):
        errors.append("audience moet 'region' of 'brigade' zijn.")
    if not isinstance(data["questions"], list) or not data["questions"]:
        return errors + ["questions moet een niet-lege lijst zijn."]
    seen: dict[str, dict] = {}
    for position, question in enumerate(data["questions"], start=1):
        where = f"vraag {position}"
        if not isinstance(question, dict):
            errors.append(f"{where}: geen geldige vraag.")
            continue
        code = str(question.get("code", ""))
        where = f"vraag {position} ({code or 'zonder code'})"
        if not CODE.match(code):
            errors.append(f"{where}: code moet bestaan uit kleine letters, cijfers en _.")
        if code in seen:
            errors.append(f"{where}: code komt twee keer voor.")
        if str(question.get("success_factor")) not in success_factors:
            errors.append(f"{where}: onbekende succesfactor {question.get('success_factor')!r}.")
        kind = question.get("kind")
        if kind not in KINDS:
            errors.append(f"{where}: onbekende soort {kind!r}.")
        if not question.get("text"):
            errors.append(f"{where}: vraagtekst ontbreekt.")
        choices = [str(c.get("code", "")) for c in question.get("choices") or [] if isinstance(c, dict)]
        if kind in ("single_choice", "multiple_choice"):
            if not choices:
                errors.append(f"{where}: keuzes ontbreken.")
            if len(set(choices)) != len(choices):
                errors.append(f"{where}: een keuzecode komt twee keer voor.")
            for choice in choices:
                if not CODE.match(choice):
                    errors.append(f"{where}: ongeldige keuzecode {choice!r}.")
        errors.extend(_validate_norm(where, kind, question.get("norm"), choices))
        errors.extend(_validate_bounds(where, kind, question))
        errors.extend(_validate_indicator(where, kind, question, choices))
        condition = question.get("condition")
        if condition:
            target = seen.get(str(condition.get("question")))
            if target is None:
                errors.append(f"{where}: voorwaarde verwijst naar {condition.get('question')!r}, geen eerdere vraag.")
            else:
                allowed = _allowed_values(target)
                if allowed is not None and str(condition.get("equals")) not in allowed:
                    errors.append(f"{where}: voorwaarde-waarde {condition.get('equals')!r} bestaat niet.")
        continues = question.get("continues")
        if continues and continues.get("relation") not in RELATIONS:
            errors.append(f"{where}: onbekende relatie {continues.get('relation')!r}.")
        seen[code] = question
    return errors


def _validate_norm(where: str, kind: str, norm, choices: list[str]) -> list[str]:
    if norm in (None, [], {}):
        return []
    if kind == "number":
        if not isinstance(norm, dict) or not set(norm) <= {"min", "max"}:
            return [f"{where}: een getalnorm is {{min: …, max: …}}."]
        return []
    if kind in ("text", "date"):
        return [f"{where}: tekst- en datumvragen hebben geen norm."]
    allowed = {"ja", "nee"} if kind == "yes_no" else set(choices)
    wrong = [str(value) for value in norm if str(value) not in allowed] if isinstance(norm, list) else ["?"]
    return [f"{where}: normwaarde(n) {', '.join(wrong)} bestaan niet."] if wrong else []


def _validate_bounds(where: str, kind: str, question: dict) -> list[str]:
    """`min`, `max` (numbers) and `whole` (true/false): the values a number question's answer may take."""
    present = [key for key in BOUND_KEYS if key in question]
    if not present:
        return []
    if kind != "number":
        return [f"{where}: alleen getalvragen hebben {', '.join(present)}."]
    errors = []
    bounds = {}
    for key in ("min", "max"):
        value = question.get(key)
        if key not in question:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            errors.append(f"{where}: {key} moet een getal zijn, niet {value!r}.")
        elif abs(value) >= 1e12:
            errors.append(f"{where}: {key} is te groot.")
        else:
            bounds[key] = value
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        errors.append(f"{where}: min ({bounds['min']}) is groter dan max ({bounds['max']}).")
    if "whole" in question and not isinstance(question["whole"], bool):
        errors.append(f"{where}: whole moet true of false zijn.")
    norm = question.get("norm")
    if isinstance(norm, dict):
        for key in ("min", "max"):
            limit = norm.get(key)
            if not isinstance(limit, int | float) or isinstance(limit, bool):
                continue
            if ("min" in bounds and limit < bounds["min"]) or ("max" in bounds and limit > bounds["max"]):
                errors.append(f"{where}: de norm ({key} {limit}) ligt buiten min–max.")
    return errors


def _validate_indicator(where: str, kind: str, question: dict, choices: list[str]) -> list[str]:
    """`indicator`, `indicator_en` (sentences with placeholders) and `bands` (number questions)."""
    from assessments.indicators import FIXED, YES_NO, placeholders

    errors = []
    bands = question.get("bands")
    band_codes: list[str] = []
    if bands is not None:
        if kind != "number":
            errors.append(f"{where}: alleen getalvragen hebben bands.")
        elif not isinstance(bands, list) or not bands or not all(isinstance(band, dict) for band in bands):
            errors.append(f"{where}: bands is een lijst van {{code, max, label}}.")
        else:
            errors.extend(_validate_bands(where, bands))
            band_codes = [str(band.get("code", "")) for band in bands]
    sentences = {key: question.get(key) for key in ("indicator", "indicator_en") if question.get(key) is not None}
    if not sentences:
        return errors
    if kind not in INDICATOR_KINDS:
        return errors + [f"{where}: alleen ja/nee-, keuze- en getalvragen hebben een indicatorzin."]
    if "indicator" not in sentences:
        errors.append(f"{where}: indicator_en zonder indicator.")
    if kind == "number" and not band_codes:
        errors.append(f"{where}: een getalvraag met een indicatorzin noemt haar bands.")
    values = {"yes_no": list(YES_NO), "number": band_codes}.get(kind, choices)
    allowed = set(values) | set(FIXED)
    for key, sentence in sentences.items():
        if not isinstance(sentence, str) or not sentence.strip():
            errors.append(f"{where}: {key} moet een zin zijn.")
            continue
        unknown = [name for name in placeholders(sentence) if name not in allowed]
        if unknown:
            errors.append(
                f"{where}: {key} noemt onbekende plaatshouder(s) {', '.join('{' + name + '}' for name in unknown)}; "
                f"mogelijk: {', '.join('{' + name + '}' for name in [*values, *FIXED])}."
            )
    return errors


def _validate_bands(where: str, bands: list[dict]) -> list[str]:
    errors = []
    codes = [str(band.get("code", "")) for band in bands]
    if len(set(codes)) != len(codes):
        errors.append(f"{where}: een bandcode komt twee keer voor.")
    previous = None
    for position, band in enumerate(bands, start=1):
        if not CODE.match(str(band.get("code", ""))):
            errors.append(f"{where}: ongeldige bandcode {band.get('code')!r}.")
        if not band.get("label"):
            errors.append(f"{where}: band {band.get('code')!r} heeft geen label.")
        upper = band.get("max")
        if upper is None:
            if position != len(bands):
                errors.append(f"{where}: alleen de laatste band mag zonder max.")
            continue
        if isinstance(upper, bool) or not isinstance(upper, int | float) or not math.isfinite(upper):
            errors.append(f"{where}: max van band {band.get('code')!r} moet een getal zijn.")
            continue
        if previous is not None and upper <= previous:
            errors.append(f"{where}: de bands moeten oplopen (max {upper} na {previous}).")
        previous = upper
    return errors


def _indicator(spec: dict) -> dict:
    """The Question fields for a definition's `indicator`, `indicator_en` and `bands`."""
    bands = spec.get("bands")
    return {
        "indicator": (spec.get("indicator") or "").strip(),
        "indicator_en": (spec.get("indicator_en") or "").strip(),
        "bands": [
            {"code": str(band["code"]), "max": band.get("max"), "label": str(band["label"]),
             "label_en": str(band.get("label_en") or "")}
            for band in bands
        ] if bands else None,
    }


def _bounds(spec: dict) -> dict:
    """The Question fields for a definition's `min`, `max` and `whole`."""
    return {
        "min_value": None if spec.get("min") is None else Decimal(str(spec["min"])),
        "max_value": None if spec.get("max") is None else Decimal(str(spec["max"])),
        "whole": bool(spec.get("whole", False)),
    }


def _allowed_values(question: dict) -> set[str] | None:
    if question.get("kind") == "yes_no":
        return {"ja", "nee"}
    if question.get("kind") in ("single_choice", "multiple_choice"):
        return {str(c.get("code")) for c in question.get("choices") or []}
    return None


def content_hash(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def questionnaire_load(data: dict, *, source: str = "", get_model: Callable | None = None) -> LoadResult:
    """Load one definition (already read); raises DefinitionError listing every problem."""
    if get_model is None:
        from django.apps import apps

        get_model = apps.get_model
    Round = get_model("assessments", "Round")
    SuccessFactor = get_model("assessments", "SuccessFactor")
    Questionnaire = get_model("assessments", "Questionnaire")
    Question = get_model("assessments", "Question")
    Choice = get_model("assessments", "Choice")
    Answer = get_model("assessments", "Answer")

    factors = {sf.code: sf for sf in SuccessFactor.objects.all()}
    errors = validate_definition(data, success_factors=set(factors))
    round = Round.objects.filter(year=data.get("round")).first()
    if round is None and not errors:
        errors.append(f"Meting {data.get('round')} bestaat niet.")
    lineage = {}
    if not errors:
        for question in data["questions"]:
            continues = question.get("continues")
            if not continues:
                continue
            earlier = (
                Question.objects.filter(
                    questionnaire__round__year=continues.get("round"),
                    questionnaire__audience=data["audience"],
                    code=str(continues.get("code")),
                )
                .order_by("-questionnaire__version")
                .first()
            )
            if earlier is None or continues.get("round") >= data["round"]:
                errors.append(
                    f"vraag {question['code']}: vervolg op {continues.get('code')!r} uit {continues.get('round')} niet gevonden."
                )
            lineage[question["code"]] = earlier
    if errors:
        raise DefinitionError(errors)

    digest = content_hash(data)
    latest = Questionnaire.objects.filter(round=round, audience=data["audience"]).order_by("-version").first()
    if latest is not None and latest.content_hash == digest:
        return LoadResult(latest, "unchanged")
    fields = {
        "title": data["title"],
        "title_en": data.get("title_en", ""),
        "intro": data.get("intro") or "",
        "reconstructed": bool(data.get("reconstructed", False)),
        "source_file": source,
        "content_hash": digest,
    }
    if latest is not None and not Answer.objects.filter(question__questionnaire=latest).exists():
        action = "replaced"
        for name, value in fields.items():
            setattr(latest, name, value)
        latest.save()
        latest.questions.all().delete()
        questionnaire = latest
    else:
        action = "created" if latest is None else "new_version"
        questionnaire = Questionnaire.objects.create(
            round=round, audience=data["audience"], version=(latest.version + 1) if latest else 1, **fields
        )
    for order, spec in enumerate(data["questions"], start=1):
        condition = spec.get("condition") or {}
        continues = spec.get("continues") or {}
        question = Question.objects.create(
            questionnaire=questionnaire,
            code=spec["code"],
            success_factor=factors[str(spec["success_factor"])],
            kind=spec["kind"],
            text=spec["text"].strip(),
            text_en=(spec.get("text_en") or "").strip(),
            help_text=(spec.get("help") or "").strip(),
            unit=spec.get("unit") or "",
            required=bool(spec.get("required", True)),
            order=order,
            condition_code=str(condition.get("question", "")),
            condition_value=str(condition.get("equals", "")),
            norm=_normalise_norm(spec.get("norm")),
            continues=lineage.get(spec["code"]),
            continues_relation=continues.get("relation", ""),
            **_supported(Question, {**_bounds(spec), **_indicator(spec)}),
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                code=str(choice["code"]),
                label=str(choice["label"]),
                label_en=str(choice.get("label_en", "")),
                order=position,
            )
            for position, choice in enumerate(spec.get("choices") or [], start=1)
        )
    return LoadResult(questionnaire, action)


def _supported(model, fields: dict) -> dict:
    """The fields `model` has: the data migration that first loads the definitions runs against a historical
    Question without the fields added since (0007 and 0009 fill those from the same files)."""
    names = {field.name for field in model._meta.get_fields()}
    return {name: value for name, value in fields.items() if name in names}


def _normalise_norm(norm):
    if norm in (None, [], {}):
        return None
    if isinstance(norm, dict):
        return {key: value for key, value in norm.items()}
    return [str(value) for value in norm]


def bundled_files() -> list[Path]:
    """The definitions in the repository, oldest round first (lineage points backwards)."""
    return sorted(QUESTIONNAIRE_DIR.glob("*.yaml"))


def bundled_load(get_model: Callable | None = None) -> list[LoadResult]:
    return [questionnaire_load(read_definition(path), source=path.name, get_model=get_model) for path in bundled_files()]
