"""Who may see, fill in and move a questionnaire: decided here and nowhere else.

Built on accounts.roles. Inspectors read every assessment and move it through the workflow.
The OVR and contact person of a region read and fill in that region's assessment; an RMC
reads the assessments of their brigade's regions and fills in their brigade's own.
Ministry staff never see a single assessment. An assessment you may not see answers 404,
the same as one that does not exist; a write you may not do answers 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.roles import brigade_for_user, region_for_user
from assessments.models import Assessment, Evidence, Round, RoundStatus

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Brigade, Region


def round_for_year(year: int | str) -> Round:
    try:
        return Round.objects.get(year=int(year))
    except (Round.DoesNotExist, TypeError, ValueError):
        raise Http404(_("Deze meting bestaat niet.")) from None


def can_respond(user: User, subject: Region | Brigade) -> bool:
    """Whether `user` is a respondent for `subject`: OVR/contact of the region, RMC of the brigade."""
    from regions.models import Region

    if not user.is_authenticated:
        return False
    if isinstance(subject, Region):
        return user.role in (Role.OVR, Role.CONTACT) and user.regions.filter(pk=subject.pk).exists()
    return user.role == Role.RMC and user.brigade_id == subject.pk


def subject_for_user(user: User, *, code: str | None = None, number: int | None = None) -> Region | Brigade:
    """The region (by code) or brigade (by number) that `user` may see; 404 otherwise."""
    if code is not None:
        return region_for_user(user, code)
    return brigade_for_user(user, number)


def assessment_for_user(user: User, year: int | str, region_code: str, *, write: bool = False) -> Assessment:
    """The region's assessment in round `year`, as `user` may see it (see `assessment_for_subject`)."""
    return assessment_for_subject(user, round_for_year(year), region_for_user(user, region_code), write=write)


def brigade_assessment_for_user(user: User, year: int | str, number: int | str, *, write: bool = False) -> Assessment:
    return assessment_for_subject(user, round_for_year(year), brigade_for_user(user, number), write=write)


def assessment_from_url(user: User, *, year: int, code: str | None = None, number: int | None = None,
                        write: bool = False) -> Assessment:
    """The assessment named by a URL (`code` for a region, `number` for a brigade)."""
    return assessment_for_subject(user, round_for_year(year), subject_for_user(user, code=code, number=number), write=write)


def assessment_for_subject(user: User, round: Round, subject: Region | Brigade, *, write: bool = False) -> Assessment:
    """The assessment of `subject` in `round`.

    A respondent opening the questionnaire of an open round for the first time starts it (the
    assessment is created); anyone else gets 404 for one that was never started. With
    `write=True` only the respondents pass (403 for readers); whether the assessment still
    accepts changes (draft) is the services' decision, so the refusal can name the status.
    """
    from assessments.services import assessment_get_or_create
    from regions.models import Region

    respondent = can_respond(user, subject)
    if write and not respondent:
        raise PermissionDenied(_("U mag deze vragenlijst bekijken maar niet wijzigen."))
    key = {"region": subject} if isinstance(subject, Region) else {"brigade": subject}
    assessment = (
        Assessment.objects.select_related("round", "questionnaire", "region__brigade", "brigade")
        .filter(round=round, **key)
        .first()
    )
    if assessment is None and respondent and round.status == RoundStatus.OPEN:
        assessment = assessment_get_or_create(round=round, by=user, **key)
    if assessment is None:
        raise Http404(_("Voor deze meting is (nog) geen vragenlijst ingevuld."))
    return assessment


def may_transition(user: User) -> bool:
    return user.is_authenticated and user.is_inspector


def evidence_for_user(user: User, assessment: Assessment, pk: int) -> Evidence:
    """An evidence document of an assessment `user` may already see; 404 otherwise."""
    evidence = Evidence.objects.filter(assessment=assessment, pk=pk).first()
    if evidence is None:
        raise Http404(_("Dit document bestaat niet."))
    return evidence
