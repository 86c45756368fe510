"""Context builders for the round-level pages: the national picture and the recommendations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.models import Question
from findings.models import (
    Addressee,
    Citation,
    Finding,
    FollowUp,
    FollowUpStatus,
    Judgment,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
)
from findings.pages import shown_citations
from findings.templatetags.findings_tags import JUDGMENT_FILLS, JUDGMENT_SYMBOLS
from framework.models import Round, SuccessFactor
from framework.rounds import round_named
from national.access import readable_rounds
from national.queries import judgment_counts, verified_counts
from regions import geo
from regions.models import Region, Subject, SubjectKind
from regions.policy import Action, may, respondent_filter, visible_subjects

if TYPE_CHECKING:
    from accounts.models import User


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
        "rounds": readable_rounds(user).order_by("-year"),
        "national": [r for r in current if r.region_id is None],
        "regional": [r for r in current if r.region_id is not None],
        "drafts": drafts,
        "previous": previous,
    }


# --- lookups of the round-level pages (access is the views' `require`; these find the object or 404) -----


def conclusion_named(round_code: str, csf: str) -> tuple[Round, SuccessFactor | None, NationalConclusion | None]:
    """The round, the success factor ("overall": none) and its conclusion, if written, named by a URL."""
    round = round_named(round_code)
    factor = None if csf == "overall" else get_object_or_404(SuccessFactor, framework_id=round.framework_id, code=csf)
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
    """The page of one success factor (or the slotconclusie): its conclusion and, for those who may see them
    (`evidence`), the findings underneath and what the conclusion cites; for the others how many findings it
    cites. (The counts are the picture's: `picture_page`.)"""
    context: dict[str, Any] = {"round": round, "factor": factor, "conclusion": conclusion, "csf": factor.code if factor else "overall",
               "evidence": evidence}
    if evidence:
        context["findings"] = factor_evidence(round, factor) if factor else []
        context["citations"] = shown_citations(conclusion.citations.all()) if conclusion else []
    else:
        context["citation_count"] = conclusion.citations.count() if conclusion else 0
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
    """The round's draft rules, each with `question_text`: the text of the question an indicator rule reads."""
    rules = list(round.draft_rules.select_related("success_factor"))
    texts = {q.code: q.display_text for q in Question.objects.filter(questionnaire__round=round)}
    for rule in rules:
        rule.question_text = texts.get(rule.question_code, rule.question_code)
    return rules


# --- the national picture as pages: context builders over the document (national.picture) ------------------
#
# The pages show the document `picture_for` returns and nothing else from the database, except the region
# boundaries of the map. So what the ministry may see is decided once, in the document (no region code or name
# for a viewer without SUBJECT_DETAIL), and the builders below never add a region's name for such a viewer.

# Colours of indicator values in charts and map (judgments keep their own); the legend numbers them as well,
# so colour is never the only carrier.
VALUE_FILLS = ["#1f5f99", "#e8a33d", "#6aa84f", "#a64d79", "#76a5af", "#999999", "#cc4125", "#674ea7"]
# An indicator's bars (its factor's page): one per value, SVG units; its stacked bar (the dashboard): the values
# side by side in the same colours, the answers and counts written beside it.
CHART_WIDTH = 120
CHART_ROW = 14


def judgment_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Judgment.choices}


def judgment_bars(counts: dict[str, int] | None) -> tuple[list[dict], int]:
    """A judgment distribution as segments of a stacked bar, plus its total."""
    counts = {value: (counts or {}).get(value, 0) for value in Judgment.values}
    total = sum(counts.values())
    return _bars(counts, total), total


def indicator_chart(indicator: dict) -> dict:
    """The bars of an indicator: one per value (or band), in the order a reader expects, each with its full
    label (the page writes it beside the bar, where it wraps), its count and its length as the share of the
    answering subjects; and the same as one stacked bar (`segments`, the values with a count)."""
    labels = indicator.get("labels") or {}
    counts = indicator.get("counts") or {}
    answered = indicator.get("answered") or 0
    values = list(labels) + [value for value in counts if value not in labels]
    rows, segments, x = [], [], 0
    # A multiple-choice question counts each chosen code, so its counts may add up to more than the answers.
    whole = max(sum(counts.get(value, 0) for value in values), answered, 1)
    for index, value in enumerate(values):
        count = counts.get(value, 0)
        colour = index % len(VALUE_FILLS)
        rows.append({"value": value, "label": labels.get(value, value), "count": count, "colour": colour,
                     "width": round(CHART_WIDTH * count / answered) if answered else 0})
        if count:
            width = round(CHART_WIDTH * count / whole)
            segments.append({"x": x, "width": width, "colour": colour})
            x += width
    return {"rows": rows, "segments": segments, "answered": answered, "width": CHART_WIDTH, "row_height": CHART_ROW,
            "label": ", ".join(f"{row['label']}: {row['count']}" for row in rows)}


