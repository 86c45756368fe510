"""Who sees the national picture of a round: the one lookup every national page calls.

Inspectors see every round. The ministry sees a published round, and an unpublished one only while an
inspector shares it as a preview (`national.models.Preview`); any other round answers 404, exactly as one
that does not exist. Respondents (OVR, contact person, RMC) may not read the national pages at all: 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.utils.translation import gettext as _

from framework.rounds import round_named
from national.models import Preview
from regions.policy import Action, may, require

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import Round


def picture_round_for_user(user: User, round_code: str) -> Round:
    """The round of `round_code` if `user` may read its national picture; 403 for a role that never may, 404
    for a round this user may not see (or that does not exist)."""
    require(user, Action.NATIONAL)
    round = round_named(round_code)
    if may(user, Action.NATIONAL_EDIT) or round.is_published or is_previewed(round):
        return round
    raise Http404(_("Deze meting bestaat niet of het landelijk beeld is nog niet vrijgegeven."))


def is_previewed(round: Round) -> bool:
    """Whether an inspector shares this unpublished round with the ministry as a preview."""
    return Preview.objects.filter(round=round).exists()
