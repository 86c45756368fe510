"""Context builders of the inspectors' round and framework pages, each in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, DateField, Exists, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from accounts.models import User
from assessments.models import Questionnaire
from assessments.rounds import CheckItem, respondents_by_subject, round_checklist
from framework.models import PARTY_KINDS, Framework, Round, RoundParty, RoundStatus
from regions.models import Subject


class SetupColumns(TypedDict):
    """What `setup_subjects` adds to each region and brigade."""

    party_deadline: datetime.date | None
    deadline: datetime.date | None
    chosen: bool


class QuestionCount(TypedDict):
    question_count: int


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # A region or brigade read for the round's setup (`setup_subjects`).
    SetupSubject = WithAnnotations[Subject, SetupColumns]


class RoundsPage(TypedDict):
    frameworks: list[Framework]


def rounds_context() -> RoundsPage:
    """Every framework with its rounds, each with its number of questionnaires (audiences): two queries."""
    rounds = Round.objects.annotate(
        questionnaire_count=Count("questionnaires__audience", distinct=True)
    ).order_by("-year")
    return {"frameworks": list(Framework.objects.order_by("code").prefetch_related(Prefetch("rounds", queryset=rounds)))}


@dataclass(frozen=True)
class PartyRow:
    subject: Subject
    taking_part: bool
    respondents: list[User]
    invite_url: str


@dataclass(frozen=True)
class QuestionnaireRow:
    questionnaire: Questionnaire
    question_count: int
    xlsx_url: str
    yaml_url: str
    upload_url: str


class RoundPage(TypedDict):
    round: Round
    planned: bool
    parties: list[PartyRow]
    taking_part: int
    chosen: bool
    questionnaires: list[QuestionnaireRow]
    checklist: list[CheckItem]
    checklist_ok: bool


def setup_subjects(round: Round) -> tuple[list[SetupSubject], bool]:
    """Every region and brigade with `party_deadline` (its own deadline in `round`), `deadline` (its own, else the
    round's submission deadline) and `chosen` (a row names it); and whether the inspectors chose the parties at all
    (otherwise all take part)."""
    own = RoundParty.objects.filter(round=round, subject=OuterRef("pk"))
    subjects = list(
        Subject.objects.filter(kind__in=PARTY_KINDS)
        .annotate(party_deadline=Subquery(own.values("deadline")[:1]), chosen=Exists(own))
        .annotate(deadline=Coalesce("party_deadline", Value(round.submission_deadline, output_field=DateField())))
    )
    return subjects, any(subject.chosen for subject in subjects)


def round_context(round: Round, subjects: list[SetupSubject], chosen: bool) -> RoundPage:
    """The round's setup: its parties with respondents, its questionnaires, and the checklist for opening
    (`subjects` and `chosen` as `setup_subjects` read them)."""
    parties = [subject for subject in subjects if subject.chosen or not chosen]
    respondents = respondents_by_subject(subjects)
    latest: dict[str, WithAnnotations[Questionnaire, QuestionCount]] = {}
    for questionnaire in round.questionnaires.annotate(question_count=Count("questions")).order_by("audience", "version"):
        latest[questionnaire.audience] = questionnaire
    checklist = round_checklist(round, parties=parties, respondents=respondents, audiences=set(latest))
    invite = reverse("people:invite")
    return {
        "round": round,
        "planned": round.status == RoundStatus.PLANNED and not round.is_published,
        "parties": [
            PartyRow(subject=subject, taking_part=subject.chosen or not chosen, respondents=respondents[subject.pk],
                     invite_url=f"{invite}?subject={subject.code}")
            for subject in subjects
        ],
        "taking_part": len(parties),
        "chosen": chosen,
        "questionnaires": [
            QuestionnaireRow(
                questionnaire=questionnaire, question_count=questionnaire.question_count,
                xlsx_url=reverse("rounds:questionnaire_download", args=[round.code, audience, "xlsx"]),
                yaml_url=reverse("rounds:questionnaire_download", args=[round.code, audience, "yaml"]),
                upload_url=reverse("rounds:questionnaire_upload", args=[round.code, audience]),
            )
            for audience, questionnaire in sorted(latest.items())
        ],
        "checklist": checklist,
        "checklist_ok": all(item.ok for item in checklist),
    }


def setup_initial(round: Round, subjects: list[SetupSubject], chosen: bool) -> dict:
    """The setup form as the round stands."""
    initial: dict[str, datetime.date | bool | None] = {
        "submission_deadline": round.submission_deadline, "verification_deadline": round.verification_deadline,
    }
    for subject in subjects:
        initial[f"party-{subject.code}"] = subject.chosen or not chosen
        initial[f"deadline-{subject.code}"] = subject.party_deadline
    return initial
