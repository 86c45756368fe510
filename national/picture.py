"""The national picture of a round as ONE document: what the dashboard, the factor pages, the files (PDF,
DOCX, XLSX, CSV), the JSON API and `manage.py national_picture` all show. Everything in it is computed from
the answers and the judgments, except the texts of conclusions and recommendations and the round's context
(`national.context`).

CONTRACT (the pages, the files and the API are built against these shapes; keep them stable):

- `picture_for(round, *, user) -> Picture`: the document as `user` may see it. For a viewer who may not see
  single subjects (the ministry: `regions.policy.Action.SUBJECT_DETAIL`), the document holds no region code or
  region name anywhere (no "regions" key, no region lists in recommendations).
- `Picture` extends the JSON of `GET /api/national/<year>/` (issue 8): the keys "round", "status", "regions",
  "indicators", "success_factors", "recommendations", "published" are the API's, with exactly the shapes the
  issue gives; the other keys serve the pages and files and are also in the API document.

Values are in the answer exchange format ("ja"/"nee", choice codes); number questions are counted in the bands
their definition names. Sentences are rendered in the active language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from django.db.models import F
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from assessments.indicators import band_of, indicator_render
from assessments.models import Choice, Lineage, QuestionKind
from assessments.reconstruction import reconstructed_rounds
from findings.models import (
    Addressee,
    FollowUp,
    FollowUpStatus,
    Judgment,
    Recommendation,
    RecommendationStatus,
)
from framework.models import Criterion, Round, SuccessFactor
from national import queries
from national.context import Context, context_document
from national.models import JudgmentRule, Preview, PublishedPicture
from regions.models import Brigade, Region, SubjectKind
from regions.policy import Action, may

if TYPE_CHECKING:
    from accounts.models import User


class Counts(TypedDict, total=False):
    """Value (or band, or judgment) -> number of subjects."""


class PreviousIndicator(TypedDict):
    round: int
    answered: int
    counts: dict[str, int]
    relation: str  # lineage of the question: "same", "reworded", "split", "merged"
    sentence: str
    # Beyond the keys:
    code: str  # the earlier question's code
    question: str
    by_brigade: dict[str, dict[str, int]]
    # now minus then per value, for questions compared directly (same, reworded, with the same values); None
    # otherwise (split/merged: the pages add a note).
    change: dict[str, int] | None


class Indicator(TypedDict):
    question: str  # the question text (active language)
    code: str
    success_factor: str  # "3.2.1"
    kind: str  # yes_no, single_choice, multiple_choice, number
    labels: dict[str, str]  # value/band -> label (active language)
    answered: int
    counts: dict[str, int]
    by_brigade: dict[str, dict[str, int]]  # "43" / "11" / "13" -> counts
    sentence: str  # "In 6 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio; in 19 per brigade."
    previous: PreviousIndicator | None
    # Beyond the keys:
    subject_kind: str  # "region" or "brigade": whose answers are counted
    total: int  # how many subjects of that kind there are (25 regions)
    answered_by_brigade: dict[str, int]


class CriterionItem(TypedDict):
    text: str  # what the inspectors held the factor against (active language)
    section: str  # the report section it comes from: "3.2.1"


class FactorPicture(TypedDict):
    name: str
    theme: int
    subject_kind: str  # "region" or "brigade": whose judgments are counted
    national_judgment: str | None
    proposed_judgment: str | None
    rule: str  # the rule that proposes, in words ("voldoet wanneer ten minste 20 van de 25 regio's voldoen; …")
    reason: str  # why the national judgment differs from the proposal ("" when it does not)
    deelconclusie: str
    counts: dict[str, int]  # judgment -> number of regions (or brigades)
    by_brigade: dict[str, dict[str, int]]
    previous_counts: dict[str, int] | None
    indicators: list[str]  # question codes of this factor's indicators, in questionnaire order
    # Beyond the keys:
    total: int  # how many regions (or brigades) there are
    rule_values: dict[str, int] | None  # {"meets_min": n, "partly_min": n}; None: no rule for this factor
    previous_national_judgment: str | None
    criteria: list[CriterionItem]  # the factor's criteria, in the order of its framework package


class Theme(TypedDict):
    number: int
    name: str
    success_factors: list[str]


class FollowUpSummary(TypedDict):
    round: int  # the round whose recommendations were followed up in this one
    by_status: dict[str, int]  # follow-up status -> number; "open": not yet followed up
    by_addressee: dict[str, dict[str, int]]
    total: int  # the accepted recommendations of that round


class FollowUpItem(TypedDict):
    round: int  # the round that established it
    status: str  # findings.models.FollowUpStatus
    status_label: str
    explanation: str


class RecommendationItem(TypedDict, total=False):
    round: int  # the previous round's recommendations come first, with their follow-up in this round
    text: str
    addressee: str
    addressee_label: str
    success_factors: list[str]
    status: str  # "accepted" (drafts and dismissed ones are not part of the picture)
    regional: bool  # addressed to one region (which one: only for inspectors)
    # The previous round's recommendations: their follow-up in this round. This round's: none; what a later round
    # establishes belongs to that round's document, so a published document never carries an unreleased round.
    follow_up: FollowUpItem | None
    # Only for viewers who may see single subjects:
    region: str | None
    region_name: str | None
    concerned_regions: list[str]


class Published(TypedDict):
    at: str
    sha256: str
    version: int


class Picture(TypedDict):
    round: int
    round_code: str  # the round's name in URLs and commands (`icms-2013`)
    status: str  # "voorlopig" | "gepubliceerd"
    regions: int  # the number of regions counted (25)
    indicators: dict[str, Indicator]
    success_factors: dict[str, FactorPicture]
    recommendations: list[RecommendationItem]
    published: Published | None
    # Beyond the API's keys:
    title: str  # "Landelijk beeld eindmeting 2013"
    previous_round: int | None
    reconstructed: bool  # the round's questionnaire is a reconstruction (say so on screen and in files)
    themes: list[Theme]
    overall_conclusion: str
    follow_up: FollowUpSummary | None
    brigades: dict[str, str]  # "43" -> "43 Gemechaniseerde Brigade"
    brigade_regions: dict[str, int]  # "43" -> how many regions belong to the brigade now
    previous_reconstructed: bool  # the previous round's questionnaire is a reconstruction
    preview: bool  # an inspector shares this unpublished round with the ministry
    verified_regions: int  # (as `national_picture` has always printed them)
    verified_brigades: int
    verified: dict[str, int]  # {"regions": 23, "of": 25, "brigades": 3, "brigades_of": 3}
    # The round's context (research question 4): {"text", "figures": [{"label", "value", "period", "unit",
    # "source"}]}; text in the active language. Not of any region, so the ministry's document has it too.
    context: Context
    # Only for viewers who may see single subjects (inspectors): per region code, its name, brigade,
    # judgment per factor and answer per indicator.
    subjects: NotRequired[dict[str, dict]]


# --- computing it -------------------------------------------------------------------------------------------


class _Language:
    """The active language, asked once per document: asking costs microseconds, and a picture picks between its
    Dutch and English texts hundreds of times (`core.i18n.localized` asks each time)."""

    def __init__(self) -> None:
        self.code = get_language() or "nl"
        self.english = self.code.startswith("en")
        self.yes_no = {"ja": _("ja"), "nee": _("nee")}

    def pick(self, dutch: str, english: str) -> str:
        return english if english and self.english else dutch


def picture_for(round: Round, *, user: User) -> Picture:
    """The national picture of `round` as `user` may see it: with every subject for inspectors, without any
    region's code or name for the ministry. Who may read the round at all is `national.access`'s to decide."""
    return picture_document(round, detail=may(user, Action.SUBJECT_DETAIL))


def picture_document(round: Round, *, detail: bool) -> Picture:
    """The national picture of `round`, computed from the answers and the judgments in a fixed number of
    queries whatever the number of regions, rounds and questions. `detail`: the subjects named (inspectors);
    without it no region code or name is anywhere in the document (the ministry, its files)."""
    # {"pk", "year"} of the previous round: its judgments, answers and recommendations are the trend.
    predecessor = Round.objects.values("pk", "year").get(pk=round.predecessor_id) if round.predecessor_id else None
    round_ids = [round.pk] + ([predecessor["pk"]] if predecessor else [])
    factors = list(SuccessFactor.objects.filter(framework_id=round.framework_id).select_related("theme").order_by("order", "code"))
    regions = list(Region.objects.order_by("code").values("code", "name", brigade_number=F("brigade__number")))
    brigades = {str(b["number"]): b["name"] for b in Brigade.objects.order_by("number").values("number", "name")}
    totals = {SubjectKind.REGION: len(regions), SubjectKind.BRIGADE: len(brigades)}
    brigade_regions = dict.fromkeys(brigades, 0)
    for region in regions:
        brigade_regions[str(region["brigade_number"])] += 1

    language = _Language()
    questions = queries.indicator_questions(round)
    indicators = _indicators(round, predecessor, questions, brigades, totals, language)
    conclusions = {(row["round_id"], row["code"]): row for row in queries.conclusion_rows(round_ids)}
    factor_pictures = _factors(round, predecessor, factors, conclusions, indicators, brigades, totals, language)
    reconstructed = reconstructed_rounds(round_ids)
    published = PublishedPicture.objects.filter(round=round).order_by("-version").values(
        "published_at", "sha256", "version"
    ).first()
    overall = conclusions.get((round.pk, None))
    themes: dict[int, Theme] = {}
    for factor in factors:
        theme = themes.setdefault(
            factor.theme.number,
            {"number": factor.theme.number, "name": language.pick(factor.theme.name, factor.theme.name_en),
             "success_factors": []},
        )
        theme["success_factors"].append(factor.code)
    verified = queries.verified_counts(round)
    document: Picture = {
        "round": round.year,
        "round_code": round.code,
        "status": "gepubliceerd" if round.published_at else "voorlopig",
        "regions": len(regions),
        "indicators": indicators,
        "success_factors": factor_pictures,
        "recommendations": _recommendations(round, predecessor, detail=detail),
        "published": (
            {"at": published["published_at"].isoformat(), "sha256": published["sha256"], "version": published["version"]}
            if published else None
        ),
        "title": _("Landelijk beeld %(kind)s %(year)s") % {"kind": round.get_kind_display(), "year": round.year},
        "previous_round": predecessor["year"] if predecessor else None,
        "reconstructed": round.pk in reconstructed,
        "themes": list(themes.values()),
        "overall_conclusion": (language.pick(overall["text"], overall["text_en"]) if overall else "").strip(),
        "follow_up": _follow_up(round, predecessor),
        "brigades": brigades,
        "brigade_regions": brigade_regions,
        "previous_reconstructed": bool(predecessor) and round.predecessor_id in reconstructed,
        "preview": Preview.objects.filter(round=round).exists(),
        "context": context_document(round),
        **verified,
        # How many parties verified the findings their figures rest on, out of how many there are.
        "verified": {"regions": verified["verified_regions"], "of": totals[SubjectKind.REGION],
                     "brigades": verified["verified_brigades"], "brigades_of": totals[SubjectKind.BRIGADE]},
    }
    if detail:
        document["subjects"] = _subjects(round, regions, brigades, questions)
    return document


# --- indicators -----------------------------------------------------------------------------------------------


def _values(question: queries.IndicatorQuestion, choices: dict[int, list[dict]], language: _Language) -> dict[str, str]:
    """value -> label (active language), in the order a reader expects."""
    if question["kind"] == QuestionKind.YES_NO:
        return dict(language.yes_no)
    if question["kind"] == QuestionKind.NUMBER:
        return {str(band["code"]): language.pick(band["label"], band.get("label_en") or "") for band in question["bands"] or []}
    return {choice["code"]: language.pick(choice["label"], choice["label_en"]) for choice in choices.get(question["pk"], [])}


def _count(question: queries.IndicatorQuestion, rows: list[dict], values: dict[str, str], brigades: dict[str, str]):
    """(answered, counts, by_brigade, answered_by_brigade) of one question from its grouped answer rows (one row
    per value and brigade: the database counted the subjects)."""
    kind, bands = question["kind"], question["bands"] or []
    counts = dict.fromkeys(values, 0)
    by_brigade = {number: dict.fromkeys(values, 0) for number in brigades}
    answered_by_brigade = dict.fromkeys(brigades, 0)
    answered = 0
    for row in rows:
        brigade = str(row["brigade"])
        answered += row["n"]
        if brigade in answered_by_brigade:
            answered_by_brigade[brigade] += row["n"]
        if kind == QuestionKind.MULTIPLE_CHOICE:
            given = [code for code in row["value"].split("|") if code]
        elif kind == QuestionKind.NUMBER:
            band = band_of(bands, row["value"])
            given = [band] if band is not None else []
        else:
            given = [row["value"]]
        for value in given:
            if value not in counts:
                continue  # a value the definition no longer names
            counts[value] += row["n"]
            if brigade in by_brigade:
                by_brigade[brigade][value] += row["n"]
    return answered, counts, by_brigade, answered_by_brigade


def _indicators(round, predecessor, questions, brigades, totals, language: _Language) -> dict[str, Indicator]:
    previous_questions = {
        q["pk"]: q["earlier"] for q in questions
        if q["earlier"] is not None and predecessor and q["earlier"]["round_id"] == predecessor["pk"]
    }
    ids = [q["pk"] for q in questions] + [q["pk"] for q in previous_questions.values()]
    choices: dict[int, list[Any]] = defaultdict(list)
    for choice in Choice.objects.filter(question_id__in=ids).order_by("question_id", "order").values(
        "question_id", "code", "label", "label_en"
    ):
        choices[choice["question_id"]].append(choice)
    wanted: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for question in questions:
        wanted[round.pk][question["audience"]].add(question["code"])
    for earlier in previous_questions.values():
        wanted[predecessor["pk"]][earlier["audience"]].add(earlier["code"])
    rows: dict[tuple, list[Any]] = defaultdict(list)
    if questions:
        for row in queries.answer_value_counts({k: dict(v) for k, v in wanted.items()}):
            rows[(row["round_id"], row["audience"], row["code"])].append(row)

    indicators: dict[str, Indicator] = {}
    for question in questions:
        audience = question["audience"]
        total = totals.get(audience, 0)
        values = _values(question, choices, language)
        answered, counts, by_brigade, answered_by_brigade = _count(
            question, rows[(round.pk, audience, question["code"])], values, brigades
        )
        template = language.pick(question["indicator"], question["indicator_en"])
        previous: PreviousIndicator | None = None
        earlier = previous_questions.get(question["pk"])
        if earlier is not None:
            earlier_values = _values(earlier, choices, language)
            then_answered, then, then_by_brigade, _answered = _count(
                earlier, rows[(predecessor["pk"], earlier["audience"], earlier["code"])], earlier_values, brigades
            )
            direct = question["continues_relation"] in (Lineage.SAME, Lineage.REWORDED)
            comparable = direct and set(earlier_values) == set(values)
            earlier_template = language.pick(earlier["indicator"], earlier["indicator_en"]) or (template if direct else "")
            previous = {
                "round": predecessor["year"],
                "answered": then_answered,
                "counts": then,
                "relation": question["continues_relation"],
                "sentence": indicator_render(earlier_template, then, answered=then_answered, total=total,
                                             language=language.code),
                "code": earlier["code"],
                "question": language.pick(earlier["text"], earlier["text_en"]),
                "by_brigade": then_by_brigade,
                "change": {value: counts[value] - then[value] for value in counts} if comparable else None,
            }
        key = question["code"] if question["code"] not in indicators else f"{audience}.{question['code']}"
        indicators[key] = {
            "question": language.pick(question["text"], question["text_en"]),
            "code": question["code"],
            "success_factor": question["success_factor"],
            "kind": question["kind"],
            "labels": values,
            "answered": answered,
            "counts": counts,
            "by_brigade": by_brigade,
            "sentence": indicator_render(template, counts, answered=answered, total=total, language=language.code),
            "previous": previous,
            "subject_kind": audience,
            "total": total,
            "answered_by_brigade": answered_by_brigade,
        }
    return indicators


# --- success factors ------------------------------------------------------------------------------------------


def proposed_judgment(counts: dict[str, int], meets_min: int, partly_min: int) -> str:
    """The national judgment a rule proposes (national.models.JudgmentRule)."""
    meets = counts.get(Judgment.VOLDOET, 0)
    if meets >= meets_min:
        return Judgment.VOLDOET
    if meets + counts.get(Judgment.VOLDOET_GEDEELTELIJK, 0) >= partly_min:
        return Judgment.VOLDOET_GEDEELTELIJK
    return Judgment.VOLDOET_NIET


def proposal_for(round: Round, success_factor: SuccessFactor) -> str | None:
    """The national judgment the round's rule (else the package's) proposes for `success_factor`; None without a
    rule. Two queries."""
    rule = rule_values(round, success_factor)
    if rule is None:
        return None
    counts = queries.judgment_counts(round).get(success_factor.code, {})
    return proposed_judgment(counts, rule["meets_min"], rule["partly_min"])


class Rule(TypedDict):
    meets_min: int
    partly_min: int


def rule_values(round: Round, success_factor: SuccessFactor) -> Rule | None:
    """The proposal rule of `success_factor` in `round`: the one inspectors set for the round, else the one its
    framework package gives, else None."""
    rule = JudgmentRule.objects.filter(round=round, success_factor=success_factor).values("meets_min", "partly_min").first()
    return rule or success_factor.rule


def rule_text(meets_min: int, partly_min: int, total: int, subject_kind: str) -> str:
    """The rule in words, as the page states it."""
    if subject_kind == SubjectKind.BRIGADE:
        return ngettext(
            "voldoet wanneer ten minste %(meets)s van de %(total)s brigade voldoet; voldoet gedeeltelijk wanneer "
            "ten minste %(partly)s ten minste gedeeltelijk voldoen; anders voldoet niet",
            "voldoet wanneer ten minste %(meets)s van de %(total)s brigades voldoen; voldoet gedeeltelijk wanneer "
            "ten minste %(partly)s ten minste gedeeltelijk voldoen; anders voldoet niet",
            total,
        ) % {"meets": meets_min, "partly": partly_min, "total": total}
    return ngettext(
        "voldoet wanneer ten minste %(meets)s van de %(total)s regio voldoet; voldoet gedeeltelijk wanneer "
        "ten minste %(partly)s ten minste gedeeltelijk voldoen; anders voldoet niet",
        "voldoet wanneer ten minste %(meets)s van de %(total)s regio's voldoen; voldoet gedeeltelijk wanneer "
        "ten minste %(partly)s ten minste gedeeltelijk voldoen; anders voldoet niet",
        total,
    ) % {"meets": meets_min, "partly": partly_min, "total": total}


def _factors(round, predecessor, factors, conclusions, indicators, brigades, totals,
             language: _Language) -> dict[str, FactorPicture]:
    empty = dict.fromkeys(Judgment.values, 0)
    counts: dict[tuple, dict[str, int]] = defaultdict(lambda: dict(empty))
    by_brigade: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: {n: dict(empty) for n in brigades})
    for row in queries.judgment_rows([round.pk] + ([predecessor["pk"]] if predecessor else [])):
        counts[(row["round_id"], row["code"])][row["judgment"]] += row["n"]
        if row["round_id"] == round.pk and str(row["brigade"]) in brigades:
            by_brigade[row["code"]][str(row["brigade"])][row["judgment"]] += row["n"]
    rules = {
        rule["success_factor__code"]: rule
        for rule in JudgmentRule.objects.filter(round=round).values("success_factor__code", "meets_min", "partly_min")
    }
    per_factor: dict[str, list[str]] = defaultdict(list)
    for key, indicator in indicators.items():
        per_factor[indicator["success_factor"]].append(key)
    criteria: dict[str, list[CriterionItem]] = defaultdict(list)
    for row in Criterion.objects.filter(framework_id=round.framework_id).order_by("order", "code").values(
        "success_factor__code", "text", "text_en", "section"
    ):
        criteria[row["success_factor__code"]].append(
            {"text": language.pick(row["text"], row["text_en"]), "section": row["section"]}
        )
    pictures: dict[str, FactorPicture] = {}
    for factor in factors:
        now = dict(counts[(round.pk, factor.code)]) if (round.pk, factor.code) in counts else dict(empty)
        total = totals.get(factor.subject_kind, 0)
        rule = rules.get(factor.code) or factor.rule  # the round's rule, else the package's
        conclusion = conclusions.get((round.pk, factor.code)) or {}
        then = conclusions.get((predecessor["pk"], factor.code)) if predecessor else None
        pictures[factor.code] = {
            "name": language.pick(factor.name, factor.name_en),
            "theme": factor.theme.number,
            "subject_kind": factor.subject_kind,
            "national_judgment": conclusion.get("judgment") or None,
            "proposed_judgment": proposed_judgment(now, rule["meets_min"], rule["partly_min"]) if rule else None,
            "rule": rule_text(rule["meets_min"], rule["partly_min"], total, factor.subject_kind) if rule else "",
            "reason": language.pick(conclusion.get("reason") or "", conclusion.get("reason_en") or ""),
            "deelconclusie": language.pick(conclusion.get("text") or "", conclusion.get("text_en") or "").strip(),
            "counts": now,
            "by_brigade": dict(by_brigade[factor.code]),
            "previous_counts": (
                dict(counts[(predecessor["pk"], factor.code)])
                if predecessor and (predecessor["pk"], factor.code) in counts else None
            ),
            "indicators": per_factor.get(factor.code, []),
            "total": total,
            "rule_values": {"meets_min": rule["meets_min"], "partly_min": rule["partly_min"]} if rule else None,
            "previous_national_judgment": (then or {}).get("judgment") or None,
            "criteria": criteria.get(factor.code, []),
        }
    return pictures


# --- recommendations and their follow-up ----------------------------------------------------------------------


def _recommendations(round, predecessor, *, detail: bool) -> list[RecommendationItem]:
    """The previous round's accepted recommendations (with their follow-up in this round), then this round's.
    Only this round's follow-ups: a later round's are that round's data (see `RecommendationItem`)."""
    round_ids = ([predecessor["pk"]] if predecessor else []) + [round.pk]
    recommendations = list(
        Recommendation.objects.filter(round_id__in=round_ids, status=RecommendationStatus.ACCEPTED)
        .values("pk", "text", "addressee", "status", "region_id", year=F("round__year"), region_code=F("region__code"),
                region_name=F("region__name"))
        .order_by("round__year", "pk")
    )
    # What each recommendation names, one query each (none without recommendations, as a prefetch would).
    factors: dict[int, list[str]] = defaultdict(list)
    follow_ups: dict[int, Mapping[str, Any]] = {}
    concerned: dict[int, list[str]] = defaultdict(list)
    if recommendations:
        ids = [row["pk"] for row in recommendations]
        for row in Recommendation.success_factors.through.objects.filter(recommendation_id__in=ids).order_by(
            "successfactor__order", "successfactor__code"
        ).values("recommendation_id", code=F("successfactor__code")):
            factors[row["recommendation_id"]].append(row["code"])
        # At most one per recommendation: this round's (a follow-up is of a later round).
        for follow_up in FollowUp.objects.filter(round=round, recommendation_id__in=ids).values(
            "recommendation_id", "status", "explanation", year=F("round__year")
        ):
            follow_ups.setdefault(follow_up["recommendation_id"], follow_up)
        if detail:
            for row in Recommendation.concerned_regions.through.objects.filter(recommendation_id__in=ids).order_by(
                "region__code"
            ).values("recommendation_id", code=F("region__code")):
                concerned[row["recommendation_id"]].append(row["code"])
    addressees, statuses = dict(Addressee.choices), dict(FollowUpStatus.choices)
    items: list[RecommendationItem] = []
    for recommendation in recommendations:
        latest = follow_ups.get(recommendation["pk"])
        item: RecommendationItem = {
            "round": recommendation["year"],
            "text": recommendation["text"],
            "addressee": recommendation["addressee"],
            "addressee_label": str(addressees.get(recommendation["addressee"], recommendation["addressee"])),
            "success_factors": factors[recommendation["pk"]],
            "status": recommendation["status"],
            "regional": recommendation["region_id"] is not None,
            "follow_up": (
                {"round": latest["year"], "status": latest["status"], "status_label": str(statuses.get(latest["status"], "")),
                 "explanation": latest["explanation"]}
                if latest else None
            ),
        }
        if detail:
            item["region"] = recommendation["region_code"]
            item["region_name"] = recommendation["region_name"]
            item["concerned_regions"] = concerned[recommendation["pk"]]
        items.append(item)
    return items


