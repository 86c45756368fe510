"""The national picture of a round, counted in the database from the regional (and brigade) judgments."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypedDict

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from assessments.models import Answer, Question, Questionnaire
from findings.models import (
    Finding,
    FollowUp,
    Judgment,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
    Verification,
    VerificationStatus,
)
from framework.models import Round, SuccessFactor
from regions.models import SubjectKind

# A region factor counts regional judgments, a brigade factor (3.3.x) brigade judgments.
OWN_SUBJECT = Q(success_factor__subject_kind=F("subject__kind"))


class FactorPicture(TypedDict):
    national_judgment: str | None
    counts: dict[str, int]


class VerifiedCounts(TypedDict):
    verified_regions: int
    verified_brigades: int


class NationalPicture(TypedDict):
    round: int
    success_factors: dict[str, FactorPicture]
    verified_regions: int
    verified_brigades: int


def judgment_counts(round: Round) -> dict[str, dict[str, int]]:
    """{"3.4.1": {"voldoet": n, ...}} for the factors that have judgments; one query."""
    annotations = {value: Count("pk", filter=Q(judgment=value)) for value in Judgment.values}
    rows: Iterable[Mapping[str, Any]] = (
        Finding.objects.filter(OWN_SUBJECT, round=round).values("success_factor__code").annotate(**annotations).order_by()
    )
    return {row["success_factor__code"]: {value: row[value] for value in Judgment.values} for row in rows}


def verified_counts(round: Round) -> VerifiedCounts:
    """How many regions and brigades have verified their findings; one query."""
    counts = Verification.objects.filter(round=round).aggregate(
        verified_regions=Count("pk", filter=Q(subject__kind=SubjectKind.REGION, status=VerificationStatus.VERIFIED)),
        verified_brigades=Count("pk", filter=Q(subject__kind=SubjectKind.BRIGADE, status=VerificationStatus.VERIFIED)),
    )
    return {"verified_regions": counts["verified_regions"], "verified_brigades": counts["verified_brigades"]}


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
    for code in SuccessFactor.objects.filter(framework_id=round.framework_id).order_by("order", "code").values_list(
        "code", flat=True
    ):
        factors[code] = {"national_judgment": judgments.get(code) or None, "counts": counts.get(code, dict(empty))}
    return {"round": round.year, "success_factors": factors, **verified_counts(round)}


# --- the reads of the national picture (national.picture): each one query, whatever the number of
# regions, rounds and questions ---------------------------------------------------------------------------------

# The brigade a subject counts under: a region's current brigade, or the brigade itself.
SUBJECT_BRIGADE = Coalesce(
    F("subject__region__brigade__number"), F("subject__brigade__number"), output_field=IntegerField()
)


# The same, of an answer's assessment.
SUBJECT_BRIGADE_OF_ASSESSMENT = Coalesce(
    F("assessment__subject__region__brigade__number"), F("assessment__subject__brigade__number"), output_field=IntegerField()
)


class IndicatorQuestion(TypedDict):
    """A question with an indicator sentence, as the picture reads it (plain values: no model to build)."""

    pk: int
    code: str
    kind: str
    text: str
    text_en: str
    indicator: str
    indicator_en: str
    bands: list[dict] | None
    audience: str  # the questionnaire's audience: "region" or "brigade"
    success_factor: str  # its code
    continues_relation: str
    earlier: IndicatorQuestion | None  # the question it continues, with `round_id`


EARLIER_FIELDS = ("code", "kind", "text", "text_en", "indicator", "indicator_en", "bands")


def indicator_questions(round: Round) -> list[IndicatorQuestion]:
    """The questions of the round's latest questionnaires (one per audience) that have an indicator sentence,
    with the question each continues; in questionnaire order. One query."""
    latest = (
        Questionnaire.objects.filter(round=OuterRef("questionnaire__round"), audience=OuterRef("questionnaire__audience"))
        .order_by("-version")
        .values("version")[:1]
    )
    rows = (
        Question.objects.filter(questionnaire__round=round, questionnaire__version=Subquery(latest))
        .exclude(indicator="")
        .order_by("questionnaire__audience", "order")
        .values("pk", "continues_id", "continues_relation", *EARLIER_FIELDS,
                audience=F("questionnaire__audience"), success_factor_code=F("success_factor__code"),
                earlier_round_id=F("continues__questionnaire__round_id"),
                earlier_audience=F("continues__questionnaire__audience"),
                **{f"earlier_{name}": F(f"continues__{name}") for name in EARLIER_FIELDS})
    )
    questions: list[IndicatorQuestion] = []
    for row in rows:
        earlier: Any = None
        if row["continues_id"] is not None:
            earlier = {"pk": row["continues_id"], "round_id": row["earlier_round_id"], "audience": row["earlier_audience"],
                       **{name: row[f"earlier_{name}"] for name in EARLIER_FIELDS}}
        questions.append({
            "pk": row["pk"], **{name: row[name] for name in EARLIER_FIELDS}, "audience": row["audience"],  # type: ignore[typeddict-item]
            "success_factor": row["success_factor_code"], "continues_relation": row["continues_relation"],
            "earlier": earlier,
        })
    return questions


def _shown(conditions: QuerySet[Question] | None = None) -> Q:
    """The answer's question is shown: it has no condition, or the assessment holds the answer the condition
    asks for (assessments.progress.is_visible, in SQL). An answer left behind by a changed condition counts not.
    `conditions`: the questions whose conditions may be asked, so that the database looks only at the answers
    those conditions name."""
    asked = Answer.objects.filter(
        assessment=OuterRef("assessment"),
        question__questionnaire=OuterRef("question__questionnaire"),
        question__code=OuterRef("question__condition_code"),
        value=OuterRef("question__condition_value"),
    )
    if conditions is not None:
        asked = asked.filter(question__code__in=conditions.exclude(condition_code="").values("condition_code"))
    return Q(question__condition_code="") | Q(Exists(asked))


def answer_value_counts(wanted: dict[int, dict[str, set[str]]]) -> list[Mapping[str, Any]]:
    """How many subjects gave each value, per round, audience, question code and brigade:
    rows {"round_id", "audience", "code", "value", "brigade", "n"} for `wanted` = {round_id: {audience: codes}}
    (and possibly rows the caller did not ask for: a code wanted for one audience, counted for the other too);
    unanswered and hidden answers left out. One query, counted in the database: the questions of the rounds with
    those codes are picked first (every version of the questionnaires; a few hundred rows), their answers are
    grouped by question, value and brigade; a multiple-choice value stays as stored ("gbt|rbt") and the picture
    counts each code, a number's value the picture puts in its band."""
    questions = Question.objects.filter(
        questionnaire__round_id__in=list(wanted),
        code__in={code for audiences in wanted.values() for codes in audiences.values() for code in codes},
    )
    return list(
        Answer.objects.filter(question__in=questions.values("pk"))
        .exclude(value="")
        .filter(_shown(questions))
        .values("value", round_id=F("question__questionnaire__round_id"), audience=F("question__questionnaire__audience"),
                code=F("question__code"), brigade=SUBJECT_BRIGADE_OF_ASSESSMENT)
        .annotate(n=Count("pk"))
        .order_by()
    )


