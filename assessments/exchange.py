"""CSV/XLSX exchange of answers: read a file, validate it whole, import it all-or-nothing, export.

Long format, one row per audited party and question, header exactly `region_code,question_code,value,comment`;
`region_code` holds the party's code: a region (`VR13`) or, for the brigade questionnaire, a brigade (`B11`).
Every value goes through `assessments.values.parse_value`, so a file accepts exactly what the form accepts.

Line numbers are rows as a spreadsheet shows them: the header is line 1, blank rows count, and a quoted
CSV field that spans several physical lines is still one line. Line 0 means the file as a whole.

The readers (`read_table`, `parse_answer_file`) and the validator (`validate_answer_rows`) are pure: any
bytes give a `Table` or a list of `RowError`s, never an exception. `answers_import` is the service that
writes; the coordinator's demo loader and the upload page and the command all go through it.

Rules worth knowing:
- a row whose value and comment are both empty changes nothing (the rows of a blank template);
  any other row sets value and comment exactly as the file says;
- a region whose assessment is final refuses the whole file; an assessment that is submitted, in review
  or in verification is corrected by the import (inspectors correct data), and history shows who did it;
- only answers that change get a new revision and a history row, so importing a file twice changes nothing;
- a changed answer withdraws the assessment's signatures, as a change typed in the page does;
- a published round refuses every import.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from assessments.guards import round_is_read_only
from assessments.models import Answer, Assessment, AssessmentStatus, Question, Questionnaire, Round
from assessments.services import signatures_withdraw
from assessments.values import MAX_TEXT, parse_value
from regions.models import Subject, SubjectKind

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User

ANSWER_HEADER = ("region_code", "question_code", "value", "comment")
FORMATS = ("csv", "xlsx")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# Columns read from a spreadsheet: enough to notice surplus columns, few enough to stay cheap.
MAX_COLUMNS = 12
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# --- results and errors --------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class RowError:
    """One problem in a file: the line it is on (0: the file as a whole) and a Dutch message."""

    line: int
    message: str

    def __str__(self) -> str:
        return _("Regel %(line)s: %(message)s") % {"line": self.line, "message": self.message} if self.line else self.message


class ImportRefused(Exception):
    """The file was refused whole; nothing was written. `errors` lists every problem, by line."""

    def __init__(self, errors: Iterable[RowError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class Row:
    """A data row of a file: its line number and exactly as many cells as the header names."""

    line: int
    cells: tuple[str, ...]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    # Region codes (or brigade codes) whose assessment the import created.
    assessments_created: list[str] = field(default_factory=list)

    @property
    def written(self) -> int:
        return self.created + self.changed

    def summary(self) -> str:
        text = _("%(created)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd") % {
            "created": self.created, "changed": self.changed, "unchanged": self.unchanged
        }
        if self.skipped:
            text += ngettext(", %(n)s lege regel overgeslagen", ", %(n)s lege regels overgeslagen", self.skipped) % {
                "n": self.skipped
            }
        if self.assessments_created:
            text += _("; vragenlijst aangemaakt voor %(codes)s") % {"codes": ", ".join(self.assessments_created)}
        return text + "."


# --- reading files ---------------------------------------------------------------------------------------


def read_table(name: str, data: bytes, header: Sequence[str]) -> Table:
    """The data rows of a CSV or XLSX file whose first line must be exactly `header`.

    Never raises: a file that cannot be read gives a `Table` with errors. Fully blank rows are skipped.
    """
    header = tuple(header)
    if not data:
        return Table(errors=[RowError(1, _empty_message(header))])
    if len(data) > MAX_BYTES:
        return Table(errors=[RowError(0, _("Het bestand is te groot (%(size)s kB); het maximum is %(max)s MB.") % {"size": len(data) // 1024, "max": MAX_BYTES // (1024 * 1024)})])
    if data.startswith(b"PK\x03\x04"):
        lines, errors = _xlsx_lines(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        return Table(errors=[RowError(0, _("Oude Excel-bestanden (.xls) worden niet ondersteund; sla het bestand op als .xlsx of als CSV (UTF-8)."))])
    elif name.lower().endswith(".xlsx"):
        return Table(errors=[RowError(0, _("Dit is geen geldig Excel-bestand (.xlsx)."))])
    else:
        lines, errors = _csv_lines(data)
    table = Table(errors=errors)
    if not lines and not errors:
        table.errors.append(RowError(1, _empty_message(header)))
        return table
    for line, raw in lines:
        cells = _trim(raw)
        if line == 1:
            if tuple(cell.strip().lower() for cell in cells) != header:
                found = ",".join(cells)
                table.errors.append(
                    RowError(1, _("De kopregel moet precies %(header)s zijn; gevonden: ‘%(found)s’.") % {"header": _header_text(header), "found": _short(found)})
                )
                return table
            continue
        if not cells:
            continue
        if len(cells) > len(header):
            table.errors.append(
                RowError(line, _("Deze regel heeft %(n)s kolommen; verwacht %(m)s (%(names)s).") % {"n": len(cells), "m": len(header), "names": ",".join(header)})
            )
            continue
        problem = next((p for p in (_cell_problem(cell) for cell in cells) if p), None)
        if problem:
            table.errors.append(RowError(line, problem))
            continue
        table.rows.append(Row(line, cells + ("",) * (len(header) - len(cells))))
    return table


def parse_answer_file(name: str, data: bytes) -> Table:
    """The rows of an answers file (CSV or XLSX), or the errors that make it unreadable."""
    return read_table(name, data, ANSWER_HEADER)


def _csv_lines(data: bytes) -> tuple[list[tuple[int, tuple[str, ...]]], list[RowError]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [], [RowError(0, _("Het bestand is in UTF-16 opgeslagen; sla het op als ‘CSV UTF-8’."))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [RowError(line, _("Het bestand is niet in UTF-8 opgeslagen; sla het op als ‘CSV UTF-8’ of als .xlsx."))]
    first = text.split("\n", 1)[0]
    # Dutch spreadsheet programs save CSV with semicolons; the header tells which one this file uses.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    lines: list[tuple[int, tuple[str, ...]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            if line > MAX_ROWS + 1:
                return [], [RowError(line, _("Het bestand heeft meer dan %(n)s regels.") % {"n": MAX_ROWS})]
            lines.append((line, tuple(cells)))
    except csv.Error:
        return [], [RowError(line + 1, _("Deze regel is geen geldige CSV (controleer de aanhalingstekens)."))]
    return lines, []


def _xlsx_lines(data: bytes) -> tuple[list[tuple[int, tuple[str, ...]]], list[RowError]]:
    import openpyxl

    lines: list[tuple[int, tuple[str, ...]]] = []
    workbook = None
    try:
        # A small archive can unpack to gigabytes; refuse before openpyxl reads it.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
                return [], [RowError(0, _("Het Excel-bestand is uitgepakt te groot; sla het op als CSV (UTF-8)."))]
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
            if line > MAX_ROWS + 1:
                return [], [RowError(line, _("Het bestand heeft meer dan %(n)s regels.") % {"n": MAX_ROWS})]
            lines.append((line, tuple(_cell_text(value) for value in values)))
    # openpyxl reports a damaged workbook with many exception types (zip, XML, key and value errors);
    # for any of them the answer to the user is the same.
    except Exception:
        return [], [RowError(0, _("Dit is geen geldig Excel-bestand (.xlsx), of het is beschadigd."))]
    finally:
        if workbook is not None:
            try:
                workbook.close()
            except Exception:  # closing a damaged archive; nothing left to report
                pass
    return lines, []


def _cell_text(value: Any) -> str:
    """A spreadsheet cell in exchange form: whole numbers without ".0", dates ISO, booleans ja/nee."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _trim(cells: Sequence[str]) -> tuple[str, ...]:
    """Cells without the empty ones at the end of the row (spreadsheets pad rows)."""
    cells = list(cells)
    while cells and cells[-1].strip() == "":
        cells.pop()
    return tuple(cells)


