"""Framework packages: an audit defined as data, loaded whole or not at all.

A package is a directory (or a zip of one) holding `framework.yaml` (the framework: code, names, version, rounds,
themes with their success factors, criteria and optional proposal rules) and `questionnaires/*.yaml` (the
questionnaire format of `assessments.definitions`; `round: <year>` names that year's round of this framework).

`package_read` reads it (every error with its file and line), `package_plan` checks it against the database and
says what loading would add or change, `package_load` writes it in one transaction. Loading an unchanged package
changes nothing; a questionnaire that has answers is never changed (a changed definition becomes a new version).
The packages in the repository (`framework/packages/`) are loaded after every `migrate` (`bundled_packages_load`).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml
from django.db import transaction

from assessments.definitions import (
    CRITERION_CODE,
    SECTION,
    DefinitionError,
    content_hash,
    questionnaire_check,
    questionnaire_load,
)
from assessments.models import Answer, Question
from framework.models import FRAMEWORK_CODE, Criterion, Framework, Round, RoundKind, RoundStatus, SuccessFactor, Theme
from regions.models import SubjectKind

BUNDLED = Path(__file__).resolve().parent.parent / "framework" / "packages"
FRAMEWORK_FILE = "framework.yaml"
# A package upload: a zip of at most this many bytes and files.
MAX_ZIP_BYTES = 5 * 1024 * 1024
MAX_ZIP_FILES = 200
FACTOR_CODE = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
RULE_KEYS = {"meets_min", "partly_min"}


class PackageError(Exception):
    """A package that cannot be loaded; `errors` lists every problem as "file, regel N: …"."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


# --- reading, with line numbers ------------------------------------------------------------------------------


class Located(dict):
    """A YAML mapping that remembers the line it starts on (1-based)."""

    line = 1


class LineLoader(yaml.SafeLoader):
    """PyYAML's safe loader, whose mappings know their line, so every error can name it."""

    def construct_mapping(self, node, deep=False):
        mapping = Located(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, LineLoader.construct_mapping)


def line_of(node, default: int = 1) -> int:
    return getattr(node, "line", default)


