"""Context builders for the findings pages: each reads what a page shows in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, TypedDict

from django.db.models import BooleanField, Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, When
from django.utils.text import Truncator

from assessments.models import Answer, Evidence, Question
from assessments.norms import Suggestion, suggest_judgment
from assessments.querysets import with_choices
from core.prefetch import attach
from findings.models import (
    Citation,
    Finding,
    InterviewReport,
    NationalConclusion,
    ResponseKind,
    Verification,
    VerificationItem,
    VerificationResponse,
    VerificationStatus,
)
from framework.models import Criterion, Round, SuccessFactor
from regions.models import Subject, SubjectKind
from regions.policy import respondents

if TYPE_CHECKING:
    from accounts.models import User

CITATION_RELATED = [
    "answer__question", "evidence", "report", "cited_finding__round", "cited_finding__subject", "cited_finding__success_factor",
]


def shown_citations(citations: QuerySet[Citation]) -> QuerySet[Citation]:
    """Citations as a page lists them: with what they cite, the cited answer's choices for its label, and
    `answer_changed`: the cited answer was saved after the finding that cites it was last saved."""
    return citations.select_related(*CITATION_RELATED).prefetch_related("answer__question__choices").annotate(
        answer_changed=Case(When(finding__isnull=False, answer__updated_at__gt=F("finding__updated_at"), then=True),
                            default=False, output_field=BooleanField()))


class FactorRow(TypedDict):
    factor: SuccessFactor
    finding: Finding | None
    answers: list[Answer]
    suggestion: Suggestion
    # What the inspectors hold the factor against (assessments.Criterion), in the interface language on display.
    criteria: list
    item: VerificationItem | None


def items_with_responses(verification: Verification | None, user: User | None = None) -> list[VerificationItem]:
    """The items sent for verification with their responses; `item.mine` is `user`'s own response."""
    if verification is None or verification.pk is None:
        return []
    responses = VerificationResponse.objects.select_related("respondent", "replied_by")
    items = list(
        verification.items.select_related("finding__success_factor", "report").prefetch_related(
            Prefetch("responses", queryset=responses)
        )
    )
    for item in items:
        item.mine = next((r for r in item.responses.all() if user is not None and r.respondent_id == user.pk), None)
        current = item.finding if item.finding is not None else item.report
        assert current is not None, "an item is a finding or the report (verification_item_finding_xor_report)"
        item.current_text = current.text
        item.current_judgment = item.finding.judgment if item.finding is not None else ""
        item.changed = item.current_text != item.sent_text or (
            item.finding is not None and item.current_judgment != item.sent_judgment
        )
        item.current_revision = current.revision
    return items


