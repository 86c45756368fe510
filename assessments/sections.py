"""The questionnaire links on a region page: one per round the user may open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.access import can_respond
from assessments.models import Assessment, Audience, Questionnaire, RoundStatus
from assessments.progress import percent_of
from assessments.querysets import with_visible_progress

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Region


def region_sections(user: User, region: Region) -> list[dict]:
    """Links for the region page: [{"title": str, "url": str, "detail": str}] (the caller checked the region)."""
    assessments = {
        a.round_id: a
        for a in with_visible_progress(Assessment.objects.filter(region=region)).select_related("round")
    }
    respondent = can_respond(user, region)
    sections = []
    rounds_with_questionnaire = (
        Questionnaire.objects.filter(audience=Audience.REGION).select_related("round").order_by("-round__year")
    )
    seen = set()
    for questionnaire in rounds_with_questionnaire:
        round = questionnaire.round
        if round.pk in seen:
            continue
        seen.add(round.pk)
        assessment = assessments.get(round.pk)
        if assessment is None and not (respondent and round.status == RoundStatus.OPEN):
            continue
        if assessment is None:
            detail = _("nog niet begonnen")
        else:
            percent = percent_of(assessment.answered, assessment.applicable)
            detail = _("%(status)s · %(percent)s%% beantwoord") % {
                "status": assessment.get_status_display(), "percent": percent}
        sections.append({
            "title": _("Vragenlijst %(year)s (%(kind)s)") % {"year": round.year, "kind": round.get_kind_display()},
            "url": reverse("assessments:fill", args=[round.year, region.code]),
            "detail": detail,
        })
    return sections



def brigade_sections(user: User, brigade) -> list[dict]:
    """Links to the brigade questionnaire per round (the caller checked the brigade)."""
    assessments = {a.round_id: a for a in Assessment.objects.filter(brigade=brigade).select_related("round")}
    respondent = can_respond(user, brigade)
    sections = []
    questionnaires = Questionnaire.objects.filter(audience=Audience.BRIGADE).select_related("round").order_by("-round__year")
    for round in dict.fromkeys(q.round for q in questionnaires):
        assessment = assessments.get(round.pk)
        if assessment is None and not (respondent and round.status == RoundStatus.OPEN):
            continue
        sections.append({
            "title": _("Brigadevragenlijst %(year)s (%(kind)s)") % {"year": round.year, "kind": round.get_kind_display()},
            "url": reverse("assessments:brigade_fill", args=[round.year, brigade.number]),
            "detail": assessment.get_status_display() if assessment else _("nog niet begonnen"),
        })
    return sections
