"""The questionnaire work waiting for a user on the home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role
from assessments.models import Assessment, AssessmentStatus, Audience, Questionnaire, RoundStatus
from assessments.progress import percent_of
from assessments.querysets import with_visible_progress

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import Round
    from cmsaudit.worklist import WorkItem


def work_items(user: User, round: Round | None) -> list[WorkItem]:
    """OVR/contact person: their region's questionnaire; RMC: the brigade's; inspector: submitted ones to review."""
    if round is None or not user.is_authenticated:
        return []
    if user.is_inspector:
        return _to_review(round)
    if round.status != RoundStatus.OPEN:
        return []
    if user.role in (Role.OVR, Role.CONTACT):
        return [_respondent_item(round, region=region) for region in user.regions.order_by("code")
                if _has_questionnaire(round, Audience.REGION)]
    if user.role == Role.RMC and user.brigade_id and _has_questionnaire(round, Audience.BRIGADE):
        return [_respondent_item(round, brigade=user.brigade)]
    return []


def _has_questionnaire(round: Round, audience: str) -> bool:
    return Questionnaire.objects.filter(round=round, audience=audience).exists()


def _respondent_item(round: Round, *, region=None, brigade=None) -> WorkItem:
    key = {"region": region} if region is not None else {"brigade": brigade}
    assessment = with_visible_progress(Assessment.objects.filter(round=round, **key)).first()
    if region is not None:
        url = reverse("assessments:fill", args=[round.year, region.code])
        label = _("Vragenlijst %(year)s voor %(code)s %(name)s") % {"year": round.year, "code": region.code,
                                                                     "name": region.name}
    else:
        url = reverse("assessments:brigade_fill", args=[round.year, brigade.number])
        label = _("Vragenlijst %(year)s voor %(name)s") % {"year": round.year, "name": brigade.name}
    if assessment is None:
        detail = _("Nog niet begonnen")
    elif assessment.status == AssessmentStatus.DRAFT:
        percent = percent_of(assessment.answered, assessment.applicable)
        detail = _("%(percent)s%% beantwoord") % {"percent": percent}
    else:
        detail = _("Status: %(status)s") % {"status": assessment.get_status_display()}
    if (assessment is None or assessment.status == AssessmentStatus.DRAFT) and round.submission_deadline:
        detail += _(" · indienen vóór %(date)s") % {"date": date_format(round.submission_deadline, "SHORT_DATE_FORMAT")}
    return {"label": label, "url": url, "detail": detail}


def _to_review(round: Round) -> list[WorkItem]:
    submitted = (
        Assessment.objects.filter(round=round, status=AssessmentStatus.SUBMITTED)
        .select_related("round", "region", "brigade")
        .order_by("last_activity")
    )
    return [
        {
            "label": _("Ingediende vragenlijst %(code)s %(name)s: in beoordeling nemen")
            % {"code": a.subject_code, "name": a.subject.name},
            "url": a.get_absolute_url(),
            "detail": _("Ingediend, laatste activiteit %(at)s")
            % {"at": date_format(timezone.localtime(a.last_activity), "SHORT_DATETIME_FORMAT")},
        }
        for a in submitted
    ]
