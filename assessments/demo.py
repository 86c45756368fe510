"""Demo questionnaires for `manage.py load_demo`: the 2009 and 2013 answers of all 25 regions and the 2013
brigade questionnaires (assessments/demo/*.csv), told as the round went.

Each region's answers are entered by its own OVR and contact person of that round (the contact person the themes
about the region's own plans and evaluations, the OVR the rest; the people of 2009 are others than those of 2013,
`former_respondents_active`), through the same import an inspector's upload uses; both
sign, the OVR submits, an inspector takes the questionnaire into review, lays it out for verification with the
findings and makes it final once the findings are verified. A brigade's RMC does the same for the brigade.
Every step runs at the moment the round had it (`fieldwork`): 2013 questionnaires in February 2013, interviews
in March and April, verification from mid-March to May; 2009 likewise in 2009. History entries name the round's
source (`ROUND_SOURCES`), not a file.

States the demo users find their work in: VR13's 2013 questionnaire is in verification (its findings wait for
ovr.vr13 and contact.vr13), VR14's was sent back after the interview and is a draft again for ovr.vr14 and
contact.vr14; every other questionnaire is final. Idempotent: a questionnaire whose story has run (it has
workflow steps) is left alone, and a published round is never touched.
"""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Role, User
from assessments.exchange import ImportRefused, Row, answers_import, parse_answer_file
from assessments.models import Assessment, AssessmentStatus, Questionnaire
from assessments.services import assessment_sign, assessment_submit, assessment_transition
from core.tabular import read_table
from framework.models import Round
from regions.models import Subject, SubjectKind

S = AssessmentStatus
DEMO = Path(__file__).resolve().parent / "demo"
REGION_FILES = {2009: "2009-region-answers.csv", 2013: "2013-region-answers.csv"}
BRIGADE_FILES = {2013: "2013-brigade-answers.csv"}

# What a history entry of the demo names as its source: the round, reconstructed from the 2013 report.
ROUND_SOURCES = {
    2009: "Tussenmeting 2009 (reconstructie uit het rapport van 2013)",
    2013: "Eindmeting 2013 (reconstructie uit het rapport)",
}

# Where the story of a 2013 questionnaire ends, when not final: VR13 is in verification; VR14 was sent back
# to its respondents after the interview.
STATES_2013 = {"VR13": S.VERIFICATION, "VR14": S.DRAFT}
SENT_BACK = {
    "VR14": "Na het gesprek teruggestuurd: vul bij thema 4 de toelichting over de meldkamer aan en onderteken opnieuw."
}

# Themes whose questions the region's contact person enters (the region's own plans and evaluations);
# the OVR enters the others.
CONTACT_THEMES = {2, 6}

# The audit the demo replays (its package is framework/packages/icms).
DEMO_FRAMEWORK = "icms"

# How the account of a person who responded in an earlier round is named: `ovr.vr01.2009` (cmsaudit.demo creates
# them, inactive). Nobody answered both rounds: an OVR is posted for three years, and the regions' contact persons
# changed as well.
FORMER_SUFFIX = ".{year}"


# --- the calendar of a round -----------------------------------------------------------------------------


def workday(year: int, month: int, n: int) -> datetime.date:
    """The n-th working day (0 = the first Monday) of `month` in `year`."""
    day = datetime.date(year, month, 1)
    day += datetime.timedelta(days=(7 - day.weekday()) % 7)
    weeks, rest = divmod(n, 5)
    return day + datetime.timedelta(weeks=weeks, days=rest)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@dataclass(frozen=True)
class Fieldwork:
    """The moments of one audited party's round: questionnaire, interview, findings, verification."""

    ovr_answers: datetime.datetime
    contact_answers: datetime.datetime
    signed: datetime.datetime
    in_review: datetime.datetime
    interview: datetime.date
    report_written: datetime.datetime
    findings_written: datetime.datetime
    sent_back: datetime.datetime
    verification_sent: datetime.datetime
    verified: datetime.datetime