def subject_page(*, round: Round, subject: Subject, user: User | None = None) -> dict:
    """Everything a subject's findings page shows: per factor the finding, the answers that bear on it
    and the suggested judgment; the interview report; the verification items."""
    # The related rows are read in one query each and handed over (core.prefetch), as prefetch_related would.
    factors = list(SuccessFactor.objects.filter(framework_id=round.framework_id, subject_kind=subject.kind)
                   .select_related("theme"))
    attach(factors, "criteria", Criterion.objects.filter(success_factor__in=[f.pk for f in factors]), "success_factor_id")
    subject_findings = list(Finding.objects.filter(round=round, subject=subject))
    attach(subject_findings, "citations", Citation.objects.filter(finding__in=[f.pk for f in subject_findings])
           .select_related(*CITATION_RELATED).order_by("pk"), "finding_id")
    findings = {f.success_factor_id: f for f in subject_findings}
    # The questions of the subject's questionnaire (the normed ones without an answer are named in the suggestion)
    # and their answers.
    questions = {
        q.pk: q
        for q in with_choices(
            Question.objects.filter(questionnaire__assessments__subject=subject, questionnaire__assessments__round=round)
            .select_related("criterion").order_by("order")
        )
    }
    questions_by_factor: dict[int, list[Question]] = defaultdict(list)
    for question in questions.values():
        questions_by_factor[question.success_factor_id].append(question)
    answers: dict[int, list[Answer]] = defaultdict(list)
    answer_rows = Answer.objects.filter(assessment__subject=subject, assessment__round=round)
    for answer in sorted(answer_rows, key=lambda a: questions[a.question_id].order):
        answer.question = questions[answer.question_id]
        answers[answer.question.success_factor_id].append(answer)
    values = {answer.question.code: answer.value for rows in answers.values() for answer in rows}
    verification = Verification.objects.filter(round=round, subject=subject).select_related("subject").first()
    items = items_with_responses(verification, user)
    item_by_finding = {item.finding_id: item for item in items if item.finding_id}
    report = InterviewReport.objects.filter(round=round, subject=subject).prefetch_related("attachments").first()
    rows: list[FactorRow] = []
    for factor in factors:
        finding = findings.get(factor.pk)
        rows.append(
            {
                "factor": factor,
                "finding": finding,
                "answers": answers.get(factor.pk, []),
                "suggestion": suggest_judgment(
                    answers.get(factor.pk, []), questions_by_factor.get(factor.pk, []), values=values
                ),
                "criteria": list(factor.criteria.all()),
                "item": item_by_finding.get(finding.pk) if finding else None,
            }
        )
    return {
        "rows": rows,
        "report": report,
        "verification": verification,
        "items": items,
        "report_item": next((item for item in items if item.report_id), None),
        "missing": [row["factor"].code for row in rows if not (row["finding"] and row["finding"].text)],
    }


def citation_choices(*, finding: Finding) -> dict:
    """What a finding may cite: the subject's answers on this factor and its documents."""
    answers = Answer.objects.filter(
        assessment__subject_id=finding.subject_id, assessment__round=finding.round,
        question__success_factor=finding.success_factor,
    ).select_related("question").prefetch_related("question__choices")
    evidence = Evidence.objects.filter(assessment__subject_id=finding.subject_id, assessment__round=finding.round)
    return {
        "answers": [(a.pk, f"{Truncator(a.question.display_text).chars(70)}: {a.display or '—'}") for a in answers],
        "evidence": [(e.pk, e.original_name) for e in evidence],
    }


def overview(round: Round) -> dict:
    """The inspectors' overview of a round: per subject the judgments, what is missing and the verification status."""
    factors = list(SuccessFactor.objects.filter(framework_id=round.framework_id, subject_kind=SubjectKind.REGION))
    brigade_factors = list(SuccessFactor.objects.filter(framework_id=round.framework_id, subject_kind=SubjectKind.BRIGADE))
    judgments: dict[tuple, str] = {}
    for subject_id, factor_id, judgment, text in Finding.objects.filter(round=round).values_list(
        "subject_id", "success_factor_id", "judgment", "text"
    ):
        judgments[(subject_id, factor_id)] = judgment if text else ""
    verifications = {
        v.subject_id: v
        for v in Verification.objects.filter(round=round).annotate(
            open_comments=Count(
                "items__responses",
                filter=Q(items__responses__kind=ResponseKind.COMMENT, items__responses__replied_at__isnull=True),
            )
        )
    }

    def row(subject, subject_factors):
        cells = [{"factor": f, "judgment": judgments.get((subject.pk, f.pk))} for f in subject_factors]
        return {
            "subject": subject,
            "cells": cells,
            "missing": sum(1 for cell in cells if not cell["judgment"]),
            "verification": verifications.get(subject.pk),
        }

    reports = InterviewReport.objects.filter(round=round, subject=OuterRef("pk"))
    subjects = list(Subject.objects.annotate(held_on=reports.values("held_on")[:1], has_report=Exists(reports)))
    regions = [row(s, factors) for s in subjects if s.kind == SubjectKind.REGION]
    brigades = [row(s, brigade_factors) for s in subjects if s.kind == SubjectKind.BRIGADE]
    # A directorate is listed in a round in which it was interviewed or its report went out for verification.
    directorates = [
        row(s, []) for s in subjects if s.kind == SubjectKind.DIRECTORATE and (s.has_report or s.pk in verifications)
    ]
    return {
        "factors": factors,
        "brigade_factors": brigade_factors,
        "regions": regions,
        "brigades": brigades,
        "directorates": directorates,
        "uncited": uncited(round),
        "rounds": Round.objects.order_by("-year"),
        "verified": sum(1 for r in regions if r["verification"] and r["verification"].status == VerificationStatus.VERIFIED),
    }


