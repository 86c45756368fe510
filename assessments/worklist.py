"""The questionnaire work waiting for a user on the home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from assessments.guards import round_is_read_only
from assessments.models import Assessment, AssessmentStatus, Questionnaire, RoundStatus
from assessments.progress import percent_of
from assessments.querysets import with_visible_progress
from regions.models import Subject
from regions.policy import Action, may, respondent_filter

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import Round
    from core.contributions import WorkItem


def work_items(user: User, round: Round | None) -> list[WorkItem]:
    """Respondents: their own questionnaires of the open round; inspectors: submitted ones to review."""
    if round is None or not user.is_authenticated:
        return []
    if may(user, Action.REVIEW):
        return _to_review(round)
    own = respondent_filter(user)
    if own is None or round.status != RoundStatus.OPEN or round_is_read_only(round):
        return []
    kinds = set(Questionnaire.objects.filter(round=round).values_list("audience", flat=True))
    return [_respondent_item(round, subject) for subject in Subject.objects.filter(own, kind__in=kinds)]


def _respondent_item(round: Round, subject: Subject) -> WorkItem:
    assessment = with_visible_progress(Assessment.objects.filter(round=round, subject=subject)).first()
    label = _("Vragenlijst %(year)s voor %(subject)s") % {"year": round.year, "subject": subject}
    if assessment is None:
        detail = _("Nog niet begonnen")
    elif assessment.status == AssessmentStatus.DRAFT:
        percent = percent_of(assessment.answered, assessment.applicable)
        detail = _("%(percent)s%% beantwoord") % {"percent": percent}
    else:
        detail = _("Status: %(status)s") % {"status": assessment.get_status_display()}
    if (assessment is None or assessment.status == AssessmentStatus.DRAFT) and round.submission_deadline:
        detail += _(" · indienen vóór %(date)s") % {"date": date_format(round.submission_deadline, "SHORT_DATE_FORMAT")}
    return {"label": label, "url": reverse("assessments:fill", args=[round.year, subject.code]), "detail": detail}


def _to_review(round: Round) -> list[WorkItem]:
    submitted = (
        Assessment.objects.filter(round=round, status=AssessmentStatus.SUBMITTED)
        .select_related("round", "subject")
        .order_by("last_activity")
    )
    return [
        {
            "label": _("Ingediende vragenlijst %(subject)s: in beoordeling nemen") % {"subject": a.subject},
            "url": a.get_absolute_url(),
            "detail": _("Ingediend, laatste activiteit %(at)s")
            % {"at": date_format(timezone.localtime(a.last_activity), "SHORT_DATETIME_FORMAT")},
        }
        for a in submitted
    ]