def yaml_read(name: str, text: bytes | str) -> object:
    """The document in `text`; a PackageError naming the file and line when it is no YAML."""
    try:
        return yaml.load(text.decode("utf-8") if isinstance(text, bytes) else text, Loader=LineLoader)
    except UnicodeDecodeError:
        raise PackageError([f"{name}, regel 1: het bestand is geen UTF-8-tekst."]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise PackageError([f"{name}, regel {line}: geen geldige YAML ({problem})."]) from None


@dataclass
class Package:
    """A package as read: its framework document and its questionnaires (file name → document)."""

    name: str
    framework: dict
    questionnaires: dict[str, dict] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return str(self.framework.get("code", ""))


def package_read(path: Path | str) -> Package:
    """A package directory or zip file as read; PackageError when a file is missing or no YAML."""
    path = Path(path)
    if path.is_dir():
        files = {
            str(PurePosixPath(*item.relative_to(path).parts)): item.read_bytes()
            for item in sorted(path.rglob("*.yaml"))
        }
        return package_from_files(path.name, files)
    if path.is_file():
        return package_from_zip(path.name, path.read_bytes())
    raise PackageError([f"{path}: geen pakket (een map of zip-bestand met {FRAMEWORK_FILE})."])


def package_from_zip(name: str, data: bytes) -> Package:
    """A package uploaded as a zip: `framework.yaml` at its top (or in one top folder) and `questionnaires/`."""
    if len(data) > MAX_ZIP_BYTES:
        raise PackageError([f"{name}: het zip-bestand is groter dan {MAX_ZIP_BYTES // (1024 * 1024)} MB."])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [entry for entry in archive.infolist() if not entry.is_dir()]
        if len(entries) > MAX_ZIP_FILES:
            raise PackageError([f"{name}: het zip-bestand bevat meer dan {MAX_ZIP_FILES} bestanden."])
        if sum(entry.file_size for entry in entries) > 4 * MAX_ZIP_BYTES:
            raise PackageError([f"{name}: het zip-bestand is uitgepakt te groot."])
        files = {entry.filename: archive.read(entry) for entry in entries if entry.filename.endswith(".yaml")}
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        raise PackageError([f"{name}: geen geldig zip-bestand."]) from None
    # One top folder ("ws/framework.yaml") is taken off.
    tops = {PurePosixPath(filename).parts[0] for filename in files}
    if FRAMEWORK_FILE not in files and len(tops) == 1:
        top = tops.pop()
        files = {str(PurePosixPath(*PurePosixPath(f).parts[1:])): content for f, content in files.items()}
        name = top
    return package_from_files(Path(name).stem, files)


def package_from_files(name: str, files: dict[str, bytes]) -> Package:
    if FRAMEWORK_FILE not in files:
        raise PackageError([f"{name}: {FRAMEWORK_FILE} ontbreekt."])
    errors: list[str] = []
    documents: dict[str, object] = {}
    for filename, content in files.items():
        if filename != FRAMEWORK_FILE and not (filename.startswith("questionnaires/") and filename.count("/") == 1):
            continue
        try:
            documents[filename] = yaml_read(filename, content)
        except PackageError as error:
            errors.extend(error.errors)
    if errors:
        raise PackageError(errors)
    framework = documents.pop(FRAMEWORK_FILE)
    if not isinstance(framework, dict):
        raise PackageError([f"{FRAMEWORK_FILE}, regel 1: verwacht een framework (code, name, themes)."])
    questionnaires = {}
    for filename, document in sorted(documents.items()):
        if not isinstance(document, dict):
            errors.append(f"{filename}, regel 1: verwacht een vragenlijst (round, audience, title, questions).")
            continue
        questionnaires[filename] = document
    if errors:
        raise PackageError(errors)
    return Package(name=name, framework=framework, questionnaires=questionnaires)


# --- checking ------------------------------------------------------------------------------------------------


def framework_errors(data: dict) -> list[str]:
    """Every problem of `framework.yaml`, each as "framework.yaml, regel N: …"."""
    errors: list[str] = []

    def error(node, message: str) -> None:
        errors.append(f"{FRAMEWORK_FILE}, regel {line_of(node, line_of(data))}: {message}")

    code = str(data.get("code") or "")
    if not re.fullmatch(FRAMEWORK_CODE, code) or len(code) > 20:
        error(data, f"code {code!r} moet beginnen met een kleine letter en verder kleine letters en cijfers hebben.")
    for key in ("name", "themes"):
        if not data.get(key):
            error(data, f"verplicht veld ontbreekt: {key}.")
    unknown = sorted(set(data) - {"code", "name", "name_en", "version", "rounds", "themes"})
    if unknown:
        error(data, f"onbekende sleutel(s) {', '.join(unknown)}.")
    years: set[int] = set()
    for entry in data.get("rounds") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("year"), int):
            error(entry, "een meting is {year: 2016, kind: vervolgmeting}.")
            continue
        if entry["year"] in years:
            error(entry, f"meting {entry['year']} staat twee keer in rounds.")
        years.add(entry["year"])
        if "kind" in entry and entry["kind"] not in RoundKind.values:
            error(entry, f"onbekende soort meting {entry['kind']!r} ({', '.join(RoundKind.values)}).")
        if "status" in entry and entry["status"] not in RoundStatus.values:
            error(entry, f"onbekende status {entry['status']!r} ({', '.join(RoundStatus.values)}).")
    themes = data.get("themes")
    if themes is not None and not isinstance(themes, list):
        error(data, "themes moet een lijst zijn.")
        return errors
    numbers: set[int] = set()
    factors: set[str] = set()
    criteria: set[str] = set()
    for theme in themes or []:
        if not isinstance(theme, dict):
            error(data, "een thema heeft number, name en success_factors.")
            continue
        number = theme.get("number")
        if not isinstance(number, int) or number < 1:
            error(theme, f"thema {number!r}: number moet een positief geheel getal zijn.")
        elif number in numbers:
            error(theme, f"thema {number} komt twee keer voor.")
        numbers.add(number if isinstance(number, int) else -1)
        if not theme.get("name"):
            error(theme, f"thema {number}: naam ontbreekt.")
        for factor in theme.get("success_factors") or []:
            if not isinstance(factor, dict):
                error(theme, f"thema {number}: een succesfactor heeft code, name en subject_kind.")
                continue
            factor_code = str(factor.get("code") or "")
            where = f"succesfactor {factor_code or '(zonder code)'}"
            if not FACTOR_CODE.match(factor_code) or len(factor_code) > 8:
                error(factor, f"{where}: code bestaat uit letters en cijfers met punten (zoals 2.1 of 4.3.2), ten hoogste 8 tekens.")
            if factor_code in factors:
                error(factor, f"{where}: code komt twee keer voor in dit toetsingskader.")
            factors.add(factor_code)
            if not factor.get("name"):
                error(factor, f"{where}: naam ontbreekt.")
            if factor.get("subject_kind", SubjectKind.REGION) not in (SubjectKind.REGION, SubjectKind.BRIGADE):
                error(factor, f"{where}: subject_kind is region of brigade.")
            rule = factor.get("rule")
            if rule is not None and (
                not isinstance(rule, dict) or set(rule) != RULE_KEYS
                or not all(isinstance(rule[key], int) and rule[key] >= 1 for key in RULE_KEYS)
                or rule["partly_min"] > rule["meets_min"]
            ):
                error(factor, f"{where}: rule is {{meets_min: n, partly_min: m}} met 1 ≤ m ≤ n.")
            for criterion in factor.get("criteria") or []:
                if not isinstance(criterion, dict):
                    error(factor, f"{where}: een criterium heeft code, section en text.")
                    continue
                criterion_code = str(criterion.get("code") or "")
                match = CRITERION_CODE.match(criterion_code)
                if not match or match.group(1) != factor_code:
                    error(criterion, f"criterium {criterion_code!r}: code is de code van de succesfactor, een "
                                     f"streepje en een letter ({factor_code}-a).")
                if criterion_code in criteria:
                    error(criterion, f"criterium {criterion_code}: code komt twee keer voor.")
                criteria.add(criterion_code)
                if not SECTION.match(str(criterion.get("section") or "")):
                    error(criterion, f"criterium {criterion_code}: section {criterion.get('section')!r} is geen "
                                     "paragraaf (zoals 2.1 of 4.3.2).")
                if not str(criterion.get("text") or "").strip():
                    error(criterion, f"criterium {criterion_code}: tekst ontbreekt.")
    return errors