def uncited(round: Round) -> dict:
    """The check on traceability: findings and conclusions with text that cite nothing; two queries."""
    findings = (
        Finding.objects.filter(round=round, citations__isnull=True)
        .exclude(text="")
        .select_related("subject", "success_factor")
    )
    conclusions = (
        NationalConclusion.objects.filter(round=round, citations__isnull=True).exclude(text="").select_related("success_factor")
    )
    return {"findings": list(findings), "conclusions": list(conclusions)}




def report_only(subject: Subject) -> bool:
    """Whether `subject`'s findings page is its interview report alone: a directorate is interviewed, not judged
    per success factor (the framework's factors judge a region or a brigade)."""
    return subject.kind == SubjectKind.DIRECTORATE


def verification_of(*, round: Round, subject: Subject) -> Verification | None:
    """The verification of a subject's findings in a round, if they were ever sent."""
    return Verification.objects.filter(round=round, subject=subject).select_related("subject").first()


def respondents_pending(verification: Verification) -> list[User]:
    """The subject's respondents who have not yet responded to every item: whom the verification still waits for."""
    total = verification.items.count()
    done = dict(
        VerificationResponse.objects.filter(item__verification=verification)
        .values("respondent").annotate(n=Count("pk")).values_list("respondent", "n")
    )
    return [user for user in respondents(verification.subject) if done.get(user.pk, 0) < total]


def report_of(*, round: Round, subject: Subject) -> InterviewReport | None:
    """The interview report of a subject in a round, if written."""
    return InterviewReport.objects.filter(round=round, subject=subject).first()


class FindingPage(TypedDict):
    finding: Finding | None
    row: FactorRow
    history: list
    citations: list[Citation]
    citation_choices: dict


def finding_page(*, round: Round, subject: Subject, factor: SuccessFactor) -> FindingPage:
    """One factor of one subject: its finding with history and sources, and the answers bearing on it."""
    finding = Finding.objects.filter(round=round, subject=subject, success_factor=factor).first()
    row = factor_row(round=round, subject=subject, factor=factor)
    if finding is None:
        return {"finding": None, "row": row, "history": [], "citations": [], "citation_choices": {}}
    return {
        "finding": finding,
        "row": row,
        "history": list(finding.history.select_related("history_user").order_by("-history_date")),
        "citations": list(shown_citations(finding.citations.all())),
        "citation_choices": citation_choices(finding=finding),
    }


def factor_row(*, round: Round, subject: Subject, factor: SuccessFactor) -> FactorRow:
    """The row of one factor as the subject page shows it (the htmx fragment after a save)."""
    return next(row for row in subject_page(round=round, subject=subject)["rows"] if row["factor"].pk == factor.pk)


def citation_sources(finding: Finding, *, answer: int | None, evidence: int | None, passage: str) -> dict:
    """The objects a citation form names, read among those `citation_choices` offered for `finding`."""
    return {
        "answer": Answer.objects.filter(pk=answer, assessment__subject_id=finding.subject_id).first() if answer else None,
        "evidence": Evidence.objects.filter(pk=evidence, assessment__subject_id=finding.subject_id).first() if evidence else None,
        "report": InterviewReport.objects.filter(round_id=finding.round_id, subject_id=finding.subject_id).first()
        if passage else None,
    }
