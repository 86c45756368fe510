"""Context builders for the findings pages: each reads what a page shows in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Prefetch, Q, QuerySet

from assessments.models import Answer, Evidence, SuccessFactor, Theme
from assessments.norms import Suggestion, suggest_judgment
from findings.models import (
    Citation,
    Finding,
    FollowUp,
    InterviewReport,
    Judgment,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
    ResponseKind,
    Verification,
    VerificationItem,
    VerificationResponse,
    VerificationStatus,
)
from findings.national import judgment_counts, verified_counts
from regions.models import Brigade, Region

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import Round

CITATION_RELATED = ["answer__question", "evidence", "report", "cited_finding__region", "cited_finding__brigade"]


def shown_citations(citations: QuerySet[Citation]) -> QuerySet[Citation]:
    """Citations as a page lists them: with what they cite, and the cited answer's choices for its label."""
    return citations.select_related(*CITATION_RELATED).prefetch_related("answer__question__choices")


class FactorRow(TypedDict):
    factor: SuccessFactor
    finding: Finding | None
    answers: list[Answer]
    suggestion: Suggestion
    item: VerificationItem | None


def _subject(region: Region | None, brigade: Brigade | None) -> dict:
    return {"region": region} if region is not None else {"brigade": brigade}


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
        current = item.finding if item.finding_id else item.report
        item.current_text = current.text
        item.current_judgment = item.finding.judgment if item.finding_id else ""
        item.changed = item.current_text != item.sent_text or (item.finding_id and item.current_judgment != item.sent_judgment)
        item.current_revision = current.revision
    return items


