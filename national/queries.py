"""The national picture of a round, counted in the database from the regional (and brigade) judgments."""

from __future__ import annotations

from typing import TypedDict

from django.db.models import Count, F, Q

from assessments.models import Round, SuccessFactor
from findings.models import Finding, Judgment, NationalConclusion, Verification, VerificationStatus
from regions.models import SubjectKind

# A region factor counts regional judgments, a brigade factor (3.3.x) brigade judgments.
OWN_SUBJECT = Q(success_factor__subject_kind=F("subject__kind"))


class FactorPicture(TypedDict):
    national_judgment: str | None
    counts: dict[str, int]


class NationalPicture(TypedDict):
    round: int
    success_factors: dict[str, FactorPicture]
    verified_regions: int
    verified_brigades: int


def judgment_counts(round: Round) -> dict[str, dict[str, int]]:
    """{"3.4.1": {"voldoet": n, ...}} for the factors that have judgments; one query."""
    annotations = {value: Count("pk", filter=Q(judgment=value)) for value in Judgment.values}
    rows = Finding.objects.filter(OWN_SUBJECT, round=round).values("success_factor__code").annotate(**annotations).order_by()
    return {row["success_factor__code"]: {value: row[value] for value in Judgment.values} for row in rows}


def verified_counts(round: Round) -> dict[str, int]:
    """How many regions and brigades have verified their findings; one query."""
    return Verification.objects.filter(round=round).aggregate(
        verified_regions=Count("pk", filter=Q(subject__kind=SubjectKind.REGION, status=VerificationStatus.VERIFIED)),
        verified_brigades=Count("pk", filter=Q(subject__kind=SubjectKind.BRIGADE, status=VerificationStatus.VERIFIED)),
    )


def national_picture(round: Round) -> NationalPicture:
    """The round's national picture in the exchange shape of `manage.py national_picture`; four queries.

    Counts are of existing judgments only, so an imported file with N rows gives exactly its counts.
    """
    counts = judgment_counts(round)
    judgments = dict(
        NationalConclusion.objects.filter(round=round, success_factor__isnull=False).values_list("success_factor__code", "judgment")
    )
    empty = dict.fromkeys(Judgment.values, 0)
    factors: dict[str, FactorPicture] = {}
    for code in SuccessFactor.objects.order_by("order", "code").values_list("code", flat=True):
        factors[code] = {"national_judgment": judgments.get(code) or None, "counts": counts.get(code, dict(empty))}
    return {"round": round.year, "success_factors": factors, **verified_counts(round)}
