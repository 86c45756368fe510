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

from findings.models import (
    Citation,
    Finding,
    ReportAttachment,
    Verification,
    VerificationItem,
    VerificationResponse,
    VerificationStatus,
)
from findings.workflow import OPEN_FOR_RESPONSES
from framework.models import Round
from framework.rounds import round_named
from regions.policy import Action, Area, may, require, responds_for, subject_for_user

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Subject



def findings_subject(user: User, round_code: str, code: str, *, action: Action | None = None) -> tuple[Round, Subject]:
    """The round and subject of a findings URL; 404 for what `user` may not see, 403 for an action not theirs."""
    round = round_named(round_code)
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


def _object_or_404(queryset, pk: int, message: str):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404(message)
    return found


def finding_for_user(user: User, pk: int, *, action: Action | None = None) -> Finding:
    """A finding of a subject `user` may open the findings of; 404 otherwise (403 for an action not theirs)."""
    finding = _object_or_404(
        Finding.objects.select_related("round", "subject", "success_factor"), pk,
        _("Deze bevinding bestaat niet of u heeft er geen toegang toe."),
    )
    findings_subject(user, finding.round.code, finding.subject.code, action=action)
    return finding


def item_for_user(user: User, pk: int, *, action: Action) -> VerificationItem:
    """An item sent for verification, for a user who may see it and take `action` on it."""
    item = _object_or_404(
        VerificationItem.objects.select_related("verification__round", "verification__subject", "finding", "report"), pk,
        _("Dit onderdeel bestaat niet of u heeft er geen toegang toe."),
    )
    verification_for_user(user, item.verification)
    findings_subject(user, item.verification.round.code, item.verification.subject.code, action=action)
    return item


def response_for_user(user: User, pk: int, *, action: Action) -> VerificationResponse:
    response = _object_or_404(
        VerificationResponse.objects.select_related("item__verification__round", "item__verification__subject"), pk,
        _("Deze reactie bestaat niet of u heeft er geen toegang toe."),
    )
    verification_for_user(user, response.item.verification)
    verification = response.item.verification
    findings_subject(user, verification.round.code, verification.subject.code, action=action)
    return response


def attachment_for_user(user: User, pk: int) -> ReportAttachment:
    """An interview report's attachment, for whoever may read the report's text."""
    attachment = _object_or_404(
        ReportAttachment.objects.select_related("report__round", "report__subject"), pk,
        _("Deze bijlage bestaat niet of u heeft er geen toegang toe."),
    )
    report = attachment.report
    findings_subject(user, report.round.code, report.subject.code)
    verification = Verification.objects.filter(round=report.round, subject=report.subject).first()
    if not sees_findings_text(user, verification):
        raise Http404(_("Deze bijlage bestaat niet of u heeft er geen toegang toe."))
    return attachment


def citation_for_user(user: User, pk: int) -> Citation:
    """A citation `user` may remove: of a finding (its subject's findings editor) or of a conclusion (national editor)."""
    citation = _object_or_404(
        Citation.objects.select_related(
            "finding__round", "finding__subject", "finding__success_factor", "conclusion__round", "conclusion__success_factor"
        ), pk, _("Deze bron bestaat niet."),
    )
    if citation.finding_id:
        findings_subject(user, citation.finding.round.code, citation.finding.subject.code, action=Action.FINDINGS_EDIT)
    else:
        require(user, Action.NATIONAL_EDIT)
    return citation