def subject_page(
    *, round: Round, region: Region | None = None, brigade: Brigade | None = None, user: User | None = None
) -> dict:
    """Everything a region's (or brigade's) findings page shows: per factor the finding, the answers
    that bear on it and the suggested judgment; the interview report; the verification items."""
    subject = _subject(region, brigade)
    kind = "region" if region is not None else "brigade"
    factors = list(SuccessFactor.objects.filter(subject=kind).select_related("theme"))
    findings = {
        f.success_factor_id: f
        for f in Finding.objects.filter(round=round, **subject).prefetch_related(
            Prefetch("citations", queryset=Citation.objects.select_related(*CITATION_RELATED))
        )
    }
    answers: dict[int, list[Answer]] = defaultdict(list)
    answer_rows = Answer.objects.filter(
        **{f"assessment__{key}": value for key, value in subject.items()}, assessment__round=round
    ).select_related("question").prefetch_related("question__choices").order_by("question__order")
    for answer in answer_rows:
        answers[answer.question.success_factor_id].append(answer)
    verification = Verification.objects.filter(round=round, **subject).first()
    items = items_with_responses(verification, user)
    item_by_finding = {item.finding_id: item for item in items if item.finding_id}
    report = InterviewReport.objects.filter(round=round, **subject).prefetch_related("attachments").first()
    rows: list[FactorRow] = []
    for factor in factors:
        finding = findings.get(factor.pk)
        rows.append(
            {
                "factor": factor,
                "finding": finding,
                "answers": answers.get(factor.pk, []),
                "suggestion": suggest_judgment(answers.get(factor.pk, [])),
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
    subject = {"assessment__region": finding.region} if finding.region_id else {"assessment__brigade": finding.brigade}
    answers = Answer.objects.filter(
        **subject, assessment__round=finding.round, question__success_factor=finding.success_factor
    ).select_related("question").prefetch_related("question__choices")
    evidence = Evidence.objects.filter(**subject, assessment__round=finding.round)
    return {
        "answers": [(a.pk, f"{a.question.code}: {a.display or '—'}") for a in answers],
        "evidence": [(e.pk, e.original_name) for e in evidence],
    }


def overview(round: Round) -> dict:
    """The inspectors' overview of a round: per region the judgments, what is missing and the verification status."""
    factors = list(SuccessFactor.objects.filter(subject="region"))
    brigade_factors = list(SuccessFactor.objects.filter(subject="brigade"))
    judgments: dict[tuple, str] = {}
    for region_id, brigade_id, factor_id, judgment, text in Finding.objects.filter(round=round).values_list(
        "region_id", "brigade_id", "success_factor_id", "judgment", "text"
    ):
        judgments[(region_id, brigade_id, factor_id)] = judgment if text else ""
    verifications = {
        (v.region_id, v.brigade_id): v
        for v in Verification.objects.filter(round=round).annotate(
            open_comments=Count(
                "items__responses",
                filter=Q(items__responses__kind=ResponseKind.COMMENT, items__responses__replied_at__isnull=True),
            )
        )
    }

    def row(subject, region_id, brigade_id, subject_factors):
        cells = [{"factor": f, "judgment": judgments.get((region_id, brigade_id, f.pk))} for f in subject_factors]
        return {
            "subject": subject,
            "cells": cells,
            "missing": sum(1 for cell in cells if not cell["judgment"]),
            "verification": verifications.get((region_id, brigade_id)),
        }

    regions = [row(r, r.pk, None, factors) for r in Region.objects.all()]
    brigades = [row(b, None, b.pk, brigade_factors) for b in Brigade.objects.all()]
    return {
        "factors": factors,
        "brigade_factors": brigade_factors,
        "regions": regions,
        "brigades": brigades,
        "uncited": uncited(round),
        "verified": sum(1 for r in regions if r["verification"] and r["verification"].status == VerificationStatus.VERIFIED),
    }


def uncited(round: Round) -> dict:
    """The check on traceability: findings and conclusions with text that cite nothing; two queries."""
    findings = (
        Finding.objects.filter(round=round, citations__isnull=True)
        .exclude(text="")
        .select_related("region", "brigade", "success_factor")
    )
    conclusions = (
        NationalConclusion.objects.filter(round=round, citations__isnull=True).exclude(text="").select_related("success_factor")
    )
    return {"findings": list(findings), "conclusions": list(conclusions)}


def national_page(round: Round, *, with_drafts: bool = False) -> dict:
    """Per theme and success factor: national judgment, regional distribution, deelconclusie; five queries."""
    counts = judgment_counts(round)
    conclusions = {
        c.success_factor_id: c
        for c in NationalConclusion.objects.filter(round=round).annotate(citation_count=Count("citations"))
    }
    themes = []
    factors_by_theme: dict[int, list] = defaultdict(list)
    for factor in SuccessFactor.objects.select_related("theme"):
        factor_counts = counts.get(factor.code, dict.fromkeys(Judgment.values, 0))
        total = sum(factor_counts.values())
        factors_by_theme[factor.theme_id].append(
            {
                "factor": factor,
                "conclusion": conclusions.get(factor.pk),
                "counts": factor_counts,
                "total": total,
                "bars": _bars(factor_counts, total),
            }
        )
    for theme in Theme.objects.all():
        themes.append({"theme": theme, "factors": factors_by_theme.get(theme.pk, [])})
    return {
        "themes": themes,
        "overall": conclusions.get(None),
        "region_total": Region.objects.count(),
        **verified_counts(round),
    }


BAR_WIDTH = 200


def _bars(counts: dict[str, int], total: int) -> list[dict]:
    """Segments of a stacked horizontal bar, in SVG user units."""
    segments, x = [], 0
    for value, label in Judgment.choices:
        width = round(BAR_WIDTH * counts[value] / total) if total else 0
        if value == Judgment.choices[-1][0] and total:
            width = BAR_WIDTH - x
        segments.append({"judgment": value, "label": label, "count": counts[value], "x": x, "width": width})
        x += width
    return segments


def factor_evidence(round: Round, factor: SuccessFactor) -> list[Finding]:
    """The regional (or brigade) findings under a deelconclusie, with what each cites; at most three queries."""
    own = {"region__isnull": False} if factor.subject == "region" else {"brigade__isnull": False}
    return list(
        Finding.objects.filter(round=round, success_factor=factor, **own)
        .select_related("region", "brigade")
        .prefetch_related(Prefetch("citations", queryset=shown_citations(Citation.objects.all())))
    )


def recommendations_page(round: Round, *, user: User) -> dict:
    """A round's recommendations, and what became of the previous rounds' recommendations in this round."""
    from findings.access import sees_draft_recommendations

    visible = Recommendation.objects.select_related("region", "drafted_by_rule").prefetch_related(
        "success_factors", "concerned_regions"
    )
    current = list(visible.filter(round=round, status=RecommendationStatus.ACCEPTED).order_by("region__code", "pk"))
    drafts = list(visible.filter(round=round, status=RecommendationStatus.DRAFT)) if sees_draft_recommendations(user) else []
    previous = list(
        visible.filter(round__year__lt=round.year, status=RecommendationStatus.ACCEPTED)
        .select_related("round")
        .prefetch_related(Prefetch("follow_ups", queryset=FollowUp.objects.filter(round=round), to_attr="this_round"))
        .order_by("-round__year", "pk")
    )
    for recommendation in previous:
        recommendation.follow_up = recommendation.this_round[0] if recommendation.this_round else None
    return {
        "national": [r for r in current if r.region_id is None],
        "regional": [r for r in current if r.region_id is not None],
        "drafts": drafts,
        "previous": previous,
    }
