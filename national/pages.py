"""Context builders for the round-level pages: the national picture and the recommendations."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.db.models import Count, F, Prefetch
from django.shortcuts import get_object_or_404

from assessments.access import round_for_year
from assessments.models import Round, SuccessFactor, Theme
from findings.models import (
    Citation,
    Finding,
    FollowUp,
    Judgment,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
)
from findings.pages import shown_citations
from national.queries import judgment_counts, verified_counts
from regions.models import Subject, SubjectKind
from regions.policy import Action, may

if TYPE_CHECKING:
    from accounts.models import User


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
        "rounds": Round.objects.order_by("-year"),
        "themes": themes,
        "overall": conclusions.get(None),
        "region_total": Subject.objects.filter(kind=SubjectKind.REGION).count(),
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
    return list(
        Finding.objects.filter(round=round, success_factor=factor, subject__kind=F("success_factor__subject_kind"))
        .select_related("subject", "success_factor")
        .prefetch_related(Prefetch("citations", queryset=shown_citations(Citation.objects.all())))
    )


def recommendations_page(round: Round, *, user: User) -> dict:
    """A round's recommendations, and what became of the previous rounds' recommendations in this round."""
    visible = Recommendation.objects.select_related("region", "drafted_by_rule").prefetch_related(
        "success_factors", "concerned_regions"
    )
    current = list(visible.filter(round=round, status=RecommendationStatus.ACCEPTED).order_by("region__code", "pk"))
    drafts = list(visible.filter(round=round, status=RecommendationStatus.DRAFT)) if may(user, Action.RECOMMENDATIONS_EDIT) else []
    previous = list(
        visible.filter(round__year__lt=round.year, status=RecommendationStatus.ACCEPTED)
        .select_related("round")
        .prefetch_related(Prefetch("follow_ups", queryset=FollowUp.objects.filter(round=round), to_attr="this_round"))
        .order_by("-round__year", "pk")
    )
    for recommendation in previous:
        recommendation.follow_up = recommendation.this_round[0] if recommendation.this_round else None
    return {
        "rounds": Round.objects.order_by("-year"),
        "national": [r for r in current if r.region_id is None],
        "regional": [r for r in current if r.region_id is not None],
        "drafts": drafts,
        "previous": previous,
    }


# --- lookups of the round-level pages (access is the views' `require`; these find the object or 404) -----


def conclusion_named(year: int | str, csf: str) -> tuple[Round, SuccessFactor | None, NationalConclusion | None]:
    """The round, the success factor ("overall": none) and its conclusion, if written, named by a URL."""
    round = round_for_year(year)
    factor = None if csf == "overall" else get_object_or_404(SuccessFactor, code=csf)
    return round, factor, NationalConclusion.objects.filter(round=round, success_factor=factor).first()


def conclusion_by_pk(pk: int) -> NationalConclusion:
    return get_object_or_404(NationalConclusion.objects.select_related("round", "success_factor"), pk=pk)


def conclusion_finding_choices(conclusion: NationalConclusion) -> list[tuple[int, str]]:
    """The findings a conclusion may cite: those of its factor (all of the round for the slotconclusie)."""
    findings = Finding.objects.filter(round=conclusion.round)
    if conclusion.success_factor_id is not None:
        findings = findings.filter(success_factor=conclusion.success_factor)
    return [(f.pk, str(f)) for f in findings.select_related("round", "subject", "success_factor")]


def finding_citable(conclusion: NationalConclusion, pk: int) -> Finding:
    return get_object_or_404(Finding.objects.filter(round=conclusion.round), pk=pk)


def factor_page(round: Round, factor: SuccessFactor | None, conclusion: NationalConclusion | None, *,
                evidence: bool) -> dict:
    """The page of one success factor (or the slotconclusie): counts, conclusion and, for those who may see
    them (`evidence`), the findings underneath and what the conclusion cites."""
    context = {
        "round": round, "factor": factor, "conclusion": conclusion, "csf": factor.code if factor else "overall",
        "counts": judgment_counts(round).get(factor.code) if factor else None, "evidence": evidence,
        "citation_count": conclusion.citations.count() if conclusion else 0,
    }
    if evidence:
        context["findings"] = factor_evidence(round, factor) if factor else []
        context["citations"] = shown_citations(conclusion.citations.all()) if conclusion else []
    return context


def publish_context(round: Round) -> dict:
    return {"round": round, **verified_counts(round),
            "region_total": Subject.objects.filter(kind=SubjectKind.REGION).count()}


def recommendation_by_pk(pk: int) -> Recommendation:
    return get_object_or_404(Recommendation.objects.select_related("round"), pk=pk)


def history_of(recommendation: Recommendation) -> list:
    return list(recommendation.history.select_related("history_user").order_by("-history_date"))


def follow_up_of(recommendation: Recommendation, round: Round) -> FollowUp | None:
    return recommendation.follow_ups.filter(round=round).first()


def rules_of(round: Round) -> list:
    return list(round.draft_rules.select_related("success_factor"))