def package_factors(data: dict) -> dict[str, str]:
    """Success factor code → subject kind, as the package defines them."""
    return {
        str(factor.get("code")): factor.get("subject_kind", SubjectKind.REGION)
        for theme in data.get("themes") or [] if isinstance(theme, dict)
        for factor in theme.get("success_factors") or [] if isinstance(factor, dict)
    }


def package_criteria(data: dict) -> dict[str, str]:
    """Criterion code → its success factor's code."""
    return {
        str(criterion.get("code")): str(factor.get("code"))
        for theme in data.get("themes") or [] if isinstance(theme, dict)
        for factor in theme.get("success_factors") or [] if isinstance(factor, dict)
        for criterion in factor.get("criteria") or [] if isinstance(criterion, dict)
    }


# --- the plan: what loading would do ----------------------------------------------------------------------


@dataclass
class Plan:
    """What loading a package adds or changes, in Dutch lines; `changes` is empty for an unchanged package."""

    framework: str
    new: bool
    changes: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not self.changes


def _questionnaire_order(package: Package) -> list[tuple[str, dict]]:
    """Oldest round first: a question continues one of an earlier round."""
    return sorted(package.questionnaires.items(), key=lambda item: (str(item[1].get("round")), item[0]))


def _in_file(filename: str, message: str) -> str:
    """A questionnaire check's message with its file in front: "regel 42, vraag 3 (…): …" becomes
    "questionnaires/2016-region.yaml, regel 42: vraag 3 (…): …"."""
    match = re.match(r"^(regel [0-9]+), (.*)$", message, re.DOTALL)
    if match:
        return f"{filename}, {match.group(1)}: {match.group(2)}"
    return f"{filename}, regel 1: {message}"


