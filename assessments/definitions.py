"""Questionnaire definitions: YAML documents of a framework package (`assessments.packages`) → database rows.

A definition is validated whole before anything is written. Loading an unchanged definition does nothing; a
changed one replaces the latest version only while that version has no answers, otherwise it becomes a new
version (answers keep the version they were given against).

A question names its success factor and may name the `criterion` it measures (of its own success factor), both
by their codes in its framework; a `norm` names the report section that applies it (`norm_section`); a `signal`
is what the report notes without judging (shown to the inspector, never counted: assessments.norms); `help_en`
and `unit_en` are the English of `help` and `unit`. `continues` ties a question to one of an earlier round of the
same framework (`round: <year>`, `code`, `relation`).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from assessments.models import Questionnaire

KINDS = {"yes_no", "single_choice", "multiple_choice", "number", "text", "date"}
# A number question's rules: the smallest and largest value, and whether only whole numbers are allowed.
BOUND_KEYS = ("min", "max", "whole")
# The national picture's sentence for a question (Dutch, English) and the bands a number question is counted in
# (assessments.indicators).
INDICATOR_KEYS = ("indicator", "indicator_en", "bands")
INDICATOR_KINDS = {"yes_no", "single_choice", "multiple_choice", "number"}
RELATIONS = {"same", "reworded", "split", "merged"}
CODE = re.compile(r"^[a-z0-9_]+$")
# The keys that tie a question to the report's framework: the criterion it measures, the section that applies its
# norm, what the report notes without judging (a signal), and the English of `help` and `unit`.
FRAMEWORK_KEYS = ("criterion", "norm_section", "signal", "help_en", "unit_en")
SIGNAL_KEYS = {"values", "min", "max", "text", "text_en", "section"}
# A report section: "3.2.1", "2.2", "4".
SECTION = re.compile(r"^[0-9]+(\.[0-9]+)*$")
# A criterion's code: its success factor's code, a dash, a letter ("3.2.1-a").
CRITERION_CODE = re.compile(r"^([0-9]+(?:\.[0-9]+)*)-[a-z]$")


class DefinitionError(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class LoadResult:
    questionnaire: Questionnaire
    action: str  # "unchanged", "created", "replaced", "new_version"


# libyaml's safe loader where PyYAML was built with it (about ten times faster; the migrations read every file).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path | str):
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError) as error:
        raise DefinitionError([f"Bestand niet leesbaar: {error}"]) from None
    except yaml.YAMLError as error:
        raise DefinitionError([f"Geen geldige YAML: {error}"]) from None


def read_definition(path: Path | str) -> dict:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DefinitionError(["Het bestand bevat geen vragenlijst (verwacht: round, audience, title, questions)."])
    return data


def validate_definition(
    data: dict, *, success_factors: set[str], criteria: dict[str, str] | None = None
) -> list[str]:
    """All problems in a definition, in Dutch; an empty list means it can be loaded.

    `criteria` maps each known criterion code to its success factor's code; None (the data migration that first
    loads the definitions, before criteria existed) leaves a question's `criterion` unchecked."""
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
            errors.append(f"{_line(data)}{where}: geen geldige vraag.")
            continue
        code = str(question.get("code", ""))
        where = f"{_line(question)}vraag {position} ({code or 'zonder code'})"
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
        errors.extend(_validate_framework(where, kind, question, choices, criteria))
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


def _validate_norm(where: str, kind: str | None, norm, choices: list[str]) -> list[str]:
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


def _validate_framework(
    where: str, kind: str | None, question: dict, choices: list[str], criteria: dict[str, str] | None
) -> list[str]:
    """`criterion`, `norm_section`, `signal`, `help_en` and `unit_en`."""
    errors = []
    has_norm = question.get("norm") not in (None, [], {})
    section = question.get("norm_section")
    if section is not None and not SECTION.match(str(section)):
        errors.append(f"{where}: norm_section {section!r} is geen paragraaf van het rapport (zoals 2.1 of 4.3.2).")
    elif section is not None and not has_norm:
        errors.append(f"{where}: norm_section zonder norm.")
    elif section is None and has_norm:
        errors.append(f"{where}: een norm noemt de paragraaf van het rapport die haar toepast (norm_section).")
    criterion = question.get("criterion")
    if criterion is not None and criteria is not None:
        factor = criteria.get(str(criterion))
        if factor is None:
            errors.append(f"{where}: onbekend criterium {criterion!r}.")
        elif factor != str(question.get("success_factor")):
            errors.append(
                f"{where}: criterium {criterion!r} hoort bij succesfactor {factor}, "
                f"niet bij {question.get('success_factor')}."
            )
    for key in ("help_en", "unit_en"):
        if key in question and not isinstance(question[key], str | None):
            errors.append(f"{where}: {key} moet tekst zijn.")
    signal = question.get("signal")
    if signal is not None:
        errors.extend(_validate_signal(where, kind, signal, choices))
    return errors


