"""The round-level work on the home page: a round whose fieldwork is done waits to be published."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _

from national.queries import verified_counts
from regions.models import Subject, SubjectKind
from regions.policy import Action, may

if TYPE_CHECKING:
    from accounts.models import User
    from core.contributions import WorkItem
    from framework.models import Round


def work_items(user: User, round: Round | None) -> list[WorkItem]:
    """Inspectors: the current round, as long as it is not published, with how far verification has come."""
    if round is None or round.published_at is not None or not may(user, Action.NATIONAL_EDIT):
        return []
    verified = verified_counts(round)["verified_regions"]
    total = Subject.objects.filter(kind=SubjectKind.REGION).count()
    return [{
        "label": _("Meting %(year)s wacht op publicatie") % {"year": round.year},
        "url": reverse("national:publish", args=[round.code]),
        "detail": _("%(verified)s van %(total)s regio's geverifieerd") % {"verified": verified, "total": total},
    }]
