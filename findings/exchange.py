"""CSV/XLSX exchange of judgments: header exactly `region_code,csf,judgment,finding`, validated whole,
imported all-or-nothing, exactly like the answers (see `assessments.exchange`).

`region_code` holds a region code (VR01–VR25) for the regional success factors, or a brigade code
(B11, B13, B43) for the brigade factors 3.3.1 and 3.3.2, which are judged per brigade. A brigade factor
on a region row (or the other way round) is an error. A row whose judgment and finding are both empty
changes nothing. Once a round is published its judgments are no longer imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.tabular import Importer, ImportRefused, ImportResult, Row, RowError, Table, read_table, render_table
from findings.models import Finding, Judgment
from findings.services import finding_save
from framework.models import Round, SuccessFactor
from regions.models import Subject

if TYPE_CHECKING:
    from accounts.models import User

JUDGMENT_HEADER = ("region_code", "csf", "judgment", "finding")
JUDGMENT_CODES = ", ".join(Judgment.values)


def _codes(factors: Mapping[str, str], kind: str | None = None) -> str:
    """The round's success factor codes (of one kind), for a message: "1.1, 1.2, 2.1"."""
    return ", ".join(sorted(code for code, factor_kind in factors.items() if kind is None or factor_kind == kind)) or "—"


def parse_judgment_file(name: str, data: bytes) -> Table:
    """The rows of a judgments file (CSV or XLSX), or the errors that make it unreadable."""
    return read_table(name, data, JUDGMENT_HEADER)


@dataclass(frozen=True)
class JudgmentContext:
    year: int
    # "VR13" -> ("region", pk); "B11" -> ("brigade", pk)
    subjects: Mapping[str, tuple[str, int]]
    # success factor code -> "region" or "brigade"
    factors: Mapping[str, str]
    published: bool = False
    # (subject code, csf) -> (judgment, finding) as stored, when the round is published.
    stored: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ValidJudgment:
    line: int
    subject_code: str
    csf: str
    judgment: str
    finding: str


def validate_judgment_rows(rows: Iterable[Row], context: JudgmentContext) -> tuple[list[ValidJudgment], list[RowError]]:
    """Check every row against `context`; blank rows are dropped. Never raises."""
    valid: list[ValidJudgment] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        code_raw, csf_raw, judgment_raw, finding_raw = row.cells[:4]
        code, csf = code_raw.strip().upper(), csf_raw.strip()
        judgment = judgment_raw.strip().lower().replace(" ", "_").replace("-", "_")
        finding = finding_raw.strip()
        if not code:
            errors.append(RowError(row.line, _("De regiocode ontbreekt.")))
            continue
        subject = context.subjects.get(code)
        if subject is None:
            errors.append(
                RowError(
                    row.line,
                    _(
                        "Onbekende code ‘%(code)s’; gebruik een regiocode (zoals VR01) of, voor een succesfactor "
                        "die per brigade wordt beoordeeld (%(brigade_factors)s), een brigadecode (zoals B11)."
                    )
                    % {"code": _short(code_raw.strip()), "brigade_factors": _codes(context.factors, "brigade")},
                )
            )
            continue
        factor_subject = context.factors.get(csf)
        if factor_subject is None:
            errors.append(RowError(row.line, _("Onbekende succesfactor ‘%(code)s’; deze meting kent %(codes)s.")
                                   % {"code": _short(csf), "codes": _codes(context.factors)}))
            continue
        if factor_subject != subject[0]:
            if factor_subject == "brigade":
                message = _("%(csf)s wordt per brigade beoordeeld, niet per regio; gebruik de brigadecode (B11, B13 of B43).")
            else:
                message = _("%(csf)s wordt per veiligheidsregio beoordeeld, niet per brigade.")
            message %= {"csf": csf}
            errors.append(RowError(row.line, message))
            continue
        key = (code, csf)
        if key in seen:
            errors.append(RowError(row.line, _("%(code)s %(csf)s staat ook al op regel %(line)s.") % {"code": code, "csf": csf, "line": seen[key]}))
            continue
        seen[key] = row.line
        if judgment == "" and finding == "":
            continue
        if judgment not in Judgment.values:
            shown = judgment_raw.strip()
            if shown:
                message = _("‘%(value)s’ is geen geldig oordeel; gebruik %(codes)s.") % {"value": _short(shown), "codes": JUDGMENT_CODES}
            else:
                message = _("Het oordeel ontbreekt; gebruik %(codes)s.") % {"codes": JUDGMENT_CODES}
            errors.append(RowError(row.line, message))
            continue
        if context.published and (judgment, finding) != context.stored.get((code, csf)):
            # A published round: a row that repeats the stored judgment is unchanged; one that differs is refused.
            errors.append(RowError(row.line, _("Meting %(year)s is gepubliceerd; oordelen kunnen niet meer worden geïmporteerd.") % {"year": context.year}))
            continue
        valid.append(ValidJudgment(row.line, code, csf, judgment, finding))
    return valid, sorted(errors)