def change_of(then: int | None, now: int) -> dict:
    """The change of a count between two rounds, marked with an arrow and in words (never colour alone)."""
    if then is None:
        return {"symbol": "", "words": "", "arrow": False}
    difference = now - then
    if difference > 0:
        return {"symbol": "↑", "words": _("%(n)s meer") % {"n": difference}, "arrow": True}
    if difference < 0:
        return {"symbol": "↓", "words": _("%(n)s minder") % {"n": -difference}, "arrow": True}
    # No arrow where nothing changed: "gelijk" says it.
    return {"symbol": "=", "words": _("gelijk"), "arrow": False}


def picture_page(picture: Mapping[str, Any], *, previous: Mapping[str, Any] | None = None, only: str | None = None) -> dict:
    """The context of the dashboard: the themes with their factors and indicators (research question 1),
    the brigade breakdown, the follow-up (2), the progress since the previous round (3). `only`: the code of one
    success factor (its page): that factor's blocks, brigade rows and progress, with its indicators' charts."""
    labels = judgment_labels()
    codes = [only] if only is not None else list(picture["success_factors"])
    factors = {code: _factor_block(picture, code, picture["success_factors"][code], labels)
               for code in codes if code in picture["success_factors"]}
    themes = [
        {"number": theme["number"], "name": theme["name"],
         "factors": [factors[code] for code in theme["success_factors"] if code in factors]}
        for theme in picture.get("themes") or []
    ]
    return {
        "picture": picture,
        "previous_picture": previous,
        "provisional": picture["status"] != "gepubliceerd",
        "themes": themes,
        "factors": factors,
        "judgment_labels": labels,
        "brigade_rows": _brigade_rows(picture, factors, labels, indicators=only is not None),
        "follow_up": _follow_up_block(picture.get("follow_up")),
        "progress": _progress_block(picture, factors, labels),
    }


def _factor_block(picture: Mapping[str, Any], code: str, factor: dict, labels: dict[str, str]) -> dict:
    bars, total = judgment_bars(factor.get("counts"))
    national, proposed = factor.get("national_judgment"), factor.get("proposed_judgment")
    indicators = [
        {**picture["indicators"][q], "key": q, "chart": indicator_chart(picture["indicators"][q])}
        for q in factor.get("indicators") or [] if q in picture["indicators"]
    ]
    return {
        "code": code, **factor, "bars": bars, "total": total,
        "distribution": " · ".join(f"{s['label']}: {s['count']}" for s in bars),
        "national_label": labels.get(national or "", ""), "proposed_label": labels.get(proposed or "", ""),
        "differs": bool(national and proposed and national != proposed),
        "indicator_blocks": indicators,
    }


def _brigade_rows(picture: Mapping[str, Any], factors: dict, labels: dict[str, str], *, indicators: bool) -> dict:
    """Every judgment (and, on a factor's page, every indicator of the factor) per brigade: compact cells of
    "label: n" per brigade."""
    brigades = list(picture.get("brigades") or {})

    def cells(by_brigade: dict, value_labels: dict[str, str]) -> list[str]:
        return ["; ".join(f"{value_labels.get(v, v)}: {n}" for v, n in (by_brigade.get(b) or {}).items() if n) or "—"
                for b in brigades]

    keys = [key for factor in factors.values() for key in factor["indicators"]] if indicators else []
    return {
        "brigades": [{"number": b, "name": picture["brigades"][b]} for b in brigades],
        "factors": [{"code": code, "name": f["name"], "cells": cells(f.get("by_brigade") or {}, labels)}
                    for code, f in factors.items()],
        "indicators": [{"code": key, "question": picture["indicators"][key]["question"],
                        "cells": cells(picture["indicators"][key].get("by_brigade") or {},
                                       picture["indicators"][key].get("labels") or {})}
                       for key in keys if key in picture["indicators"]],
    }