def fieldwork(year: int, index: int) -> Fieldwork:
    """The calendar of the `index`-th audited party (regions in their order, then the brigades) in `year`, on
    working days: questionnaires in February, interviews from the first Monday of March, the report and the
    findings in the days after, verification two weeks after the interview and agreed some days later."""
    first, day = index % 15, lambda n: workday(year, 3, index + n)
    return Fieldwork(
        ovr_answers=at(workday(year, 2, first), 9, 30),
        contact_answers=at(workday(year, 2, first + 1), 14),
        signed=at(workday(year, 2, first + 3), 11),
        in_review=at(workday(year, 2, first + 5), 10),
        interview=day(0),
        report_written=at(day(1), 15),
        findings_written=at(day(2), 11),
        sent_back=at(day(2), 16),
        verification_sent=at(day(10), 10),
        verified=at(day(17), 14),
    )


def subjects_in_order() -> list[Subject]:
    """The regions in their order, then the brigades: the index `fieldwork` takes."""
    return list(Subject.objects.filter(kind__in=[SubjectKind.REGION, SubjectKind.BRIGADE]).order_by("order", "code"))


@contextmanager
def demo_clock(start: datetime.datetime, step: datetime.timedelta = datetime.timedelta(seconds=40)) -> Iterator[None]:
    """Run a step of the story at `start`: every service, auto-dated field and history row reads the time from
    `django.utils.timezone.now`, which here ticks on from `start`. Only the demo loader, which reconstructs a past
    round, sets the clock."""
    ticks = itertools.count()
    with mock.patch.object(timezone, "now", lambda: start + next(ticks) * step):
        yield


@contextmanager
def former_respondents_active(year: int) -> Iterator[None]:
    """Tell the round of `year` with the people who responded in it. Their accounts (`FORMER_SUFFIX`) are inactive
    today; while their round is told they are active and the parties' present respondents inactive, so that every
    service (signing, submitting, verifying, notifying) meets the round's own people. Afterwards each account is
    as it was. A year without former accounts is told with the present respondents."""
    former = User.objects.filter(
        username__endswith=FORMER_SUFFIX.format(year=year), role__in=[Role.OVR, Role.CONTACT, Role.RMC]
    )
    if not former.exists():
        yield
        return
    parties = Subject.objects.filter(memberships__user__in=former)
    present = list(
        User.objects.filter(is_active=True, role__in=[Role.OVR, Role.CONTACT, Role.RMC], memberships__subject__in=parties)
        .exclude(pk__in=former).values_list("pk", flat=True).distinct()
    )
    former_ids = list(former.values_list("pk", flat=True))
    User.objects.filter(pk__in=former_ids).update(is_active=True)
    User.objects.filter(pk__in=present).update(is_active=False)
    try:
        yield
    finally:
        User.objects.filter(pk__in=former_ids).update(is_active=False)
        User.objects.filter(pk__in=present).update(is_active=True)


def respondents(subject: Subject) -> dict[str, User]:
    """The demo respondents of `subject` by role: OVR and contact person of a region, the RMC of a brigade."""
    roles = [Role.OVR, Role.CONTACT] if subject.kind == SubjectKind.REGION else [Role.RMC]
    users = User.objects.filter(role__in=roles, memberships__subject=subject, memberships__role=F("role"), is_active=True)
    found: dict[str, User] = {}
    for user in users.order_by("pk"):
        found.setdefault(user.role, user)
    return found


# --- loading ---------------------------------------------------------------------------------------------


def demo_load(*, stdout=None) -> str:
    inspector = User.objects.get(username="inspecteur")
    order = {subject.code: index for index, subject in enumerate(subjects_in_order())}
    parts = []
    with transaction.atomic():
        for year in sorted(set(REGION_FILES) | set(BRIGADE_FILES)):
            round = Round.objects.get(framework__code=DEMO_FRAMEWORK, year=year)
            if round.is_published:
                parts.append(f"{year}: gepubliceerd, al geladen")
                continue
            rows = _rows(REGION_FILES.get(year)) + _rows(BRIGADE_FILES.get(year))
            with former_respondents_active(year):
                told = _round_load(round, rows, order, inspector)
            parts.append(f"{year}: " + (f"{told} vragenlijsten ingevuld, ondertekend en verwerkt" if told else "al geladen"))
    return "; ".join(parts)


