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
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from assessments.models import Answer, Round, SuccessFactor
from findings.exchange import judgments_import_file
from findings.models import Citation, Finding, Verification, VerificationStatus
from findings.services import finding_save, report_save, verification_send
from regions.models import Subject, SubjectKind

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
            if round.findings.filter(subject__kind=SubjectKind.REGION).exists():
                parts.append(f"{year}: al geladen")
            else:
                result = judgments_import_file(name=name, data=(DEMO / name).read_bytes(), round=round, by=inspector)
                parts.append(f"{year}: {result.summary()}")
            spec = national[year]
            _brigade_findings_load(round, spec.get("brigade_judgments") or {}, factors, inspector)
            _reports_load(round, inspector)
            _citations_load(round, inspector)
            _verifications_load(round, inspector, awaiting=AWAITING_2013 if year == 2013 else set())
    return "; ".join(parts)


def _brigade_findings_load(round, judgments: dict, factors: dict, by: User) -> None:
    for number, per_factor in judgments.items():
        brigade = Subject.objects.get(brigade__number=int(number))
        for code, spec in per_factor.items():
            current = Finding.objects.filter(round=round, subject=brigade, success_factor=factors[code]).first()
            if current and current.text == spec["finding"] and current.judgment == spec["judgment"]:
                continue
            finding_save(
                round=round,
                subject=brigade,
                success_factor=factors[code],
                text=spec["finding"],
                judgment=spec["judgment"],
                by=by,
                base_revision=current.revision if current else None,
            )


def _citations_load(round, by: User) -> None:
    """Each finding cites the answers it rests on (the normed questions of its success factor)."""
    answers: dict[tuple, list[Answer]] = {}
    for answer in Answer.objects.filter(assessment__round=round, question__norm__isnull=False).exclude(value="").select_related(
        "assessment", "question"
    ):
        key = (answer.assessment.subject_id, answer.question.success_factor_id)
        answers.setdefault(key, []).append(answer)
    citations = []
    findings = list(Finding.objects.filter(round=round))
    cited = set(Citation.objects.filter(finding__round=round).values_list("finding_id", flat=True))
    for finding in findings:
        if finding.pk in cited:
            continue
        for answer in answers.get((finding.subject_id, finding.success_factor_id), []):
            citations.append(Citation(finding=finding, answer=answer, created_by=by))
    bulk_create_with_history(citations, Citation, default_user=by)


def _reports_load(round, by: User) -> None:
    held_on = datetime.date(round.year, 3, 1)
    kinds = [SubjectKind.REGION, SubjectKind.BRIGADE] if round.year >= 2013 else [SubjectKind.REGION]
    for subject in Subject.objects.filter(kind__in=kinds):
        if round.interview_reports.filter(subject=subject).exists():
            continue
        if subject.is_region:
            participants = "OVR, contactpersoon Defensie van de veiligheidsregio, twee inspecteurs (Inspectie VenJ en AFD)"
            text = (
                f"Gesprek in de veiligheidsregio {subject.name} op basis van de ingevulde vragenlijst. "
                "De antwoorden zijn per thema doorgenomen en waar nodig toegelicht; de bevindingen per "
                "kritische succesfactor zijn hieruit afgeleid."
            )
        else:
            participants = "RMC, H-NATOPS, twee inspecteurs (Inspectie VenJ en AFD)"
            text = f"Gesprek met de RMC van de {subject.name} over de voorbereiding binnen Defensie."
        report_save(round=round, subject=subject, held_on=held_on, participants=participants, text=text, by=by)


def _verifications_load(round, by: User, *, awaiting: set[str]) -> None:
    """Send every region's and brigade's findings for verification; all but `awaiting` come back verified.

    The respondents' agreement itself is not part of the demo; the verification is marked verified.
    """
    subjects = Subject.objects.filter(kind=SubjectKind.REGION) | Subject.objects.filter(
        kind=SubjectKind.BRIGADE, findings__round=round
    )
    for subject in subjects.distinct():
        verification = Verification.objects.filter(round=round, subject=subject).first()
        if verification is None or verification.status == VerificationStatus.NOT_SENT:
            verification = verification_send(round=round, subject=subject, by=by)
        if subject.code in awaiting or verification.status == VerificationStatus.VERIFIED:
            continue
        verification.status = VerificationStatus.VERIFIED
        verification.verified_at = timezone.now()
        verification._history_user = by
        verification._change_reason = gettext_noop("Demogegevens: geverifieerd")
        verification.save()