def _follow_up_block(follow_up: dict | None) -> dict | None:
    if not follow_up:
        return None
    status_labels = {value: str(label) for value, label in FollowUpStatus.choices}
    addressee_labels = {value: str(label) for value, label in Addressee.choices}
    statuses = [s for s in FollowUpStatus.values if s in follow_up["by_status"]] + [
        s for s in follow_up["by_status"] if s not in FollowUpStatus.values]
    return {
        "round": follow_up["round"],
        "total": sum(follow_up["by_status"].values()),
        "statuses": [{"value": s, "label": status_labels.get(s, s), "count": follow_up["by_status"][s]} for s in statuses],
        "addressees": [
            {"label": addressee_labels.get(a, a), "cells": [counts.get(s, 0) for s in statuses], "total": sum(counts.values())}
            for a, counts in follow_up["by_addressee"].items()
        ],
    }


def _progress_block(picture: Mapping[str, Any], factors: dict, labels: dict[str, str]) -> dict:
    """Per factor the distribution then and now, per indicator the counts then and now, each change marked."""
    factor_rows = []
    for code, factor in factors.items():
        then = factor.get("previous_counts")
        if then is None:
            continue
        factor_rows.append({
            "code": code, "name": factor["name"],
            "values": [{"label": label, "then": then.get(value, 0), "now": factor["counts"].get(value, 0),
                        "change": change_of(then.get(value, 0), factor["counts"].get(value, 0))}
                       for value, label in labels.items()],
        })
    indicator_rows = []
    shown = {key for factor in factors.values() for key in factor["indicators"]}
    for code, indicator in picture["indicators"].items():
        previous = indicator.get("previous")
        if code not in shown:
            continue
        if not previous:
            continue
        value_labels = indicator.get("labels") or {}
        values = list(value_labels) + [v for v in previous["counts"] if v not in value_labels]
        # The document's rule (national.picture): counts compare only where the question and its answer options
        # stayed the same; a reworded question with other options has no change, and neither has a split or merge.
        comparable = previous.get("change") is not None
        indicator_rows.append({
            "code": code, "question": indicator["question"], "relation": previous.get("relation", ""),
            "comparable": comparable, "then_answered": previous["answered"], "now_answered": indicator["answered"],
            "values": [{"label": value_labels.get(v, v), "then": previous["counts"].get(v, 0),
                        "now": indicator["counts"].get(v, 0),
                        "change": change_of(previous["counts"].get(v, 0), indicator["counts"].get(v, 0))
                        if comparable else change_of(None, 0)}
                       for v in values],
        })
    return {"round": picture.get("previous_round"), "factors": factor_rows, "indicators": indicator_rows}


# --- the map -------------------------------------------------------------------------------------------------


class MapMode:
    REGIONS = "regions"  # every region named (inspectors)
    OWN = "own"  # own regions named, the others unnamed (OVR, RMC)
    BRIGADES = "brigades"  # coloured per brigade area, no region at all (the ministry)


def map_choices(picture: Mapping[str, Any], *, factors_only: bool = False, only: str | None = None,
                chosen: str | None = None) -> list[dict]:
    """What the map may be coloured by: each success factor's judgment, each indicator. `factors_only`: the
    factors (and the indicator `chosen`, if one is); `only`: one factor and its indicators (its page)."""
    factors = {code: f for code, f in picture["success_factors"].items() if only is None or code == only}
    indicators = {code: i for code, i in picture["indicators"].items()
                  if (only is None or i.get("success_factor") == only) and (not factors_only or code == chosen)}
    return [
        *({"value": code, "label": Truncator(f"{code} {f['name']}").chars(80), "group": "factor"}
          for code, f in factors.items()),
        *({"value": code, "label": Truncator(i["question"]).chars(80), "group": "indicator"} for code, i in indicators.items()),
    ]


def map_choice(picture: Mapping[str, Any], requested: str | None, default: str | None = None) -> str:
    """The `?map=` choice if the picture knows it, else `default`, else the first success factor."""
    if requested and (requested in picture["success_factors"] or requested in picture["indicators"]):
        return requested
    return default or next(iter(picture["success_factors"]), "")


