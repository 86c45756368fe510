"""Findings and verification as a user may see them: the lookups of the findings pages.

The decisions are the access policy's (`regions.policy`): inspectors see and change everything; the
respondents of a region or brigade see its findings once they are sent for verification, and may only
agree or comment; ministry staff never see one subject's findings. A subject you may not see answers
404; a write you may not do answers 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.utils.translation import gettext as _

from assessments.access import round_for_year
from assessments.models import Round
from findings.models import Verification, VerificationStatus
from findings.workflow import OPEN_FOR_RESPONSES
from regions.policy import Action, Area, may, require, responds_for, subject_for_user

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Subject



def round_from_query(value: str | None) -> Round | None:
    """The round named in `?round=`, else the current one; an unknown year answers 404."""
    if value:
        return round_for_year(value)
    return Round.objects.current()


def findings_subject(user: User, year: int | str, code: str, *, action: Action | None = None) -> tuple[Round, Subject]:
    """The round and subject of a findings URL; 404 for what `user` may not see, 403 for an action not theirs."""
    round = round_for_year(year)
    subject = subject_for_user(user, code, Area.FINDINGS)
    if action is not None:
        require(user, action, subject)
    return round, subject


def sees_findings_text(user: User, verification: Verification | None) -> bool:
    """Draft findings are the inspectors' working text; respondents see them once sent for verification."""
    if may(user, Action.FINDINGS_DRAFT):
        return True
    return verification is not None and verification.status != VerificationStatus.NOT_SENT


def may_respond(user: User, verification: Verification | None) -> bool:
    """Whether `user` may agree or comment now: a respondent of the subject, while responses are open."""
    return (
        verification is not None
        and verification.status in OPEN_FOR_RESPONSES
        and may(user, Action.VERIFY, verification.subject)
    )


def verification_for_user(user: User, verification: Verification) -> Verification:
    """404 unless `user` may see this verification's subject and its findings have been sent to them."""
    if may(user, Action.FINDINGS_DRAFT):
        return verification
    if responds_for(user, verification.subject) and verification.status != VerificationStatus.NOT_SENT:
        return verification
    raise Http404(_("Deze bevindingen bestaan niet of u heeft er geen toegang toe."))
