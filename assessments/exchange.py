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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from assessments.models import Answer, Assessment, AssessmentStatus, Question, Questionnaire
from assessments.services import signatures_withdraw
from assessments.values import parse_value
from core.tabular import (  # noqa: F401  (the reading and writing helpers of every exchange file)
    CONTENT_TYPES,
    FORMATS,
    MAX_BYTES,
    Importer,
    ImportRefused,
    ImportResult,
    Row,
    RowError,
    Table,
    read_table,
    render_table,
    shorten,
)
from framework.guards import round_is_read_only
from framework.models import Round
from regions.models import Subject, SubjectKind

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User

ANSWER_HEADER = ("region_code", "question_code", "value", "comment")


def parse_answer_file(name: str, data: bytes) -> Table:
    """The rows of an answers file (CSV or XLSX), or the errors that make it unreadable."""
    return read_table(name, data, ANSWER_HEADER)


# --- validating answers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionSet:
    """The questions of one questionnaire by code, with each question's allowed choice codes."""

    questions: Mapping[str, Any]
    codes: Mapping[str, list[str]]


@dataclass(frozen=True)
class AnswerContext:
    """What validation needs to know, prepared once: which questions each subject answers, which
    questionnaires are final, whether the round is published, and for those the answers as stored (a row
    that repeats them is unchanged; a row that differs is refused)."""

    year: int
    question_sets: Mapping[str, QuestionSet]  # subject code -> the questions of its questionnaire
    final_regions: frozenset[str] = frozenset()
    published: bool = False
    # (subject code, question code) -> (value, comment), for the final questionnaires (all, when published).
    stored: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def refusal(self, subject_code: str) -> str | None:
        """Why rows of `subject_code` may not change anything, or None when they may."""
        if self.published:
            return _("Meting %(year)s is gepubliceerd en ligt vast; er kan niets meer in worden gewijzigd.") % {
                "year": self.year}
        if subject_code in self.final_regions:
            return _("De vragenlijst van %(region)s (%(year)s) is definitief; daarin mag niets meer worden gewijzigd.") % {
                "region": subject_code, "year": self.year}
        return None


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
    for row in rows:
        region_raw, question_raw, value_raw, comment_raw = row.cells[:4]
        region_code = region_raw.strip().upper()
        question_code = question_raw.strip()
        if not region_code:
            errors.append(RowError(row.line, _("De regiocode ontbreekt.")))
            continue
        question_set = context.question_sets.get(region_code)
        if question_set is None:
            errors.append(RowError(row.line, _("Onbekende regiocode ‘%(code)s’; gebruik VR01 tot en met VR25 (of B11, B13, B43 voor de brigadevragenlijst).") % {"code": shorten(region_raw.strip(), 20)}))
            continue
        if not question_code:
            errors.append(RowError(row.line, _("De vraagcode ontbreekt.")))
            continue
        question = question_set.questions.get(question_code)
        if question is None:
            errors.append(
                RowError(
                    row.line,
                    _("Onbekende vraagcode ‘%(code)s’ in de vragenlijst van %(year)s.")
                    % {"code": shorten(question_code, 40), "year": context.year},
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
        comment = comment_raw.strip()
        refusal = context.refusal(region_code)
        # A final or published questionnaire: a row that repeats what is stored (or says nothing) is
        # unchanged; only a row that would change it is refused.
        if refusal and (value or comment) and (value, comment) != context.stored.get(key, ("", "")):
            errors.append(RowError(row.line, refusal))
            continue
        valid.append(ValidAnswer(row.line, region_code, question_code, value, comment))
    return valid, sorted(errors)


def answer_context(round: Round) -> AnswerContext:
    """The validation context for `round`, read in a few queries. Refuses a round without a region questionnaire."""
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
        questionnaire = latest[kind]
        questionnaire_id = of_subject.get(code, questionnaire.pk if questionnaire else None)
        if questionnaire_id is not None:
            question_sets[code] = sets[questionnaire_id]
    final = frozenset(code for code, _questionnaire, status in assessments if status == AssessmentStatus.FINAL)
    published = round_is_read_only(round)
    locked = Answer.objects.filter(assessment__round=round)
    if not published:
        locked = locked.filter(assessment__subject__code__in=final)
    stored = {
        (code, question): (value, comment)
        for code, question, value, comment in locked.values_list(
            "assessment__subject__code", "question__code", "value", "comment"
        )
    } if (published or final) else {}
    return AnswerContext(year=round.year, question_sets=question_sets, final_regions=final, published=published,
                         stored=stored)


def _question_sets(questionnaire_ids: Iterable[int]) -> dict[int, QuestionSet]:
    questions: dict[int, dict[str, Question]] = {pk: {} for pk in questionnaire_ids}
    for question in Question.objects.filter(questionnaire_id__in=questions).prefetch_related("choices"):
        questions[question.questionnaire_id][question.code] = question
    return {
        pk: QuestionSet(questions=by_code, codes={code: [c.code for c in q.choices.all()] for code, q in by_code.items()})
        for pk, by_code in questions.items()
    }


# --- importing answers -----------------------------------------------------------------------------------


def answers_import(
    *, rows: Iterable[Row], round: Round, by: User | None, source: str = "", reason: str = ""
) -> ImportResult:
    """Import already-read rows into `round`, all or nothing.

    Validates every row first (and the status of every assessment, locked for the duration); raises
    `ImportRefused` with every error, by line, when anything is wrong — then nothing is written.
    Creates a missing assessment (latest region questionnaire, draft). Only answers whose value or
    comment changes are written: each gets the next revision and a history row with `by` and the
    change reason "import <source>", or `reason` when given (the demo names the round's source).
    """
    return _answers_import(rows=list(rows), round=round, by=by, source=source, prior_errors=[], reason=reason)


def answers_import_file(*, name: str, data: bytes, round: Round, by: User | None) -> ImportResult:
    """Read, validate and import an uploaded answers file; raises `ImportRefused` listing every error."""
    table = parse_answer_file(name, data)
    if table.errors and not table.rows:
        raise ImportRefused(table.errors)
    return _answers_import(rows=table.rows, round=round, by=by, source=name, prior_errors=table.errors)


@transaction.atomic
def _answers_import(
    *, rows: list[Row], round: Round, by: User | None, source: str, prior_errors: list[RowError], reason: str = ""
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
    reason = reason or f"import {source}".strip()
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
            questionnaire = Questionnaire.objects.latest_for(round, subject.kind)
            assert questionnaire is not None, "the rows of a party without a questionnaire are refused before"
            assessments[subject.code] = Assessment.objects.create(
                round=round, questionnaire=questionnaire, subject=subject,
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


def export_filename(kind: str, round: Round, fmt: str, *, subject: Subject | None = None, blank: bool = False) -> str:
    parts = [("sjabloon-" if blank else "") + kind, str(round.year)]
    if subject is not None:
        parts.append(subject.code)
    return "-".join(parts) + "." + fmt


ANSWERS = Importer(kind="answers", label="antwoorden", header=ANSWER_HEADER, import_file=answers_import_file)
