"""The findings links on a region's page, per round, for those who may open them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.models import Round
from findings.access import findings_region_scope
from findings.models import VerificationStatus

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Region


def region_sections(user: User, region: Region) -> list[dict]:
    """Links for the region page: [{"title": str, "url": str, "detail": str}]."""
    if not findings_region_scope(user, type(region).objects.filter(pk=region.pk)).exists():
        return []
    rounds = Round.objects.prefetch_related("verifications").order_by("-year")
    if user.is_inspector:
        rounds = rounds.filter(Q(findings__region=region) | Q(status="open")).distinct()
    else:
        rounds = rounds.filter(verifications__region=region).exclude(verifications__status=VerificationStatus.NOT_SENT).distinct()
    sections = []
    for round in rounds:
        verification = next((v for v in round.verifications.all() if v.region_id == region.pk), None)
        status = verification.get_status_display() if verification else VerificationStatus.NOT_SENT.label
        sections.append(
            {
                "title": _("Bevindingen en oordelen %(year)s") % {"year": round.year},
                "url": reverse("findings:region", args=[round.year, region.code]),
                "detail": _("verificatie: %(status)s") % {"status": status},
            }
        )
    return sections


def brigade_sections(user: User, brigade) -> list[dict]:
    """Links to the brigade's findings (3.3.1, 3.3.2) per round, once the user may read them."""
    sections = []
    for round in Round.objects.filter(Q(findings__brigade=brigade) | Q(verifications__brigade=brigade)).distinct().order_by("-year"):
        verification = round.verifications.filter(brigade=brigade).first()
        if not user.is_inspector and (verification is None or verification.status == VerificationStatus.NOT_SENT):
            continue
        status = verification.get_status_display() if verification else VerificationStatus.NOT_SENT.label
        sections.append(
            {
                "title": _("Bevindingen en oordelen %(year)s") % {"year": round.year},
                "url": reverse("findings:brigade", args=[round.year, brigade.number]),
                "detail": _("verificatie: %(status)s") % {"status": status},
            }
        )
    return sections
