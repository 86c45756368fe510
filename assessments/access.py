"""Questionnaires as a user may see them: the lookups of the questionnaire pages.

The decisions are the access policy's (`regions.policy`); these helpers combine them with the
lookup, so a questionnaire you may not see answers 404, the same as one that does not exist,
and a write you may not do answers 403. Reads never write: a questionnaire that was never
started is started by an explicit POST (`assessment_start`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.utils.translation import gettext as _

from assessments.models import Assessment, Evidence
from framework.models import Round
from framework.rounds import round_named
from regions.policy import Action, Area, require, subject_for_user

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Subject


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
