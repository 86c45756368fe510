"""Demo findings for `manage.py load_demo`: per region (and, in 2013, per brigade) the interview report, the
findings with their judgments (findings/demo/*-judgments.csv through the same import as an upload; brigades from
findings/demo/national.yaml), each citing the answers it rests on, and their verification by the respondents.
Runs after the questionnaires demo; the Defence directorates' interviews follow (findings/demo_directorates.py).

A round is told with its own people (`assessments.demo.former_respondents_active`): the 2009 interviews were held
with the OVR and contact person of 2009, who also verified them. Every step runs at its moment in the round (`assessments.demo.fieldwork`): the interview, the report a day later,
the findings two days later, sent for verification two weeks after the interview and agreed by the region's contact
person (a brigade's RMC) some days after that. 2009 is verified throughout; in 2013 every region is verified except VR13,
whose findings wait for ovr.vr13 and contact.vr13, and VR14, whose findings wait for its amended questionnaire. Idempotent: a party whose findings were sent is left alone.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import Role, User
from assessments.definitions import read_yaml
from assessments.demo import (
    DEMO_FRAMEWORK,
    ROUND_SOURCES,
    Fieldwork,
    demo_clock,
    fieldwork,
    former_respondents_active,
    respondents,
    subjects_in_order,
)
from assessments.exchange import ImportRefused
from assessments.models import Answer
from findings.demo_directorates import directorates_demo_load
from findings.exchange import judgments_import, parse_judgment_file
from findings.models import Citation, Finding, ResponseKind, Verification, VerificationResponse, VerificationStatus
from findings.services import finding_save, report_save, verification_send
from framework.models import Round, SuccessFactor
from regions.models import Subject

DEMO = Path(__file__).resolve().parent / "demo"
AWAITING_2013 = {"VR13"}
# VR14's questionnaire went back to its respondents after the interview (assessments/demo.py): its findings are
# written but wait for the amended questionnaire before they are sent.
UNSENT_2013 = {"VR14"}
# Who held the interviews, by the names the organisations had then: the Inspectie Openbare Orde en Veiligheid and
# the Audit Dienst Defensie became the Inspectie VenJ and the Audit Functie Defensie (the report's preface). The
# AFD is an audit service: its people are auditors, not inspectors.
INTERVIEWERS = {
    2009: "een inspecteur van de Inspectie Openbare Orde en Veiligheid (IOOV) en een auditor van de Audit Dienst Defensie (ADD)",
    2013: "een inspecteur van de Inspectie VenJ en een auditor van de AFD",
}


def demo_load(*, stdout=None) -> str:
    inspector = User.objects.get(username="inspecteur")
    national = read_yaml(DEMO / "national.yaml")["rounds"]
    factors = {sf.code: sf for sf in SuccessFactor.objects.filter(framework__code=DEMO_FRAMEWORK)}
    parts = []
    with transaction.atomic():
        for year in (2009, 2013):
            round = Round.objects.get(framework__code=DEMO_FRAMEWORK, year=year)
            if round.is_published:
                parts.append(f"{year}: gepubliceerd, al geladen")
                continue
            with former_respondents_active(year):
                told = _round_load(round, national[year].get("brigade_judgments") or {}, factors, inspector)
            parts.append(f"{year}: " + (f"bevindingen van {told} partijen ter verificatie voorgelegd" if told else "al geladen"))
        parts.append(directorates_demo_load(by=inspector))
    return "; ".join(parts)


def _round_load(round: Round, brigade_judgments: dict, factors: dict, inspector: User) -> int:
    name = f"{round.year}-judgments.csv"
    table = parse_judgment_file(name, (DEMO / name).read_bytes())
    if table.errors:
        raise ImportRefused(table.errors)
    rows = defaultdict(list)
    for row in table.rows:
        rows[row.cells[0].strip().upper()].append(row)
    sent = set(
        Verification.objects.filter(round=round).exclude(status=VerificationStatus.NOT_SENT).values_list("subject__code", flat=True)
    )
    awaiting = AWAITING_2013 if round.year == 2013 else set()
    unsent = UNSENT_2013 if round.year == 2013 else set()
    # A party whose findings are held back is loaded once too: it has its findings.
    sent |= set(
        Finding.objects.filter(round=round, subject__code__in=unsent).values_list("subject__code", flat=True)
    )
    told = 0
    for index, subject in enumerate(subjects_in_order()):
        # A brigade's subject, and only that, links its brigade (subject_kind_matches_link).
        brigade = brigade_judgments.get(str(subject.brigade.number)) if subject.brigade is not None else None
        if subject.code in sent or not (rows.get(subject.code) or brigade):
            continue
        when = fieldwork(round.year, index)
        people = respondents(subject)
        _report_write(round, subject, people, when, inspector)
        with demo_clock(when.findings_written):
            if brigade:
                for code, spec in brigade.items():
                    finding_save(round=round, subject=subject, success_factor=factors[code], text=spec["finding"],
                                 judgment=spec["judgment"], by=inspector, reason=ROUND_SOURCES[round.year])
            else:
                judgments_import(rows=rows[subject.code], round=round, by=inspector, reason=ROUND_SOURCES[round.year])
            _citations_add(round, subject, inspector)
        if subject.code in unsent:
            told += 1
            continue
        with demo_clock(when.verification_sent):
            verification = verification_send(round=round, subject=subject, by=inspector)
        if subject.code not in awaiting:
            _verification_agree(verification, people, when)
        told += 1
    return told


def _report_write(round: Round, subject: Subject, people: dict[str, User], when: Fieldwork, by: User) -> None:
    """The gespreksverslag of the interview, held with the party's own respondents."""
    interviewers = INTERVIEWERS[round.year]
    if subject.is_region:
        ovr, contact = people[Role.OVR], people[Role.CONTACT]
        participants = (
            f"{ovr.get_full_name()} (OVR), {contact.get_full_name()} (contactpersoon Defensie van de veiligheidsregio), "
            f"{interviewers}"
        )
        text = (
            f"Gesprek in de veiligheidsregio {subject.name} op basis van de vragenlijst die de OVR en de contactpersoon "
            "samen hebben ingevuld. De antwoorden zijn per thema doorgenomen en waar nodig toegelicht; de bevindingen "
            "per kritische succesfactor zijn hieruit afgeleid."
        )
    else:
        participants = f"{people[Role.RMC].get_full_name()} (RMC), het H-NATOPS van de brigade, {interviewers}"
        text = f"Gesprek met de RMC van de {subject.name} over de voorbereiding binnen Defensie, op basis van de ingevulde vragenlijst."
    with demo_clock(when.report_written):
        report_save(round=round, subject=subject, held_on=when.interview, participants=participants, text=text, by=by)