def package_plan(package: Package) -> Plan:
    """Check `package` whole against itself and the database; PackageError listing every problem (file and
    line), else the plan of what `package_load` would write. Writes nothing."""
    errors = framework_errors(package.framework)
    if errors:
        raise PackageError(errors)
    framework = Framework.objects.filter(code=package.code).first()
    factors, criteria = package_factors(package.framework), package_criteria(package.framework)
    errors = []
    years = {entry["year"] for entry in package.framework.get("rounds") or []}
    for filename, data in _questionnaire_order(package):
        errors.extend(
            _in_file(filename, message)
            for message in questionnaire_check(
                data, framework=framework, success_factors=factors, criteria=criteria,
                earlier={name: other for name, other in package.questionnaires.items() if name != filename},
            )
        )
        if isinstance(data.get("round"), int):
            years.add(data["round"])
    errors.extend(_removals(package, framework, factors, criteria))
    if errors:
        raise PackageError(errors)
    plan = Plan(framework=package.code, new=framework is None)
    if framework is None:
        plan.changes.append(f"Nieuw toetsingskader {package.code}: {package.framework.get('name')}.")
    elif framework.content_hash != content_hash(_framework_content(package.framework)):
        plan.changes.append(f"Toetsingskader {package.code} gewijzigd (versie {package.framework.get('version') or '—'}).")
    plan.changes.extend(_factor_changes(framework, factors, criteria))
    existing = set(Round.objects.filter(framework=framework).values_list("year", flat=True)) if framework else set()
    plan.changes.extend(f"Nieuwe meting {package.code}-{year}." for year in sorted(years - existing))
    plan.changes.extend(_questionnaire_changes(package, framework))
    return plan


def _framework_content(data: dict) -> dict:
    return {key: data.get(key) for key in ("code", "name", "name_en", "version", "themes")}


def _factor_changes(framework: Framework | None, factors: dict, criteria: dict) -> list[str]:
    if framework is None:
        return [f"{len(factors)} succesfactoren en {len(criteria)} criteria."]
    have = set(SuccessFactor.objects.filter(framework=framework).values_list("code", flat=True))
    have_criteria = set(Criterion.objects.filter(framework=framework).values_list("code", flat=True))
    lines = [f"Nieuwe succesfactor {code}." for code in sorted(set(factors) - have)]
    lines += [f"Succesfactor {code} vervalt." for code in sorted(have - set(factors))]
    lines += [f"Nieuw criterium {code}." for code in sorted(set(criteria) - have_criteria)]
    lines += [f"Criterium {code} vervalt." for code in sorted(have_criteria - set(criteria))]
    return lines


def _removals(package: Package, framework: Framework | None, factors: dict, criteria: dict) -> list[str]:
    """A factor or criterion in use (by a question or a finding) cannot leave the framework."""
    if framework is None:
        return []
    errors = []
    for factor in SuccessFactor.objects.filter(framework=framework).exclude(code__in=list(factors)):
        if factor.questions.exists() or factor.findings.exists():
            errors.append(f"{FRAMEWORK_FILE}, regel 1: succesfactor {factor.code} ontbreekt, maar vragen of "
                          "bevindingen gebruiken hem nog.")
    used = (
        Question.objects.filter(criterion__framework=framework).exclude(criterion__code__in=list(criteria))
        .values_list("criterion__code", "questionnaire__round__code", "code").order_by("criterion__code")
    )
    errors += [
        f"{FRAMEWORK_FILE}, regel 1: criterium {criterion} ontbreekt, maar vraag {question} ({round_code}) meet het nog."
        for criterion, round_code, question in used
    ]
    return errors


def _questionnaire_changes(package: Package, framework: Framework | None) -> list[str]:
    from assessments.models import Questionnaire

    lines = []
    for filename, data in _questionnaire_order(package):
        latest = (
            Questionnaire.objects.filter(round__framework=framework, round__year=data["round"], audience=data["audience"])
            .order_by("-version").first() if framework else None
        )
        if latest is None:
            lines.append(f"Nieuwe vragenlijst {filename} ({package.code}-{data['round']}, {data['audience']}).")
        elif latest.content_hash != content_hash(data):
            lines.append(f"Vragenlijst {filename} gewijzigd: " + (
                "nieuwe versie (de vorige heeft antwoorden)."
                if Answer.objects.filter(question__questionnaire=latest).exists() else "versie bijgewerkt."
            ))
    return lines


# --- loading -------------------------------------------------------------------------------------------------


