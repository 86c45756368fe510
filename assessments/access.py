"""Questionnaires as a user may see them: the lookups of the questionnaire pages, and what the user may do
with one questionnaire now (`assessment_access`).

The decisions are the access policy's (`regions.policy`); these helpers combine them with the
lookup, so a questionnaire you may not see answers 404, the same as one that does not exist,
and a write you may not do answers 403. Reads never write: a questionnaire that was never
started is started by an explicit POST (`assessment_start`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import Assessment, Evidence
from assessments.workflow import EDITABLE, steps_from
from framework.guards import round_is_read_only
from framework.models import Round
from framework.rounds import round_named
from regions.policy import Action, Area, permitted, require, responds_for, subject_for_user

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from accounts.models import User
    from core.workflow import Step
    from regions.models import Subject


@dataclass(frozen=True)
class AssessmentAccess:
    """What one user may do with one questionnaire now: the access policy's answers (`regions.policy`, asked
    once), the workflow's state and the round's guard (`framework.guards`) together. Built once per request by
    `assessment_access`; the fill-in page, the autosave fragment and their templates read it and nothing else."""

    # The user is one of the subject's respondents (an OVR or contact person of the region, the brigade's RMC).
    respondent: bool
    # Change answers, comments and diverging views, add evidence, carry answers over: the policy, a draft, and a
    # round that is not published.
    can_answer: bool
    # Sign and submit, while the answers may change (whether the user signed already is the page's data).
    can_sign: bool
    can_submit: bool
    # An inspector fills in on the respondents' behalf (the page says so; the history names the inspector).
    on_behalf: bool
    # The inspectors' workflow steps out of the current state (none in a published round).
    review_steps: tuple[Step, ...]
    # Why the questionnaire is shown read-only, in words; empty when the user may answer.
    read_only_reason: str | StrPromise
    # The questionnaire's export (CSV/XLSX) and the list of regions in the breadcrumbs.
    can_exchange: bool
    sees_region_list: bool

    @property
    def can_upload(self) -> bool:
        """Evidence is added by whoever may answer."""
        return self.can_answer


def assessment_access(user: User, assessment: Assessment) -> AssessmentAccess:
    """What `user` may do with `assessment` now (the caller found it through `assessment_for_user` or
    `questionnaire_subject`, so `user` may see it). Asks the policy once; no query beyond the user's own
    parties, which the policy reads once per request."""
    subject, round = assessment.subject, assessment.round
    allowed = permitted(user, subject)
    published = round_is_read_only(round)
    can_answer = Action.ANSWER in allowed and assessment.status == EDITABLE and not published
    respondent = responds_for(user, subject)
    return AssessmentAccess(
        respondent=respondent,
        can_answer=can_answer,
        can_sign=can_answer and Action.SIGN in allowed,
        can_submit=can_answer and Action.SUBMIT in allowed,
        # Who may answer without responding for the subject is an inspector.
        on_behalf=can_answer and not respondent,
        review_steps=tuple(steps_from(assessment.status, Action.REVIEW))
        if Action.REVIEW in allowed and not published else (),
        read_only_reason="" if can_answer else _read_only_reason(assessment, published=published,
                                                                   may_answer=Action.ANSWER in allowed),
        can_exchange=Action.EXCHANGE in allowed,
        sees_region_list=Action.REGION_LIST in allowed,
    )


def _read_only_reason(assessment: Assessment, *, published: bool, may_answer: bool) -> str | StrPromise:
    """Why the page shows the questionnaire read-only, in words."""
    if published:
        return gettext_lazy("Deze meting is gepubliceerd; de vragenlijst ligt vast.")
    if not may_answer:
        return gettext_lazy("U kunt deze vragenlijst inzien; invullen doen de respondenten en de inspectie.")
    return gettext_lazy("Deze vragenlijst heeft de status ‘%(status)s’ en kan niet meer worden gewijzigd.") % {
        "status": assessment.get_status_display()
    }


def may_start(user: User, round: Round, subject: Subject) -> bool:
    """Whether `user` may start `subject`'s questionnaire in `round` now: who may answer it, in a round that is not
    published (the caller checks that the round has a questionnaire for the subject)."""
    return Action.ANSWER in permitted(user, subject) and not round_is_read_only(round)


def round_from_query(value: str | None) -> Round:
    """The round named in `?round=`, else the current one; an unknown round (or no round at all) answers 404."""
    round = round_named(value) if value else Round.objects.current()
    if round is None:
        raise Http404(_("Er is nog geen meting."))
    return round


def questionnaire_subject(user: User, round_code: str, code: str, *, action: Action | None = None) -> tuple[Round, Subject]:
    """The round and subject of a questionnaire URL; 404 for a subject `user` may not see, 403 when
    `action` is given and `user` may not take it."""
    round = round_named(round_code)
    subject = subject_for_user(user, code, Area.QUESTIONNAIRE)
    if action is not None:
        require(user, action, subject)
    return round, subject


def assessment_of(round: Round, subject: Subject) -> Assessment | None:
    """The subject's assessment in `round`, None when it was never started (the caller checked access)."""
    return (
        Assessment.objects.select_related("round", "questionnaire", "subject__region__brigade", "subject__brigade")
        .filter(round=round, subject=subject)
        .first()
    )


def assessment_for_user(user: User, round_code: str, code: str, *, action: Action | None = None) -> Assessment:
    """The assessment of subject `code` in round `round_code` as `user` may see it; 404 when it was never started."""
    round, subject = questionnaire_subject(user, round_code, code, action=action)
    assessment = assessment_of(round, subject)
    if assessment is None:
        raise Http404(_("Voor deze meting is (nog) geen vragenlijst ingevuld."))
    return assessment


def question_of(assessment: Assessment, code: str):
    """A question of the assessment's questionnaire by its code; 404 when there is none."""
    question = assessment.questionnaire.questions.prefetch_related("choices").filter(code=code).first()
    if question is None:
        raise Http404(_("Deze vraag bestaat niet in deze vragenlijst."))
    return question


def evidence_for_user(user: User, assessment: Assessment, pk: int) -> Evidence:
    """An evidence document of an assessment `user` may already see; 404 otherwise."""
    evidence = Evidence.objects.filter(assessment=assessment, pk=pk).first()
    if evidence is None:
        raise Http404(_("Dit document bestaat niet."))
    return evidence