def _validate_signal(where: str, kind: str | None, signal, choices: list[str]) -> list[str]:
    """A signal: the answers that raise it (`values`, or `min`/`max` for a number question), its `text`,
    `text_en` and the report `section`."""
    if not isinstance(signal, dict):
        return [f"{where}: een signaal is {{values of min/max, text, text_en, section}}."]
    errors = []
    unknown = sorted(set(signal) - SIGNAL_KEYS)
    if unknown:
        errors.append(f"{where}: onbekende sleutel(s) in het signaal: {', '.join(unknown)}.")
    if not isinstance(signal.get("text"), str) or not signal["text"].strip():
        errors.append(f"{where}: het signaal heeft geen tekst.")
    if "text_en" in signal and not isinstance(signal["text_en"], str | None):
        errors.append(f"{where}: text_en van het signaal moet tekst zijn.")
    if "section" in signal and not SECTION.match(str(signal["section"])):
        errors.append(f"{where}: section {signal['section']!r} van het signaal is geen paragraaf van het rapport.")
    limits = [key for key in ("min", "max") if key in signal]
    if limits:
        if kind != "number":
            errors.append(f"{where}: alleen getalvragen hebben een signaal met {' en '.join(limits)}.")
        for key in limits:
            value = signal[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                errors.append(f"{where}: {key} van het signaal moet een getal zijn, niet {value!r}.")
        if "values" in signal:
            errors.append(f"{where}: een signaal noemt values of min/max, niet beide.")
    elif "values" in signal:
        if kind in ("number", "text", "date"):
            errors.append(f"{where}: een signaal van een {kind}-vraag noemt min/max, geen values.")
        else:
            values = signal["values"]
            allowed = {"ja", "nee"} if kind == "yes_no" else set(choices)
            if not isinstance(values, list) or not values:
                errors.append(f"{where}: values van het signaal is een niet-lege lijst.")
            else:
                wrong = [str(value) for value in values if str(value) not in allowed]
                if wrong:
                    errors.append(f"{where}: signaalwaarde(n) {', '.join(wrong)} bestaan niet.")
    else:
        errors.append(f"{where}: het signaal noemt de antwoorden die het geven (values, of min/max).")
    return errors


def _validate_bounds(where: str, kind: str | None, question: dict) -> list[str]:
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


def _validate_indicator(where: str, kind: str | None, question: dict, choices: list[str]) -> list[str]:
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


def _framework(spec: dict, criteria: dict | None) -> dict:
    """The Question fields for a definition's `criterion`, `norm_section`, `signal`, `help_en` and `unit_en`;
    `criteria` maps codes to Criterion rows (None: the Question has no criterion yet, leave it out)."""
    fields = {
        "norm_section": str(spec.get("norm_section") or ""),
        "signal": _normalise_signal(spec.get("signal")),
        "help_en": (spec.get("help_en") or "").strip(),
        "unit_en": spec.get("unit_en") or "",
    }
    if criteria is not None:
        fields["criterion"] = criteria.get(str(spec["criterion"])) if spec.get("criterion") else None
    return fields


def _normalise_signal(signal) -> dict | None:
    if not signal:
        return None
    normalised: dict[str, Any] = {
        "text": str(signal["text"]).strip(),
        "text_en": str(signal.get("text_en") or "").strip(),
        "section": str(signal.get("section") or ""),
    }
    if "values" in signal:
        normalised["values"] = [str(value) for value in signal["values"]]
    for key in ("min", "max"):
        if key in signal:
            normalised[key] = signal[key]
    return normalised


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


def questionnaire_check(
    data: dict, *, framework, success_factors: dict[str, str], criteria: dict[str, str], earlier: dict[str, dict]
) -> list[str]:
    """Every problem of one definition of a framework package, in Dutch (with "regel N, " where the line is known):
    its schema, its success factors and criteria (of the package), and the lineage of its questions (`continues`:
    a question of an earlier round of the same framework, in the package (`earlier`) or already loaded)."""
    errors = validate_definition(data, success_factors=set(success_factors), criteria=criteria)
    if errors:
        return errors
    if not isinstance(data["round"], int) or not 1900 <= data["round"] <= 2999:
        return [f"{_line(data)}round is het jaar van de meting (zoals 2016), niet {data['round']!r}."]
    for question in data["questions"]:
        continues = question.get("continues")
        if not continues:
            continue
        year, code = continues.get("round"), str(continues.get("code"))
        if not isinstance(year, int) or year >= data["round"]:
            errors.append(f"{_line(continues)}vraag {question['code']}: vervolg op {code!r} moet een eerdere meting "
                          f"noemen dan {data['round']}.")
            continue
        in_package = next((
            q for other in earlier.values()
            if other.get("round") == year and other.get("audience") == data["audience"]
            for q in other.get("questions") or [] if isinstance(q, dict) and str(q.get("code")) == code
        ), None)
        found = in_package if in_package is not None else _earlier_question(framework, year, data["audience"], code)
        if found is None:
            errors.append(f"{_line(continues)}vraag {question['code']}: vervolg op {code!r} uit {year} niet gevonden.")
        elif continues.get("relation") == "same" and _answers_of(found) != _answers_of(question):
            # Answers are compared directly only when they mean the same: other answer options are a rewording.
            errors.append(f"{_line(continues)}vraag {question['code']}: heeft andere antwoordmogelijkheden dan "
                          f"{code!r} uit {year}; de relatie is dan reworded, niet same.")
    return errors


def _answers_of(question) -> tuple[str, frozenset[str]]:
    """A question's kind and answer options (its choice codes), from a definition or a loaded Question."""
    if isinstance(question, dict):
        return str(question.get("kind")), frozenset(
            str(choice.get("code")) for choice in question.get("choices") or [] if isinstance(choice, dict)
        )
    return question.kind, frozenset(choice.code for choice in question.choices.all())


def _line(node) -> str:
    line = getattr(node, "line", None)
    return f"regel {line}, " if line else ""


def _earlier_question(framework, year: int, audience: str, code: str):
    """The question `code` of the latest version of `framework`'s questionnaire for `audience` in `year`."""
    from assessments.models import Question

    if framework is None:
        return None
    return (
        Question.objects.filter(
            questionnaire__round__framework=framework, questionnaire__round__year=year,
            questionnaire__audience=audience, code=code,
        )
        .order_by("-questionnaire__version")
        .first()
    )


def questionnaire_load(data: dict, *, framework, source: str = "") -> LoadResult:
    """Load one definition (already read) of `framework`, whose factors, criteria and round exist; raises
    DefinitionError listing every problem."""
    from assessments.models import Answer, Choice, Question, Questionnaire
    from framework.models import Criterion, Round, SuccessFactor

    factors = {sf.code: sf for sf in SuccessFactor.objects.filter(framework=framework)}
    criteria = {c.code: c for c in Criterion.objects.filter(framework=framework).select_related("success_factor")}
    errors = questionnaire_check(
        data, framework=framework, success_factors={code: sf.subject_kind for code, sf in factors.items()},
        criteria={code: c.success_factor.code for code, c in criteria.items()}, earlier={},
    )
    # django-stubs refuses None here; Django reads it as IS NULL, which no round's year is (a definition without one).
    round = Round.objects.filter(framework=framework, year=data.get("round")).first()  # type: ignore[misc]
    if round is None and not errors:
        errors.append(f"Meting {framework.code}-{data.get('round')} bestaat niet.")
    if errors or round is None:
        raise DefinitionError(errors)
    lineage = {
        question["code"]: _earlier_question(framework, question["continues"]["round"], data["audience"],
                                            str(question["continues"]["code"]))
        for question in data["questions"] if question.get("continues")
    }

    digest = content_hash(data)
    latest = Questionnaire.objects.filter(round=round, audience=data["audience"]).order_by("-version").first()
    if latest is not None and latest.content_hash == digest:
        return LoadResult(latest, "unchanged")
    fields = {
        "title": data["title"],
        "title_en": data.get("title_en", ""),
        "intro": data.get("intro") or "",
        "reconstructed": bool(data.get("reconstructed", False)),
        "source_file": source[:200],
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
            **_bounds(spec),
            **_indicator(spec),
            **_framework(spec, criteria),
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


def _normalise_norm(norm):
    if norm in (None, [], {}):
        return None
    if isinstance(norm, dict):
        return {key: value for key, value in norm.items()}
    return [str(value) for value in norm]