def _rows(name: str | None) -> list[Row]:
    """The answer rows of a demo file, as `region_code,question_code,value,comment`; a brigade file may name its
    brigade by number (`brigade,question_code,…`)."""
    if name is None:
        return []
    data = (DEMO / name).read_bytes()
    header = data.decode("utf-8-sig").split("\n", 1)[0].strip().split(",")
    if header[0] == "brigade":
        table = read_table(name, data, header)
        rows = [Row(row.line, (f"B{row.cells[0].strip()}", *row.cells[1:])) for row in table.rows]
    else:
        table = parse_answer_file(name, data)
        rows = table.rows
    if table.errors:
        raise ImportRefused(table.errors)
    return rows


def _round_load(round: Round, rows: list[Row], order: dict[str, int], inspector: User) -> int:
    """Tell the story of every questionnaire of `round` that has not been told yet; returns how many."""
    by_subject: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_subject[row.cells[0].strip().upper()].append(row)
    subjects = {subject.code: subject for subject in Subject.objects.filter(code__in=by_subject)}
    told = set(Assessment.objects.filter(round=round, transitions__isnull=False).values_list("subject__code", flat=True))
    count = 0
    for code in sorted(by_subject, key=lambda c: order[c]):
        if code in told:
            continue
        _story(round, subjects[code], by_subject[code], fieldwork(round.year, order[code]), inspector)
        count += 1
    return count


def _story(round: Round, subject: Subject, rows: list[Row], when: Fieldwork, inspector: User) -> None:
    people = respondents(subject)
    source = ROUND_SOURCES.get(round.year, f"Meting {round.year}")
    if subject.kind == SubjectKind.REGION:
        ovr, contact = people[Role.OVR], people[Role.CONTACT]
        themes = _themes(round, subject.kind)
        contact_rows = [row for row in rows if themes.get(row.cells[1].strip()) in CONTACT_THEMES]
        ovr_rows = [row for row in rows if themes.get(row.cells[1].strip()) not in CONTACT_THEMES]
        entries = [(ovr, ovr_rows, when.ovr_answers), (contact, contact_rows, when.contact_answers)]
        signers, submitter = [ovr, contact], ovr
    else:
        rmc = people[Role.RMC]
        entries = [(rmc, rows, when.ovr_answers)]
        signers, submitter = [rmc], rmc
    for user, own_rows, moment in entries:
        if own_rows:
            with demo_clock(moment):
                answers_import(rows=own_rows, round=round, by=user, reason=source)
    assessment = Assessment.objects.get(round=round, subject=subject)
    target = STATES_2013.get(subject.code, S.FINAL) if round.year == 2013 else S.FINAL
    with demo_clock(when.signed):
        for signer in signers:
            assessment_sign(assessment=assessment, by=signer)
        try:
            assessment = assessment_submit(assessment=assessment, by=submitter)
        except ValidationError as error:
            # The demo files and the questionnaire disagree (a required question without an answer): say where.
            raise ValidationError(
                f"Demo {round.year} {subject.code}: de vragenlijst kan niet worden ingediend: {' '.join(error.messages)}"
            ) from error
    with demo_clock(when.in_review):
        assessment = assessment_transition(assessment=assessment, to=S.IN_REVIEW, by=inspector)
    if target == S.DRAFT:
        with demo_clock(when.sent_back):
            assessment_transition(
                assessment=assessment, to=S.DRAFT, by=inspector, reason=SENT_BACK.get(subject.code, source)
            )
        return
    with demo_clock(when.verification_sent):
        assessment = assessment_transition(assessment=assessment, to=S.VERIFICATION, by=inspector)
    if target == S.FINAL:
        with demo_clock(when.verified):
            assessment_transition(assessment=assessment, to=S.FINAL, by=inspector)


def _themes(round: Round, audience: str) -> dict[str, int | None]:
    """Question code → theme number, for the round's latest questionnaire of `audience`."""
    questionnaire = Questionnaire.objects.latest_for(round, audience)
    questions = questionnaire.questions.select_related("success_factor__theme") if questionnaire else []
    return {q.code: q.success_factor.theme.number if q.success_factor_id else None for q in questions}