def _cell_problem(cell: str) -> str | None:
    if "\x00" in cell:
        return _("Deze regel bevat ongeldige tekens (NUL).")
    if len(cell) > MAX_TEXT:
        return _("Een cel op deze regel is te lang (maximaal %(n)s tekens).") % {"n": MAX_TEXT}
    try:
        cell.encode("utf-8")
    except UnicodeEncodeError:
        return _("Deze regel bevat ongeldige tekens.")
    return None


def _empty_message(header: Sequence[str]) -> str:
    return _("Het bestand is leeg; de eerste regel moet de kopregel %(header)s zijn.") % {"header": _header_text(header)}


def _header_text(header: Sequence[str]) -> str:
    return "‘" + ",".join(header) + "’"


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- validating answers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionSet:
    """The questions of one questionnaire by code, with each question's allowed choice codes."""

    questions: Mapping[str, Any]
    codes: Mapping[str, list[str]]


@dataclass(frozen=True)
class AnswerContext:
    """What validation needs to know, prepared once: which questions each region answers, which are final."""

    year: int
    question_sets: Mapping[str, QuestionSet]  # region code -> the questions of its questionnaire
    final_regions: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ValidAnswer:
    line: int
    region_code: str
    question_code: str
    value: str
    comment: str

    @property
    def blank(self) -> bool:
        return self.value == "" and self.comment == ""