def map_geometry(regions: list, *, small: bool = False) -> dict[str, dict]:
    """Per region code its outline for the map ("path", to a fifth of a pixel), with `small` also for the small
    maps of the trend ("small_path", coarser: they are drawn at half the size), and the point its label goes
    on: computed once per page, whatever the number of maps on it."""
    geometry = {}
    for region in regions:
        geometry[region.code] = {
            "path": geo.geometry_to_path(region.boundary, precision=0.2),
            "small_path": geo.geometry_to_path(region.boundary, precision=1, step=3) if small else "",
            "point": geo.geometry_label_point(region.boundary) or (0, 0),
        }
    return geometry


def map_context(picture: Mapping[str, Any], choice: str, *, mode: str, regions: list, own_codes: frozenset[str] = frozenset(),
                map_id: str = "map", small: bool = False, geometry: dict[str, dict] | None = None) -> dict:
    """A choropleth of the picture by `choice` (a factor's judgment or an indicator's value): shapes with
    classes, a label on each shape (the legend's symbol), a legend and the table that says the same.

    `regions` are the Region rows (with `brigade`) that give the boundaries (`geometry`: their outlines from
    `map_geometry`, when the page has them already). In BRIGADES mode the shapes are the brigade areas (the
    union of their regions' boundaries) coloured by the brigade's most frequent value, and nothing names or
    separates a region."""
    geometry = geometry or map_geometry(regions, small=small)
    is_factor = choice in picture["success_factors"]
    if is_factor:
        value_labels = judgment_labels()
        legend = [{"value": v, "label": value_labels[v], "symbol": JUDGMENT_SYMBOLS[v], "css": f"judgment-{v}",
                   "fill": JUDGMENT_FILLS[v]} for v in Judgment.values]
        item = picture["success_factors"].get(choice)
        title = f"{choice} {item['name']}" if item else choice
    else:
        item = picture["indicators"].get(choice) or {}
        value_labels = dict(item.get("labels") or {})
        legend = [{"value": v, "label": label, "symbol": str(index + 1), "css": f"map-value-{index % len(VALUE_FILLS)}",
                   "fill": VALUE_FILLS[index % len(VALUE_FILLS)]} for index, (v, label) in enumerate(value_labels.items())]
        title = item.get("question") or choice
    by_value = {entry["value"]: entry for entry in legend}
    shapes, rows = (_brigade_shapes if mode == MapMode.BRIGADES else _region_shapes)(
        picture, choice, is_factor, regions, by_value, mode=mode, own_codes=own_codes, geometry=geometry,
        path_key="small_path" if small else "path")
    return {"map_id": map_id, "title": title, "choice": choice, "legend": legend, "shapes": shapes, "rows": rows,
            "mode": mode, "width": geo.WIDTH, "height": geo.HEIGHT, "small": small, "round": picture["round"],
            "row_header": _("Brigadegebied") if mode == MapMode.BRIGADES else _("Regio")}


def _subject_value(subject: dict, choice: str, is_factor: bool):
    """A region's judgment of a factor, or its answer to an indicator, from the document's `subjects`."""
    for key in (("judgments", "success_factors") if is_factor else ("answers", "indicators")):
        if isinstance(subject.get(key), dict) and choice in subject[key]:
            value = subject[key][choice]
            return value.get("value", value.get("judgment")) if isinstance(value, dict) else value
    return None


def _region_shapes(picture, choice, is_factor, regions, by_value, *, mode, own_codes, geometry, path_key):
    subjects = picture.get("subjects") or {}
    shapes, rows = [], []
    for region in regions:
        value = _subject_value(subjects.get(region.code) or {}, choice, is_factor)
        if isinstance(value, list):  # a multiple-choice answer: the legend cannot colour a combination
            value = None
        entry = by_value.get(str(value)) if value is not None else None
        named = mode == MapMode.REGIONS or region.code in own_codes
        label = entry["label"] if entry else _("geen gegeven")
        name = f"{region.code} {region.name}" if named else _("Andere regio")
        shape = geometry[region.code]
        url = reverse("findings:finding", args=[picture["round_code"], region.code, choice]) if (
            is_factor and mode == MapMode.REGIONS) else ""
        shapes.append({"path": shape[path_key], "css": entry["css"] if entry else "map-none",
                       "title": f"{name}: {label}", "url": url, "symbol": entry["symbol"] if entry else "–",
                       "x": shape["point"][0], "y": shape["point"][1], "code": region.code if named else ""})
        if named:
            rows.append({"name": name, "label": label, "symbol": entry["symbol"] if entry else "–"})
    if mode == MapMode.OWN:
        hidden = [s for s in shapes if not s["code"]]
        rows.append({"name": _("Andere regio's (%(n)s)") % {"n": len(hidden)}, "label": "", "symbol": ""})
    return shapes, rows