def judgment_context(round: Round) -> JudgmentContext:
    subjects = {code: (kind, pk) for pk, code, kind in Subject.objects.values_list("pk", "code", "kind")}
    factors = dict(SuccessFactor.objects.filter(framework_id=round.framework_id).values_list("code", "subject_kind"))
    published = round.published_at is not None
    stored = {
        (code, csf): (judgment, text)
        for code, csf, judgment, text in Finding.objects.filter(round=round).values_list(
            "subject__code", "success_factor__code", "judgment", "text"
        )
    } if published else {}
    return JudgmentContext(year=round.year, subjects=subjects, factors=factors, published=published, stored=stored)


def judgments_import(
    *, rows: Iterable[Row], round: Round, by: User | None, source: str = "", reason: str = ""
) -> ImportResult:
    """Import already-read judgment rows into `round`, all or nothing.

    Validates every row first and raises `ImportRefused` with every error, by line; then nothing is written.
    Each changed finding is saved through `findings.services.finding_save` (new revision, history row with
    `by` and the change reason "import <source>", or `reason` when given); unchanged findings are left alone.
    """
    return _judgments_import(rows=list(rows), round=round, by=by, source=source, prior_errors=[], reason=reason)


def judgments_import_file(*, name: str, data: bytes, round: Round, by: User | None) -> ImportResult:
    table = parse_judgment_file(name, data)
    if table.errors and not table.rows:
        raise ImportRefused(table.errors)
    return _judgments_import(rows=table.rows, round=round, by=by, source=name, prior_errors=table.errors)


@transaction.atomic
def _judgments_import(
    *, rows: list[Row], round: Round, by: User | None, source: str, prior_errors: list[RowError], reason: str = ""
) -> ImportResult:
    round = Round.objects.select_for_update().get(pk=round.pk)
    context = judgment_context(round)
    valid, errors = validate_judgment_rows(rows, context)
    errors = prior_errors + errors
    if not rows and not errors:
        errors.append(RowError(2, _("Het bestand bevat geen oordelen, alleen de kopregel.")))
    if errors:
        raise ImportRefused(errors)

    result = ImportResult(skipped=len(rows) - len(valid))
    factors = {factor.code: factor for factor in SuccessFactor.objects.filter(framework_id=round.framework_id)}
    subjects = {subject.code: subject for subject in Subject.objects.all()}
    stored = {
        (code, csf): (text, judgment)
        for code, csf, text, judgment in Finding.objects.filter(round=round).values_list(
            "subject__code", "success_factor__code", "text", "judgment"
        )
    }
    reason = reason or f"import {source}".strip()
    refused: list[RowError] = []
    for row in valid:
        current = stored.get((row.subject_code, row.csf))
        if current == (row.finding, row.judgment):
            result.unchanged += 1
            continue
        try:
            finding_save(
                round=round,
                subject=subjects[row.subject_code],
                success_factor=factors[row.csf],
                text=row.finding,
                judgment=row.judgment,
                by=by,
                reason=reason,
            )
        except ValidationError as error:
            refused.append(RowError(row.line, " ".join(error.messages)))
            continue
        if current is None:
            result.created += 1
        else:
            result.changed += 1
    if refused:
        # Raising inside the atomic block rolls back what was saved above.
        raise ImportRefused(refused)
    return result


def judgment_rows(*, round: Round) -> list[tuple[str, str, str, str]]:
    """The round's judgments as file rows: regions by code, then brigades (B11…), each by success factor order."""
    return list(
        Finding.objects.filter(round=round)
        .order_by("subject__order", "success_factor__order", "success_factor__code")
        .values_list("subject__code", "success_factor__code", "judgment", "text")
    )


def judgments_export(*, round: Round, fmt: str = "csv") -> bytes:
    return render_table(JUDGMENT_HEADER, judgment_rows(round=round), fmt, sheet="oordelen")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


JUDGMENTS = Importer(kind="judgments", label="oordelen", header=JUDGMENT_HEADER, import_file=judgments_import_file)