def validate_answer_rows(rows: Iterable[Row], context: AnswerContext) -> tuple[list[ValidAnswer], list[RowError]]:
    """Check every row against `context`; returns the canonical rows and every error found. Never raises."""
    valid: list[ValidAnswer] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        region_raw, question_raw, value_raw, comment_raw = row.cells[:4]
        region_code = region_raw.strip().upper()
        question_code = question_raw.strip()
        if not region_code:
            errors.append(RowError(row.line, _("De regiocode ontbreekt.")))
            continue
        question_set = context.question_sets.get(region_code)
        if question_set is None:
            errors.append(RowError(row.line, _("Onbekende regiocode ‘%(code)s’; gebruik VR01 tot en met VR25 (of B11, B13, B43 voor de brigadevragenlijst).") % {"code": _short(region_raw.strip(), 20)}))
            continue
        first_line.setdefault(region_code, row.line)
        if not question_code:
            errors.append(RowError(row.line, _("De vraagcode ontbreekt.")))
            continue
        question = question_set.questions.get(question_code)
        if question is None:
            errors.append(
                RowError(
                    row.line,
                    _("Onbekende vraagcode ‘%(code)s’ in de vragenlijst van %(year)s.")
                    % {"code": _short(question_code, 40), "year": context.year},
                )
            )
            continue
        key = (region_code, question_code)
        if key in seen:
            errors.append(RowError(row.line, _("%(region)s %(question)s staat ook al op regel %(line)s.") % {"region": region_code, "question": question_code, "line": seen[key]}))
            continue
        seen[key] = row.line
        try:
            value = parse_value(question, value_raw, codes=question_set.codes.get(question_code, []))
        except ValidationError as error:
            errors.append(RowError(row.line, f"{question_code}: {' '.join(error.messages)}"))
            continue
        valid.append(ValidAnswer(row.line, region_code, question_code, value, comment_raw.strip()))
    for region_code in sorted(context.final_regions & first_line.keys()):
        errors.append(
            RowError(
                first_line[region_code],
                _("De vragenlijst van %(region)s (%(year)s) is definitief; daarin mag niets meer worden gewijzigd.")
                % {"region": region_code, "year": context.year},
            )
        )
    return valid, sorted(errors)


def answer_context(round: Round) -> AnswerContext:
    """The validation context for `round`, read in a few queries. Refuses a published round, and a round
    without a region questionnaire."""
    if round_is_read_only(round):
        raise ImportRefused([RowError(0, _("Meting %(year)s is gepubliceerd en ligt vast; er kan niets meer in worden gewijzigd.") % {"year": round.year})])
    latest = {kind: Questionnaire.objects.latest_for(round, kind) for kind in SubjectKind.values}
    assessments = list(
        Assessment.objects.filter(round=round).values_list("subject__code", "questionnaire_id", "status")
    )
    if latest[SubjectKind.REGION] is None and not assessments:
        raise ImportRefused([RowError(0, _("Er is geen vragenlijst voor veiligheidsregio's in meting %(year)s.") % {"year": round.year})])
    questionnaire_ids = {questionnaire_id for _code, questionnaire_id, _status in assessments}
    questionnaire_ids |= {q.pk for q in latest.values() if q is not None}
    sets = _question_sets(questionnaire_ids)
    of_subject = {code: questionnaire_id for code, questionnaire_id, _status in assessments}
    question_sets = {}
    for code, kind in Subject.objects.values_list("code", "kind"):
        questionnaire_id = of_subject.get(code, latest[kind].pk if latest[kind] else None)
        if questionnaire_id is not None:
            question_sets[code] = sets[questionnaire_id]
    final = frozenset(code for code, _questionnaire, status in assessments if status == AssessmentStatus.FINAL)
    return AnswerContext(year=round.year, question_sets=question_sets, final_regions=final)


def _question_sets(questionnaire_ids: Iterable[int]) -> dict[int, QuestionSet]:
    questions: dict[int, dict[str, Question]] = {pk: {} for pk in questionnaire_ids}
    for question in Question.objects.filter(questionnaire_id__in=questions).prefetch_related("choices"):
        questions[question.questionnaire_id][question.code] = question
    return {
        pk: QuestionSet(questions=by_code, codes={code: [c.code for c in q.choices.all()] for code, q in by_code.items()})
        for pk, by_code in questions.items()
    }


