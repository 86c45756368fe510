"""Context builders for the round-level pages: the national picture and the recommendations."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.db.models import Count, F, Prefetch

from assessments.models import SuccessFactor, Theme
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
    from assessments.models import Round


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
        "national": [r for r in current if r.region_id is None],
        "regional": [r for r in current if r.region_id is not None],
        "drafts": drafts,
        "previous": previous,
    }
