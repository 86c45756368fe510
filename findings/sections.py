"""The findings links on a subject's page, per round, for those who may open them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from findings.models import VerificationStatus
from framework.models import Round
from regions.models import SubjectKind
from regions.policy import Action, Area, may, visible_subjects

if TYPE_CHECKING:
    from accounts.models import User
    from core.contributions import Section
    from regions.models import Subject


def subject_sections(user: User, subject: Subject) -> list[Section]:
    """Links for the subject page: one per round with findings the user may read."""
    if not visible_subjects(user, Area.FINDINGS).filter(pk=subject.pk).exists():
        return []
    drafts = may(user, Action.FINDINGS_DRAFT)
    rounds = Round.objects.order_by("-year")
    if drafts:
        rounds = rounds.filter(
            Q(findings__subject=subject) | Q(interview_reports__subject=subject) | Q(verifications__subject=subject)
            | Q(status="open")
        )
    else:
        # One condition on the same verification (an exclude() would drop a round in which any other subject is unsent).
        sent = [status for status in VerificationStatus.values if status != VerificationStatus.NOT_SENT]
        rounds = rounds.filter(verifications__subject=subject, verifications__status__in=sent)
    sections: list[Section] = []
    for round in rounds.distinct():
        verification = round.verifications.filter(subject=subject).first()
        status = verification.get_status_display() if verification else VerificationStatus.NOT_SENT.label
        # A directorate has no success factors of its own: its page is the interview report alone.
        title = _("Gespreksverslag %(year)s") if subject.kind == SubjectKind.DIRECTORATE else _("Bevindingen en oordelen %(year)s")
        sections.append({
            "title": title % {"year": round.year},
            "url": reverse("findings:subject", args=[round.code, subject.code]),
            "detail": _("verificatie: %(status)s") % {"status": status},
        })
    return sections