# --- importing answers -----------------------------------------------------------------------------------


def answers_import(*, rows: Iterable[Row], round: Round, by: User | None, source: str = "") -> ImportResult:
    """Import already-read rows into `round`, all or nothing.

    Validates every row first (and the status of every assessment, locked for the duration); raises
    `ImportRefused` with every error, by line, when anything is wrong — then nothing is written.
    Creates a missing assessment (latest region questionnaire, draft). Only answers whose value or
    comment changes are written: each gets the next revision and a history row with `by` and the
    change reason "import <source>".
    """
    return _answers_import(rows=list(rows), round=round, by=by, source=source, prior_errors=[])


def answers_import_file(*, name: str, data: bytes, round: Round, by: User | None) -> ImportResult:
    """Read, validate and import an uploaded answers file; raises `ImportRefused` listing every error."""
    table = parse_answer_file(name, data)
    if table.errors and not table.rows:
        raise ImportRefused(table.errors)
    return _answers_import(rows=table.rows, round=round, by=by, source=name, prior_errors=table.errors)


@transaction.atomic
def _answers_import(
    *, rows: list[Row], round: Round, by: User | None, source: str, prior_errors: list[RowError]
) -> ImportResult:
    # Lock the round's assessments so none turns final between validation and writing.
    list(Assessment.objects.select_for_update().filter(round=round).values_list("pk", flat=True))
    context = answer_context(round)
    valid, errors = validate_answer_rows(rows, context)
    errors = prior_errors + errors
    if not rows and not errors:
        errors.append(RowError(2, _("Het bestand bevat geen antwoorden, alleen de kopregel.")))
    if errors:
        raise ImportRefused(errors)

    result = ImportResult()
    wanted = [row for row in valid if not row.blank]
    result.skipped = len(valid) - len(wanted)
    if not wanted:
        return result
    assessments = _assessments_for(round, {row.region_code for row in wanted}, result)
    existing = {
        (answer.assessment_id, answer.question_id): answer
        for answer in Answer.objects.select_for_update().filter(assessment__in=assessments.values())
    }
    now = timezone.now()
    to_create: list[Answer] = []
    to_update: list[Answer] = []
    for row in wanted:
        assessment = assessments[row.region_code]
        question = context.question_sets[row.region_code].questions[row.question_code]
        answer = existing.get((assessment.pk, question.pk))
        if answer is None:
            answer = Answer(
                assessment=assessment, question=question, value=row.value, comment=row.comment, answered_by=by, revision=1
            )
            to_create.append(answer)
        elif answer.value == row.value and answer.comment == row.comment:
            result.unchanged += 1
            continue
        else:
            answer.value, answer.comment = row.value, row.comment
            answer.answered_by = by
            answer.carried = False
            answer.revision += 1
            answer.updated_at = now
            to_update.append(answer)
        answer._history_user = by
    reason = f"import {source}".strip()
    if to_create:
        bulk_create_with_history(to_create, Answer, default_user=by, default_change_reason=reason, default_date=now)
    if to_update:
        bulk_update_with_history(
            to_update,
            Answer,
            ["value", "comment", "answered_by", "carried", "revision", "updated_at"],
            default_user=by,
            default_change_reason=reason,
            default_date=now,
        )
    touched = {answer.assessment_id for answer in to_create + to_update}
    if touched:
        Assessment.objects.filter(pk__in=touched).update(last_activity=now)
        for assessment in assessments.values():
            if assessment.pk in touched:
                signatures_withdraw(assessment)
    result.created, result.changed = len(to_create), len(to_update)
    return result


def _assessments_for(round: Round, codes: set[str], result: ImportResult) -> dict[str, Assessment]:
    assessments = {
        a.subject.code: a for a in Assessment.objects.filter(round=round, subject__code__in=codes).select_related("subject")
    }
    missing = sorted(codes - assessments.keys())
    if missing:
        for subject in Subject.objects.filter(code__in=missing).order_by("order"):
            assessments[subject.code] = Assessment.objects.create(
                round=round, questionnaire=Questionnaire.objects.latest_for(round, subject.kind), subject=subject,
                status=AssessmentStatus.DRAFT,
            )
        result.assessments_created = missing
    return assessments


# --- exporting answers -----------------------------------------------------------------------------------