def _citations_add(round: Round, subject: Subject, by: User) -> None:
    """Each finding cites the answers it rests on (the normed questions of its success factor)."""
    answers: dict[int, list[Answer]] = defaultdict(list)
    normed = Answer.objects.filter(assessment__round=round, assessment__subject=subject, question__norm__isnull=False)
    for answer in normed.exclude(value="").select_related("question"):
        answers[answer.question.success_factor_id].append(answer)
    findings = Finding.objects.filter(round=round, subject=subject, citations__isnull=True)
    citations = [
        Citation(finding=finding, answer=answer, created_by=by)
        for finding in findings
        for answer in answers.get(finding.success_factor_id, [])
    ]
    bulk_create_with_history(citations, Citation, default_user=by)


def _verification_agree(verification: Verification, people: dict[str, User], when: Fieldwork) -> None:
    """The respondents agree with every item: the region's contact person (a brigade's RMC) answers for the party. Written
    as `verification_respond` writes an agreement, all items at once (one by one would take most of a load)."""
    respondent = people.get(Role.CONTACT) or people[Role.RMC]
    with demo_clock(when.verified):
        items = list(verification.items.exclude(responses__respondent=respondent))
        responses = [VerificationResponse(item=item, respondent=respondent, kind=ResponseKind.AGREE) for item in items]
        bulk_create_with_history(responses, VerificationResponse, default_user=respondent)
        verification.status = VerificationStatus.VERIFIED
        verification.verified_at = timezone.now()
        verification._history_user = respondent
        verification.save()
