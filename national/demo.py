"""Demo data of the round as a whole for `manage.py load_demo`: the national deelconclusies and the
slotconclusie, the recommendations of 2009 and 2013 and the 2013 follow-up of the 2009 recommendations
(findings/demo/national.yaml), each deelconclusie citing the findings of its factor; then 2009 is
published. Runs after the findings demo. Idempotent: a published round is left alone.

Each step runs at its moment in the round (`NATIONAL_CALENDAR`), after the verification of the regions: the
national picture of a round in June of its year, 2009 published in September 2009, the 2013 picture shared
with the ministry as a preview in June 2013.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from assessments.definitions import read_yaml
from assessments.demo import DEMO_FRAMEWORK, at, demo_clock
from findings.demo import DEMO
from findings.models import Citation, Finding, Recommendation
from framework.models import Round, SuccessFactor
from national.services import (
    conclusion_save,
    follow_up_save,
    judgment_rule_save,
    preview_share,
    recommendation_save,
    round_publish,
)

# year -> (national picture written, 2009 published / 2013 shared as a preview)
NATIONAL_CALENDAR = {
    2009: (at(datetime.date(2009, 6, 2), 10), at(datetime.date(2009, 9, 14), 11)),
    2013: (at(datetime.date(2013, 6, 3), 10), at(datetime.date(2013, 6, 17), 11)),
}


def demo_load(*, stdout=None) -> str:
    inspector = User.objects.get(username="inspecteur")
    national = read_yaml(DEMO / "national.yaml")["rounds"]
    factors = {sf.code: sf for sf in SuccessFactor.objects.filter(framework__code=DEMO_FRAMEWORK)}
    with transaction.atomic():
        for year in (2009, 2013):
            round = Round.objects.get(framework__code=DEMO_FRAMEWORK, year=year)
            if round.is_published:
                continue
            spec = national[year]
            with demo_clock(NATIONAL_CALENDAR[year][0]):
                _rules_load(round, spec.get("judgment_rules") or {}, factors, inspector)
                _conclusions_load(round, spec, factors, inspector)
                _recommendations_load(round, spec.get("recommendations") or [], factors, inspector)
                _conclusion_citations_load(round, inspector)
        round_2009, round_2013 = Round.objects.get(framework__code=DEMO_FRAMEWORK, year=2009), Round.objects.get(framework__code=DEMO_FRAMEWORK, year=2013)
        if not round_2013.is_published:
            with demo_clock(NATIONAL_CALENDAR[2013][0] + datetime.timedelta(days=1)):
                _follow_ups_load(national[2009].get("recommendations") or [], inspector)
                from national.context_demo import context_demo_load  # the 2013 context: national/demo/context-2013.yaml

                context_demo_load(by=inspector)
        if not round_2009.is_published:
            with demo_clock(NATIONAL_CALENDAR[2009][1]):
                round_publish(round=round_2009, by=inspector)
        if not round_2013.is_published:
            with demo_clock(NATIONAL_CALENDAR[2013][1]):
                preview_share(round=round_2013, by=inspector)
    return "conclusies, aanbevelingen en opvolging klaar; 2009 gepubliceerd, 2013 gedeeld als voorlopig beeld"


def _rules_load(round, rules: dict, factors: dict, by: User) -> None:
    """The rule that proposes the national judgment, for every factor by the kind of subject it judges."""
    for factor in factors.values():
        rule = rules.get(factor.subject_kind)
        if rule:
            judgment_rule_save(round=round, success_factor=factor, meets_min=rule["meets_min"],
                               partly_min=rule["partly_min"], by=by)


def prose(text: str) -> str:
    """A text from the YAML file as it is meant: paragraphs (blank lines between them) without the file's own
    line breaks inside them."""
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in text.strip().split("\n\n") if paragraph.strip())


def _conclusion_citations_load(round, by: User) -> None:
    """Each deelconclusie cites the regional (or brigade) findings of its factor."""
    findings = list(Finding.objects.filter(round=round))
    cited = set(Citation.objects.filter(conclusion__round=round).values_list("conclusion_id", flat=True))
    citations = [
        Citation(conclusion=conclusion, cited_finding=finding, created_by=by)
        for conclusion in round.conclusions.filter(success_factor__isnull=False).exclude(pk__in=cited)
        for finding in findings
        if finding.success_factor_id == conclusion.success_factor_id
    ]
    bulk_create_with_history(citations, Citation, default_user=by)


def _conclusions_load(round, spec: dict, factors: dict, by: User) -> None:
    existing = {c.success_factor_id: c for c in round.conclusions.all()}
    for code, item in (spec.get("success_factors") or {}).items():
        factor = factors[code]
        current = existing.get(factor.pk)
        reason = prose(item.get("reason") or "")
        text_en = prose(item.get("deelconclusie_en") or "")
        wanted = (prose(item["deelconclusie"]), text_en, item["judgment"], reason)
        if current and (current.text, current.text_en, current.judgment, current.reason) == wanted:
            continue
        conclusion_save(
            round=round,
            success_factor=factor,
            text=prose(item["deelconclusie"]),
            text_en=text_en,
            judgment=item["judgment"],
            reason=reason,
            by=by,
            base_revision=current.revision if current else None,
        )
    overall = prose(spec.get("overall_conclusion") or "")
    overall_en = prose(spec.get("overall_conclusion_en") or "")
    current = existing.get(None)
    if overall and not (current and (current.text, current.text_en) == (overall, overall_en)):
        conclusion_save(
            round=round, success_factor=None, text=overall, text_en=overall_en, judgment="", by=by,
            base_revision=current.revision if current else None,
        )



def _recommendations_load(round, items: list, factors: dict, by: User) -> None:
    for item in items:
        if Recommendation.objects.filter(round=round, text=item["text"]).exists():
            continue
        recommendation_save(
            round=round,
            text=item["text"],
            addressee=item["addressee"],
            success_factors=[factors[code] for code in item["success_factors"]],
            region=None,
            by=by,
        )



def _follow_ups_load(items: list, by: User) -> None:
    round_2009, round_2013 = Round.objects.get(framework__code=DEMO_FRAMEWORK, year=2009), Round.objects.get(framework__code=DEMO_FRAMEWORK, year=2013)
    for item in items:
        follow_up = item.get("follow_up_2013")
        recommendation = Recommendation.objects.filter(round=round_2009, text=item["text"]).first()
        if not follow_up or recommendation is None or recommendation.follow_ups.filter(round=round_2013).exists():
            continue
        follow_up_save(
            recommendation=recommendation,
            round=round_2013,
            status=follow_up["status"],
            explanation=follow_up["explanation"],
            by=by,
        )