def answer_rows(*, round: Round, subjects: QuerySet[Subject], blank: bool = False) -> list[tuple[str, str, str, str]]:
    """The rows of an answers file, ordered by subject (regions first) and question order.

    `blank`: every region × every question of the round's latest region questionnaire, with empty values —
    a template to fill in. Otherwise the stored answers, values exactly as stored.
    """
    if blank:
        latest = Questionnaire.objects.latest_for(round, SubjectKind.REGION)
        if latest is None:
            return []
        codes = list(latest.questions.order_by("order", "code").values_list("code", flat=True))
        regions = subjects.filter(kind=SubjectKind.REGION).order_by("order").values_list("code", flat=True)
        return [(region, code, "", "") for region in regions for code in codes]
    return list(
        Answer.objects.filter(assessment__round=round, assessment__subject__in=subjects)
        .order_by("assessment__subject__order", "question__order", "question__code")
        .values_list("assessment__subject__code", "question__code", "value", "comment")
    )


def answers_export(*, round: Round, subjects: QuerySet[Subject], fmt: str = "csv", blank: bool = False) -> bytes:
    return render_table(ANSWER_HEADER, answer_rows(round=round, subjects=subjects, blank=blank), fmt, sheet="antwoorden")


def render_table(header: Sequence[str], rows: Iterable[Sequence[str]], fmt: str, *, sheet: str = "gegevens") -> bytes:
    """A CSV (UTF-8, no BOM, "\\n" line ends) or XLSX (every cell text, so values stay exact) file."""
    if fmt == "xlsx":
        return _xlsx_bytes(header, rows, sheet)
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # Python's writer only quotes the characters of its own line terminator, but every reader takes a lone
    # "\r" for a line end: a row with one is written fully quoted so it reads back as written.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for row in rows:
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    return buffer.getvalue().encode("utf-8")


def _xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[str]], title: str) -> bytes:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for letter, width in zip("ABCDEFGH", (12, 34, 24, 60), strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"

    def text_cell(value: str, bold: bool = False) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        # Always text: "=…" stays a comment, not a formula, and "01" stays "01".
        cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True)
        return cell

    sheet.append([text_cell(name, bold=True) for name in header])
    for row in rows:
        sheet.append([text_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_filename(kind: str, round: Round, fmt: str, *, subject: Subject | None = None, blank: bool = False) -> str:
    parts = [("sjabloon-" if blank else "") + kind, str(round.year)]
    if subject is not None:
        parts.append(subject.code)
    return "-".join(parts) + "." + fmt


# --- helpers for the management commands -----------------------------------------------------------------


def command_import(*, file: str, year: int, username: str | None, importer) -> tuple[str, Round, ImportResult]:
    """Read `file` and import it with `importer` (answers or judgments); a refused file is a CommandError
    listing every error by line, so the command exits non-zero and nothing is written."""
    audit_round, by, data = command_round(year), command_user(username), read_upload(file)
    name = Path(file).name
    try:
        result = importer(name=name, data=data, round=audit_round, by=by)
    except ImportRefused as refused:
        raise CommandError(refusal_text(name, refused)) from None
    return name, audit_round, result


def command_round(year: int) -> Round:
    audit_round = Round.objects.filter(year=year).first()
    if audit_round is None:
        raise CommandError(f"Meting {year} bestaat niet.")
    return audit_round


def command_user(username: str | None) -> User | None:
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Gebruiker {username} bestaat niet.")
    return user


def read_upload(path: str) -> bytes:
    """The bytes of `path`, at most one more than the import accepts (so a too-large file is refused, not read)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CommandError(f"Kan {path} niet lezen: {error.strerror}.") from None


def refusal_text(name: str, refused: ImportRefused) -> str:
    count = len(refused.errors)
    lines = [f"Niets geïmporteerd: {name} is geweigerd ({count} {'fout' if count == 1 else 'fouten'})."]
    lines += [f"  {error}" for error in refused.errors]
    return "\n".join(lines)


def write_export(stdout, data: bytes, fmt: str, output: str | None) -> None:
    """Write an export to `output`, or to standard output (XLSX as raw bytes, so it can be redirected)."""
    if output:
        try:
            with open(output, "wb") as handle:
                handle.write(data)
        except OSError as error:
            raise CommandError(f"Kan {output} niet schrijven: {error.strerror}.") from None
        return
    if fmt == "csv":
        stdout.write(data.decode("utf-8"), ending="")
        return
    buffer = getattr(getattr(stdout, "_out", None), "buffer", None)
    if buffer is None:
        raise CommandError("Geef --output op voor XLSX.")
    stdout.flush()
    buffer.write(data)
    buffer.flush()
