"""Who reads which round's national picture, recommendations and follow-ups: the one rule every national page,
file and API asks.

Inspectors read every round. The ministry reads a published round, and an unpublished one only while an
inspector shares it as a preview (`national.models.Preview`); any other round answers 404, exactly as one
that does not exist. Respondents (OVR, contact person, RMC) may not read the national pages at all: 403.
A round's recommendations, and the follow-ups established in it, are read by exactly those who read its picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from framework.models import Round, RoundQuerySet
from framework.rounds import round_named
from national.models import Preview
from regions.policy import Action, may, require

if TYPE_CHECKING:
    from accounts.models import User


def readable_rounds(user: User) -> RoundQuerySet:
    """The rounds whose national picture, recommendations and follow-ups `user` may read: every one for
    inspectors, the published and the shared ones for the ministry, none for anyone else."""
    if may(user, Action.NATIONAL_EDIT):
        return Round.objects.all()
    if not may(user, Action.NATIONAL):
        return Round.objects.none()
    return Round.objects.filter(Q(published_at__isnull=False) | Exists(Preview.objects.filter(round=OuterRef("pk"))))


def may_read_round(user: User, round: Round) -> bool:
    if may(user, Action.NATIONAL_EDIT):
        return True
    return round.is_published or is_previewed(round)


def picture_round_for_user(user: User, round_code: str) -> Round:
    """The round of `round_code` if `user` may read its national picture; 403 for a role that never may, 404
    for a round this user may not see (or that does not exist)."""
    require(user, Action.NATIONAL)
    round = round_named(round_code)
    if may_read_round(user, round):
        return round
    raise Http404(_("Deze meting bestaat niet of het landelijk beeld is nog niet vrijgegeven."))


def reader_round_from_query(user: User, value: str | None) -> Round | None:
    """The round named in `?round=` if `user` may read it (404 otherwise); without it the current round among
    those `user` may read (the open one, else the latest), or None when there is none yet."""
    require(user, Action.NATIONAL)
    if value:
        return picture_round_for_user(user, value)
    return readable_rounds(user).current()


def is_previewed(round: Round) -> bool:
    """Whether an inspector shares this unpublished round with the ministry as a preview."""
    return Preview.objects.filter(round=round).exists()