def _brigade_shapes(picture, choice, is_factor, regions, by_value, *, mode, own_codes, geometry, path_key):
    item = (picture["success_factors"] if is_factor else picture["indicators"]).get(choice) or {}
    by_brigade = item.get("by_brigade") or {}
    areas: dict[str, dict] = {}
    for region in regions:
        area = areas.setdefault(str(region.brigade.number), {"paths": [], "points": []})
        shape = geometry[region.code]
        area["paths"].append(shape[path_key])
        if region.boundary:
            area["points"].append(shape["point"])
    shapes, rows = [], []
    for number, area in sorted(areas.items()):
        counts = by_brigade.get(number) or {}
        top = max((v for v in by_value if counts.get(v)), key=lambda v: counts[v], default=None)
        entry = by_value.get(top) if top else None
        name = (picture.get("brigades") or {}).get(number, number)
        detail = ", ".join(f"{by_value[v]['label']} {counts[v]}" for v in by_value if counts.get(v)) or _("geen gegeven")
        points = area["points"] or [(0, 0)]
        shapes.append({"path": "".join(area["paths"]), "css": entry["css"] if entry else "map-none",
                       "title": f"{name}: {detail}", "url": "", "symbol": entry["symbol"] if entry else "–", "code": "",
                       "x": round(sum(p[0] for p in points) / len(points), 1),
                       "y": round(sum(p[1] for p in points) / len(points), 1)})
        # The table says it in words: the most frequent value, then every value with how many said it.
        words = "; ".join(_counted(by_value[v]["label"], counts[v], item.get("subject_kind")) for v in by_value
                          if counts.get(v)) or _("geen gegeven")
        rows.append({"name": name, "label": detail, "symbol": entry["symbol"] if entry else "–",
                     "most": entry["label"] if entry else "", "words": words})
    return shapes, rows


def _counted(label: str, n: int, subject_kind: str | None) -> str:
    """"voldoet: 3 regio's", in words: how many regions (or brigades) gave a value."""
    if subject_kind == SubjectKind.BRIGADE:
        return ngettext("%(label)s: %(n)s brigade", "%(label)s: %(n)s brigades", n) % {"label": label, "n": n}
    return ngettext("%(label)s: %(n)s regio", "%(label)s: %(n)s regio's", n) % {"label": label, "n": n}


def map_mode_for(user: User) -> str:
    if may(user, Action.SUBJECT_DETAIL):
        return MapMode.REGIONS
    if respondent_filter(user) is not None:
        return MapMode.OWN
    return MapMode.BRIGADES


def map_regions() -> list[Region]:
    """The regions with their boundaries and brigades; one query."""
    return list(Region.objects.select_related("brigade").order_by("code"))


def own_region_codes(user: User) -> frozenset[str]:
    """The codes of the regions an OVR or RMC responds for, or reads as an RMC (their brigade's)."""
    return frozenset(visible_subjects(user).filter(kind=SubjectKind.REGION).values_list("code", flat=True))


def proposal_context(round: Round, factor: SuccessFactor | None) -> dict:
    """Beside the conclusion form: the rule, the judgment it proposes from the regional distribution, and the
    distribution itself."""
    from findings.forms import JudgmentRuleForm
    from national.picture import proposed_judgment, rule_text, rule_values

    if factor is None:
        return {}
    rule = rule_values(round, factor)
    counts = judgment_counts(round).get(factor.code, {})
    total = Subject.objects.filter(kind=factor.subject_kind).count()
    context = {"counts": counts, "total": total, "rule_form": JudgmentRuleForm(initial={**(rule or {})})}
    if rule is not None:
        context["rule"] = rule_text(rule["meets_min"], rule["partly_min"], total, factor.subject_kind)
        context["proposed"] = proposed_judgment(counts, rule["meets_min"], rule["partly_min"])
    return context