def judgment_rows(round_ids: list[int]) -> list[Mapping[str, Any]]:
    """Regional (3.3.x: brigade) judgments counted per round, success factor, judgment and brigade:
    rows {"round_id", "code", "judgment", "brigade", "n"}; one query."""
    return list(
        Finding.objects.filter(OWN_SUBJECT, round_id__in=round_ids)
        .values("round_id", "judgment", code=F("success_factor__code"), brigade=SUBJECT_BRIGADE)
        .annotate(n=Count("pk"))
        .order_by()
    )


def conclusion_rows(round_ids: list[int]) -> list[Mapping[str, Any]]:
    """The national judgments, deelconclusies, reasons and the slotconclusie of the rounds (with their English
    versions); one query."""
    return list(
        NationalConclusion.objects.filter(round_id__in=round_ids).values(
            "round_id", "text", "text_en", "judgment", "reason", "reason_en", code=F("success_factor__code")
        )
    )


def follow_up_counts(round: Round, predecessor_id: int) -> list[Mapping[str, Any]]:
    """The predecessor's accepted recommendations counted per addressee and the status of their follow-up in
    `round` (None: not yet followed up); one query."""
    status = FollowUp.objects.filter(recommendation=OuterRef("pk"), round=round).values("status")[:1]
    return list(
        Recommendation.objects.filter(round_id=predecessor_id, status=RecommendationStatus.ACCEPTED)
        .annotate(follow_up_status=Subquery(status))
        .values("addressee", "follow_up_status")
        .annotate(n=Count("pk"))
        .order_by()
    )


def subject_judgments(round: Round) -> list[Mapping[str, Any]]:
    """Every subject's judgment per factor (inspectors' detail); one query."""
    return list(
        Finding.objects.filter(OWN_SUBJECT, round=round).values("judgment", subject_code=F("subject__code"),
                                                                code=F("success_factor__code"))
    )


def subject_answers(round: Round, codes: dict[str, set[str]]) -> list[Mapping[str, Any]]:
    """Every subject's answer to the indicator questions `codes` ({audience: codes}; inspectors' detail); one query."""
    where = Q(pk__in=[])
    for audience, audience_codes in codes.items():
        where |= Q(question__questionnaire__audience=audience, question__code__in=audience_codes)
    return list(
        Answer.objects.filter(where, assessment__round=round)
        .exclude(value="")
        .filter(_shown())
        .values("value", subject_code=F("assessment__subject__code"), code=F("question__code"))
    )
