"""Demo findings for `manage.py load_demo`: the judgments of 2009 and 2013 per region
(findings/demo/*.csv, through the same import as an upload), brigade judgments, interview
reports, national deelconclusies, recommendations of 2009 and 2013 and the 2013 follow-up
of the 2009 recommendations (findings/demo/national.yaml). Idempotent.

2009 is verified and published. In 2013 every region is verified except VR13, whose findings
wait for ovr.vr13 and contact.vr13 to verify them.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from accounts.models import User
from assessments.models import Answer, Round, SuccessFactor
from findings.exchange import judgments_import_file
from findings.models import Citation, Finding, Recommendation, Verification, VerificationStatus
from findings.services import (
    conclusion_save,
    finding_save,
    follow_up_save,
    recommendation_save,
    report_save,
    round_publish,
    verification_send,
)
from regions.models import Brigade, Region

DEMO = Path(__file__).resolve().parent / "demo"
AWAITING_2013 = {"VR13"}


def demo_load(*, stdout=None) -> str:
    inspector = User.objects.get(username="inspecteur")
    national = yaml.safe_load((DEMO / "national.yaml").read_text(encoding="utf-8"))["rounds"]
    factors = {sf.code: sf for sf in SuccessFactor.objects.all()}
    parts = []
    with transaction.atomic():
        for year in (2009, 2013):
            round = Round.objects.get(year=year)
            name = f"{year}-judgments.csv"
            if round.findings.filter(region__isnull=False).exists():
                parts.append(f"{year}: al geladen")
            else:
                result = judgments_import_file(name=name, data=(DEMO / name).read_bytes(), round=round, by=inspector)
                parts.append(f"{year}: {result.summary()}")
            spec = national[year]
            _brigade_findings_load(round, spec.get("brigade_judgments") or {}, factors, inspector)
            _reports_load(round, inspector)
            _conclusions_load(round, spec, factors, inspector)
            _recommendations_load(round, spec.get("recommendations") or [], factors, inspector)
            _citations_load(round, inspector)
            _verifications_load(round, inspector, awaiting=AWAITING_2013 if year == 2013 else set())
        _follow_ups_load(national[2009].get("recommendations") or [], inspector)
        round_2009 = Round.objects.get(year=2009)
        if round_2009.published_at is None:
            round_publish(round=round_2009, by=inspector)
    return "; ".join(parts)


def _brigade_findings_load(round, judgments: dict, factors: dict, by: User) -> None:
    for number, per_factor in judgments.items():
        brigade = Brigade.objects.get(number=int(number))
        for code, spec in per_factor.items():
            current = Finding.objects.filter(round=round, brigade=brigade, success_factor=factors[code]).first()
            if current and current.text == spec["finding"] and current.judgment == spec["judgment"]:
                continue
            finding_save(
                round=round,
                brigade=brigade,
                success_factor=factors[code],
                text=spec["finding"],
                judgment=spec["judgment"],
                by=by,
                base_revision=current.revision if current else None,
            )


def _citations_load(round, by: User) -> None:
    """Each finding cites the answers it rests on (the normed questions of its success factor);
    each deelconclusie cites the regional (or brigade) findings of its factor."""
    answers: dict[tuple, list[Answer]] = {}
    for answer in Answer.objects.filter(assessment__round=round, question__norm__isnull=False).exclude(value="").select_related(
        "assessment", "question"
    ):
        key = (answer.assessment.region_id, answer.assessment.brigade_id, answer.question.success_factor_id)
        answers.setdefault(key, []).append(answer)
    citations = []
    findings = list(Finding.objects.filter(round=round))
    cited = set(Citation.objects.filter(finding__round=round).values_list("finding_id", flat=True))
    for finding in findings:
        if finding.pk in cited:
            continue
        for answer in answers.get((finding.region_id, finding.brigade_id, finding.success_factor_id), []):
            citations.append(Citation(finding=finding, answer=answer, created_by=by))
    cited = set(Citation.objects.filter(conclusion__round=round).values_list("conclusion_id", flat=True))
    for conclusion in round.conclusions.filter(success_factor__isnull=False).exclude(pk__in=cited):
        for finding in findings:
            if finding.success_factor_id == conclusion.success_factor_id:
                citations.append(Citation(conclusion=conclusion, cited_finding=finding, created_by=by))
    Citation.objects.bulk_create(citations)


def _reports_load(round, by: User) -> None:
    held_on = datetime.date(round.year, 3, 1)
    subjects = [{"region": r} for r in Region.objects.all()]
    if round.year >= 2013:
        subjects += [{"brigade": b} for b in Brigade.objects.all()]
    for subject in subjects:
        if round.interview_reports.filter(**subject).exists():
            continue
        if "region" in subject:
            participants = "OVR, contactpersoon Defensie van de veiligheidsregio, twee inspecteurs (Inspectie VenJ en AFD)"
            text = (
                f"Gesprek in de veiligheidsregio {subject['region'].name} op basis van de ingevulde vragenlijst. "
                "De antwoorden zijn per thema doorgenomen en waar nodig toegelicht; de bevindingen per "
                "kritische succesfactor zijn hieruit afgeleid."
            )
        else:
            participants = "RMC, H-NATOPS, twee inspecteurs (Inspectie VenJ en AFD)"
            text = f"Gesprek met de RMC van de {subject['brigade'].name} over de voorbereiding binnen Defensie."
        report_save(round=round, held_on=held_on, participants=participants, text=text, by=by, **subject)


def _conclusions_load(round, spec: dict, factors: dict, by: User) -> None:
    existing = {c.success_factor_id: c for c in round.conclusions.all()}
    for code, item in (spec.get("success_factors") or {}).items():
        factor = factors[code]
        current = existing.get(factor.pk)
        if current and current.text == item["deelconclusie"].strip():
            continue
        conclusion_save(
            round=round,
            success_factor=factor,
            text=item["deelconclusie"].strip(),
            judgment=item["judgment"],
            by=by,
            base_revision=current.revision if current else None,
        )
    overall = (spec.get("overall_conclusion") or "").strip()
    current = existing.get(None)
    if overall and not (current and current.text == overall):
        conclusion_save(
            round=round, success_factor=None, text=overall, judgment="", by=by, base_revision=current.revision if current else None
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
    round_2009, round_2013 = Round.objects.get(year=2009), Round.objects.get(year=2013)
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


def _verifications_load(round, by: User, *, awaiting: set[str]) -> None:
    """Send every region's and brigade's findings for verification; all but `awaiting` come back verified.

    The respondents' agreement itself is not part of the demo; the verification is marked verified.
    """
    subjects = [{"region": r} for r in Region.objects.all()] + [
        {"brigade": b} for b in Brigade.objects.filter(findings__round=round).distinct()
    ]
    for subject in subjects:
        verification = Verification.objects.filter(round=round, **subject).first()
        if verification is None or verification.status == VerificationStatus.NOT_SENT:
            verification = verification_send(round=round, by=by, **subject)
        code = subject["region"].code if "region" in subject else None
        if code in awaiting or verification.status == VerificationStatus.VERIFIED:
            continue
        verification.status = VerificationStatus.VERIFIED
        verification.verified_at = timezone.now()
        verification._history_user = by
        verification._change_reason = gettext_noop("Demogegevens: geverifieerd")
        verification.save()
