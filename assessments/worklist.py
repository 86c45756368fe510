"""The questionnaire work waiting for a user on the home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import Assessment, AssessmentStatus, Questionnaire
from assessments.progress import percent_of
from assessments.querysets import with_visible_progress
from framework.guards import round_is_read_only
from framework.models import RoundStatus, round_parties
from regions.models import Subject
from regions.policy import Action, may, respondent_filter

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from accounts.models import User
    from assessments.querysets import AssessmentWithProgress
    from core.contributions import WorkItem
    from framework.models import Party, Round

S = AssessmentStatus

# What the inspectors do next with a questionnaire in each state (a final one is no work).
INSPECTOR_NEXT: dict[str, StrPromise] = {
    S.DRAFT: gettext_lazy("Vragenlijst %(subject)s is nog een concept bij de respondenten"),
    S.SUBMITTED: gettext_lazy("Ingediende vragenlijst %(subject)s: in beoordeling nemen"),
    S.IN_REVIEW: gettext_lazy("Vragenlijst %(subject)s is in beoordeling: ter verificatie voorleggen of terugsturen"),
    S.VERIFICATION: gettext_lazy("Vragenlijst %(subject)s staat op verificatie: definitief maken na de verificatie"),
}


def work_items(user: User, round: Round | None) -> list[WorkItem]:
    """Respondents: their own questionnaire while they can still fill it in; inspectors: every questionnaire
    of the round that is not final, with what comes next. A published round is no work."""
    if round is None or not user.is_authenticated or round_is_read_only(round):
        return []
    if may(user, Action.REVIEW):
        return _inspector_items(round)
    own = respondent_filter(user)
    if own is None or round.status != RoundStatus.OPEN:
        return []
    kinds = set(Questionnaire.objects.filter(round=round).values_list("audience", flat=True))
    assessments = {
        a.subject_id: a
        for a in with_visible_progress(Assessment.objects.filter(round=round, subject__in=Subject.objects.filter(own)))
    }
    items = []
    for subject in round_parties(round).filter(own, kind__in=kinds):
        assessment = assessments.get(subject.pk)
        if assessment is None or assessment.status == S.DRAFT:
            items.append(_respondent_item(round, subject, assessment))
    return items


def _respondent_item(round: Round, subject: Party, assessment: AssessmentWithProgress | None) -> WorkItem:
    label = _("Vragenlijst %(year)s voor %(subject)s invullen") % {"year": round.year, "subject": subject}
    if assessment is None:
        detail = _("Nog niet begonnen")
    else:
        detail = _("%(percent)s%% beantwoord") % {"percent": percent_of(assessment.answered, assessment.applicable)}
    # The party's own deadline (the round's setup page), else the round's (framework.models.round_parties).
    if subject.deadline:
        detail += _(" · indienen vóór %(date)s") % {"date": date_format(subject.deadline, "j F Y")}
    return {"label": label, "url": reverse("assessments:fill", args=[round.code, subject.code]), "detail": detail}


def _inspector_items(round: Round) -> list[WorkItem]:
    waiting = (
        with_visible_progress(Assessment.objects.filter(round=round).exclude(status=S.FINAL))
        .select_related("round", "subject")
        .order_by("subject__order")
    )
    items: list[WorkItem] = []
    for assessment in waiting:
        detail = _("%(percent)s%% beantwoord · laatste activiteit %(at)s") % {
            "percent": percent_of(assessment.answered, assessment.applicable),
            "at": date_format(timezone.localtime(assessment.last_activity), "j F Y H:i"),
        }
        items.append({
            "label": INSPECTOR_NEXT[assessment.status] % {"subject": assessment.subject},
            "url": assessment.get_absolute_url(),
            "detail": detail,
        })
    return items