@transaction.atomic
def package_load(package: Package) -> Plan:
    """Load `package` whole (checked first: PackageError, nothing written) and return what it changed. The
    framework, its themes, factors and criteria are brought in line with the package; the rounds it names are
    created (each continuing the one before); then its questionnaires are loaded, oldest round first."""
    plan = package_plan(package)
    if plan.unchanged:
        return plan
    data = package.framework
    framework, _created = Framework.objects.update_or_create(
        code=package.code,
        defaults={"name": data["name"], "name_en": data.get("name_en") or "", "version": str(data.get("version") or ""),
                  "content_hash": content_hash(_framework_content(data))},
    )
    _themes_load(framework, data)
    _rounds_load(framework, package)
    try:
        for filename, definition in _questionnaire_order(package):
            questionnaire_load(definition, framework=framework, source=f"{package.name}/{filename}")
    except DefinitionError as error:  # checked before; only a race can get here
        raise PackageError(error.errors) from None
    return plan


def _themes_load(framework: Framework, data: dict) -> None:
    factor_order = criterion_order = 0
    factor_codes, criterion_codes, theme_numbers = [], [], []
    for theme_data in data["themes"]:
        theme, _ = Theme.objects.update_or_create(
            framework=framework, number=theme_data["number"],
            defaults={"name": theme_data["name"], "name_en": theme_data.get("name_en") or ""},
        )
        theme_numbers.append(theme.number)
        for factor_data in theme_data.get("success_factors") or []:
            factor_order += 1
            factor, _ = SuccessFactor.objects.update_or_create(
                framework=framework, code=str(factor_data["code"]),
                defaults={"theme": theme, "name": factor_data["name"], "name_en": factor_data.get("name_en") or "",
                          "subject_kind": factor_data.get("subject_kind", SubjectKind.REGION), "order": factor_order,
                          "rule": dict(factor_data["rule"]) if factor_data.get("rule") else None},
            )
            factor_codes.append(factor.code)
            for criterion_data in factor_data.get("criteria") or []:
                criterion_order += 1
                Criterion.objects.update_or_create(
                    framework=framework, code=str(criterion_data["code"]),
                    defaults={"success_factor": factor, "section": str(criterion_data["section"]),
                              "text": str(criterion_data["text"]).strip(),
                              "text_en": str(criterion_data.get("text_en") or "").strip(), "order": criterion_order},
                )
                criterion_codes.append(str(criterion_data["code"]))
    Criterion.objects.filter(framework=framework).exclude(code__in=criterion_codes).delete()
    SuccessFactor.objects.filter(framework=framework).exclude(code__in=factor_codes).delete()
    Theme.objects.filter(framework=framework).exclude(number__in=theme_numbers).filter(success_factors=None).delete()


def _rounds_load(framework: Framework, package: Package) -> None:
    """Create the rounds the package names (framework.yaml's `rounds`, and every questionnaire's year) that do
    not exist yet; a new round continues the latest earlier one that no other round continues."""
    listed = {entry["year"]: entry for entry in package.framework.get("rounds") or []}
    years = sorted(set(listed) | {int(data["round"]) for data in package.questionnaires.values()})
    for year in years:
        if Round.objects.filter(framework=framework, year=year).exists():
            continue
        entry = listed.get(year, {})
        earlier = Round.objects.filter(framework=framework, year__lt=year).order_by("-year").first()
        first = earlier is None
        Round.objects.create(
            framework=framework, year=year,
            kind=entry.get("kind") or (RoundKind.NULMETING if first else RoundKind.VERVOLGMETING),
            status=entry.get("status") or RoundStatus.PLANNED,
            predecessor=earlier if earlier is not None and not Round.objects.filter(predecessor=earlier).exists() else None,
        )


def bundled_packages() -> list[Path]:
    return sorted(path for path in BUNDLED.iterdir() if (path / FRAMEWORK_FILE).exists())


def bundled_packages_load(**kwargs) -> None:
    """After `migrate` (post_migrate): the packages in the repository, loaded when new or changed. Not while the
    database is migrated to an earlier state (its tables would not match the models)."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    connection = connections[kwargs.get("using") or DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    for path in bundled_packages():
        package_load(package_read(path))