def _follow_up(round, predecessor) -> FollowUpSummary | None:
    """The previous round's recommendations counted per status of their follow-up in this round and per
    addressee; "open": not (yet) followed up."""
    if not predecessor:
        return None
    statuses = [*FollowUpStatus.values, "open"]
    by_status = dict.fromkeys(statuses, 0)
    by_addressee: dict[str, dict[str, int]] = {}
    for row in queries.follow_up_counts(round, predecessor["pk"]):
        status = row["follow_up_status"] or "open"
        by_status[status] += row["n"]
        by_addressee.setdefault(row["addressee"], dict.fromkeys(statuses, 0))[status] += row["n"]
    return {"round": predecessor["year"], "by_status": by_status, "by_addressee": by_addressee,
            "total": sum(by_status.values())}


# --- subjects (inspectors only) -------------------------------------------------------------------------------


def _subjects(round, regions, brigades, questions) -> dict[str, dict]:
    subjects: dict[str, dict] = {
        region["code"]: {"name": region["name"], "kind": SubjectKind.REGION, "brigade": str(region["brigade_number"]),
                         "judgments": {}, "answers": {}}
        for region in regions
    }
    for number, name in brigades.items():
        subjects[f"B{number}"] = {"name": name, "kind": SubjectKind.BRIGADE, "brigade": number, "judgments": {},
                                  "answers": {}}
    for row in queries.subject_judgments(round):
        if row["subject_code"] in subjects:
            subjects[row["subject_code"]]["judgments"][row["code"]] = row["judgment"]
    codes: dict[str, set[str]] = defaultdict(set)
    for question in questions:
        codes[question["audience"]].add(question["code"])
    if codes:
        for row in queries.subject_answers(round, dict(codes)):
            if row["subject_code"] in subjects:
                subjects[row["subject_code"]]["answers"][row["code"]] = row["value"]
    return subjects

