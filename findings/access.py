"""Findings and verification as a user may see them: the lookups of the findings pages, and what the user may
do with one subject's findings now (`findings_access`).

The decisions are the access policy's (`regions.policy`): inspectors see and change everything; the
respondents of a region or brigade see its findings once they are sent for verification, and may only
agree or comment; ministry staff never see one subject's findings. A subject you may not see answers
404; a write you may not do answers 403.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from regions.policy import Action, Area, may, permitted, require, responds_for, subject_for_user

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


@dataclass(frozen=True)
class FindingsAccess:
    """What one user may do with one subject's findings in one round now: the access policy's answers
    (`regions.policy`, asked once) and the verification's state together. Built once per request by
    `findings_access`; the findings pages, their fragments and templates read it and nothing else."""

    # The inspectors' working text, before it is sent for verification (and the inspectors' part of the page).
    sees_drafts: bool
    # The findings and the interview report are shown: drafts to the inspectors, to the respondents once sent.
    shown: bool
    # Write findings, judgments and the interview report, cite and remove sources, send for verification.
    can_edit: bool
    # Answer the respondents' comments, close a verification.
    can_reply: bool
    # Agree or comment now: a respondent of the subject, while the verification is open for responses.
    can_respond: bool


def findings_access(user: User, subject: Subject, verification: Verification | None) -> FindingsAccess:
    """What `user` may do with `subject`'s findings (the caller found the subject through `findings_subject`, so
    `user` may see it); `verification` is the subject's in the round, None when its findings were never sent."""
    allowed = permitted(user, subject)
    sees_drafts = Action.FINDINGS_DRAFT in allowed
    sent = verification is not None and verification.status != VerificationStatus.NOT_SENT
    return FindingsAccess(
        sees_drafts=sees_drafts,
        shown=sees_drafts or sent,
        can_edit=Action.FINDINGS_EDIT in allowed,
        can_reply=Action.VERIFY_REPLY in allowed,
        can_respond=verification is not None and verification.status in OPEN_FOR_RESPONSES and Action.VERIFY in allowed,
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
    if not findings_access(user, report.subject, verification).shown:
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
