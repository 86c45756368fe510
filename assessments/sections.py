"""The questionnaire links on a subject's page: one per round the user may open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.models import Assessment, Questionnaire
from assessments.progress import percent_of
from assessments.querysets import with_visible_progress
from framework.guards import round_is_read_only
from regions.policy import Action, Area, may, visible_subjects

if TYPE_CHECKING:
    from accounts.models import User
    from core.contributions import Section
    from regions.models import Subject


def subject_sections(user: User, subject: Subject) -> list[Section]:
    """Links for the subject page (the caller checked that `user` may see the subject)."""
    if not visible_subjects(user, Area.QUESTIONNAIRE).filter(pk=subject.pk).exists():
        return []
    assessments = {
        a.round_id: a for a in with_visible_progress(Assessment.objects.filter(subject=subject)).select_related("round")
    }
    may_answer = may(user, Action.ANSWER, subject)
    questionnaires = Questionnaire.objects.filter(audience=subject.kind).select_related("round").order_by("-round__year")
    sections: list[Section] = []
    for round in dict.fromkeys(q.round for q in questionnaires):
        assessment = assessments.get(round.pk)
        if assessment is None and not (may_answer and not round_is_read_only(round) and round.status == "open"):
            continue
        if assessment is None:
            detail = _("nog niet begonnen")
        else:
            percent = percent_of(assessment.answered, assessment.applicable)
            detail = _("%(status)s · %(percent)s%% beantwoord") % {
                "status": assessment.get_status_display(), "percent": percent}
        sections.append({
            "title": _("Vragenlijst %(year)s (%(kind)s)") % {"year": round.year, "kind": round.get_kind_display()},
            "url": reverse("assessments:fill", args=[round.code, subject.code]),
            "detail": detail,
        })
    return sections
