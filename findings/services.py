"""Writes on findings, verification, conclusions and recommendations.

Every service is keyword-only, atomic, validates before it saves and records
history with the acting user in the same transaction.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from accounts.models import NotificationKind
from accounts.services import notify
from assessments.models import Answer, Evidence
from assessments.values import (
    MAX_FINDING,
    MAX_PARTICIPANTS,
    MAX_PASSAGE,
    MAX_REASON,
    MAX_REPORT,
    MAX_VERIFICATION,
    text_clean,
)
from core.errors import StaleEdit
from core.uploads import upload_check
from findings.models import (
    Citation,
    Finding,
    InterviewReport,
    Judgment,
    NationalConclusion,
    ReportAttachment,
    ResponseKind,
    Verification,
    VerificationItem,
    VerificationResponse,
    VerificationStatus,
)
from findings.suggestion import suggestion_for
from findings.workflow import CLOSE_STEP, OPEN_FOR_RESPONSES, verification_step
from framework.guards import require_round_writable
from framework.models import SuccessFactor
from regions.policy import Action, require, respondents

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from accounts.models import User
    from framework.models import Round
    from regions.models import Subject


def _check_subject(*, subject: Subject, success_factor: SuccessFactor) -> None:
    if success_factor.subject_kind != subject.kind:
        raise ValidationError(
            _("Succesfactor %(code)s wordt per %(kind)s beoordeeld, niet per %(subject_kind)s.")
            % {
                "code": success_factor.code,
                "kind": success_factor.get_subject_kind_display(),
                "subject_kind": subject.get_kind_display(),
            }
        )


def _require_reasoning(*, round: Round, subject: Subject, success_factor: SuccessFactor, text: str, judgment: str) -> None:
    """A judgment that departs from the one the answers suggest is saved only with its reasoning: the finding's
    text. Where no answer has a norm ("niet beoordeeld" suggested) nothing is suggested, so nothing departs."""
    if text:
        return
    suggested = suggestion_for(round=round, subject=subject, success_factor=success_factor).judgment
    if suggested != Judgment.NIET_BEOORDEELD and judgment != suggested:
        raise ValidationError(
            _("Het oordeel '%(judgment)s' wijkt af van het voorgestelde oordeel '%(suggested)s': onderbouw het in de "
              "bevinding.") % {"judgment": Judgment(judgment).label, "suggested": Judgment(suggested).label})


@transaction.atomic
def finding_save(
    *,
    round: Round,
    subject: Subject,
    success_factor: SuccessFactor,
    text: str,
    judgment: str,
    by: User | None,
    base_revision: int | None = None,
    reason: str = "",
) -> Finding:
    """Create or update the finding of one subject (region or brigade) for one success factor.

    Raises `ValidationError` for a wrong subject or judgment, and `StaleEdit` when
    `base_revision` is given, differs from the stored revision and the stored value
    differs from the proposed one. A judgment that departs from the suggested one (`findings.suggestion`) needs
    its reasoning in `text`. An unchanged value saves nothing. History records `by` and
    `reason`, which is stored in Dutch (mark it with gettext_noop) and translated when shown.
    """
    require(by, Action.FINDINGS_EDIT, subject)
    _check_subject(subject=subject, success_factor=success_factor)
    if judgment not in Judgment.values:
        raise ValidationError(_("Onbekend oordeel: %(value)s.") % {"value": judgment})
    text = text_clean(text, limit=MAX_FINDING)
    lookup = {"round": round, "subject": subject, "success_factor": success_factor}
    finding = Finding.objects.select_for_update().filter(**lookup).order_by().first()
    if finding is not None and finding.text == text and finding.judgment == judgment:
        return finding
    require_round_writable(round)
    if finding is None:
        _require_reasoning(round=round, subject=subject, success_factor=success_factor, text=text, judgment=judgment)
        finding = Finding(**lookup, text=text, judgment=judgment, revision=1, updated_by=by)
        finding._history_user = by
        finding._change_reason = reason or gettext_noop("aangemaakt")
        finding.save()
        return finding
    unchanged = finding.text == text and finding.judgment == judgment
    if unchanged:
        return finding
    _require_reasoning(round=round, subject=subject, success_factor=success_factor, text=text, judgment=judgment)
    if base_revision is not None and base_revision != finding.revision:
        raise StaleEdit(
            current={"text": finding.text, "judgment": finding.judgment},
            proposed={"text": text, "judgment": judgment},
            current_revision=finding.revision,
        )
    finding.text = text
    finding.judgment = judgment
    finding.revision += 1
    finding.updated_by = by
    finding._history_user = by
    finding._change_reason = reason or gettext_noop("gewijzigd")
    finding.save()
    return finding


@transaction.atomic
def report_save(
    *,
    round: Round,
    subject: Subject,
    held_on: datetime.date | None,
    participants: str,
    text: str,
    by: User,
    base_revision: int | None = None,
    attachment: UploadedFile | None = None,
) -> InterviewReport:
    """Create or update the gespreksverslag of a subject, optionally adding one attachment, which must pass the
    upload policy (`core.uploads`: size, type by content, name matching it) and is stored with the checked type.

    Refuses a stale `base_revision` with `StaleEdit` when the stored text differs from the proposed one,
    and any change in a published round.
    """
    require(by, Action.FINDINGS_EDIT, subject)
    lookup = {"round": round, "subject": subject}
    # An attachment is judged by its content, by the same policy as evidence; never by the type its uploader claims.
    checked = None if attachment is None else upload_check(attachment, max_bytes=settings.ATTACHMENT_MAX_BYTES)
    report = InterviewReport.objects.select_for_update().filter(**lookup).order_by().first()
    proposed = {
        "held_on": held_on,
        "participants": text_clean(participants, limit=MAX_PARTICIPANTS),
        "text": text_clean(text, limit=MAX_REPORT),
    }
    current = None if report is None else {"held_on": report.held_on, "participants": report.participants, "text": report.text}
    if current != proposed or attachment is not None:
        require_round_writable(round)
    if report is None or current is None:
        report = InterviewReport(**lookup, **proposed, revision=1, updated_by=by)
        report._history_user = by
        report.save()
    else:
        if current != proposed:
            if base_revision is not None and base_revision != report.revision:
                raise StaleEdit(current=current, proposed=proposed, current_revision=report.revision)
            for field, value in proposed.items():
                setattr(report, field, value)
            report.revision += 1
            report.updated_by = by
            report._history_user = by
            report.save()
    if attachment is not None and checked is not None:
        ReportAttachment.objects.create(
            report=report,
            file=attachment,
            original_name=(attachment.name or "")[:255],
            content_type=checked.content_type,
            size=checked.size,
            uploaded_by=by,
        )
    return report


@transaction.atomic
def verification_send(*, round: Round, subject: Subject, by: User) -> Verification:
    """Send a subject's findings and interview report to its respondents.

    Every success factor of the subject's kind needs a written finding; a subject without factors (a
    directorate) needs its interview report. The text of each item is frozen
    as sent, so the final text can be compared with it afterwards (hoor en wederhoor).
    """
    require(by, Action.FINDINGS_EDIT, subject)
    require_round_writable(round)
    lookup: dict[str, Any] = {"round": round, "subject": subject}
    verification, _created = Verification.objects.select_for_update().get_or_create(**lookup)
    if verification_step(verification.status, VerificationStatus.AWAITING) is None:
        raise ValidationError(_("Deze bevindingen zijn al ter verificatie verstuurd."))
    findings = {f.success_factor_id: f for f in Finding.objects.filter(**lookup).select_related("success_factor")}
    factors = SuccessFactor.objects.filter(framework_id=round.framework_id, subject_kind=subject.kind)
    missing = [sf.code for sf in factors if sf.pk not in findings or not findings[sf.pk].text]
    if missing:
        raise ValidationError(
            _("Schrijf eerst een bevinding voor elke succesfactor; ontbreekt: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    report = InterviewReport.objects.filter(**lookup).first()
    if not findings and (report is None or not report.text):
        # A directorate has no success factors: without its interview report there is nothing to verify.
        raise ValidationError(_("Schrijf eerst het gespreksverslag; er is niets om ter verificatie voor te leggen."))
    now = timezone.now()
    if report is not None:
        VerificationItem.objects.create(verification=verification, report=report, sent_text=report.text, sent_at=now)
    for finding in sorted(findings.values(), key=lambda f: f.success_factor.order):
        VerificationItem.objects.create(
            verification=verification, finding=finding, sent_text=finding.text, sent_judgment=finding.judgment, sent_at=now
        )
    verification.status = VerificationStatus.AWAITING
    verification.sent_at = now
    verification.sent_by = by
    verification._history_user = by
    verification._change_reason = gettext_noop("ter verificatie verstuurd")
    verification.save()
    notify(
        recipients=respondents(subject), kind=NotificationKind.FINDINGS_SENT, by=by,
        text=gettext_lazy("De bevindingen van %(subject)s (%(round)s) liggen ter verificatie bij u.")
        if findings else gettext_lazy("Het gespreksverslag van %(subject)s (%(round)s) ligt ter verificatie bij u."),
        params={"subject": subject, "round": round}, url=_verification_url(verification),
    )
    return verification


def _verification_url(verification: Verification) -> str:
    return reverse("findings:subject", args=[verification.round.code, verification.subject.code]) + "#verificatie"


def _verification_refresh(verification: Verification, *, by: User) -> Verification:
    """Derive the status from the items: open comments, every item answered, or still waiting.

    An item is answered when each respondent of the subject (`regions.policy.respondents`: a region's OVR and
    contact person, a brigade's RMC, a directorate's contact) responded to it; a comment counts once the
    inspectors answered it (an open one keeps the verification at "opmerkingen open"). A subject without any
    respondent account left needs one response per item. A verification the inspectors closed stays closed.
    """
    if verification.closed_at is not None:
        return verification
    required = list(respondents(verification.subject).values_list("pk", flat=True))
    counts = verification.items.aggregate(
        total=Count("pk", distinct=True),
        open_comments=Count(
            "responses", filter=Q(responses__kind=ResponseKind.COMMENT, responses__replied_at__isnull=True), distinct=True
        ),
    )
    answered = verification.items.annotate(
        by=Count("responses__respondent", filter=Q(responses__respondent__in=required) if required else Q(), distinct=True)
    ).filter(by__gte=len(required) or 1).count()
    if counts["open_comments"]:
        status = VerificationStatus.COMMENTS_OPEN
    elif counts["total"] and answered == counts["total"]:
        status = VerificationStatus.VERIFIED
    else:
        status = VerificationStatus.AWAITING
    if status != verification.status:
        if verification_step(verification.status, status) is None:
            raise ValidationError(_("Deze verificatie kan niet van %(from)s naar %(to)s.") % {
                "from": verification.get_status_display(), "to": VerificationStatus(status).label})
        verification.status = status
        verification.verified_at = timezone.now() if status == VerificationStatus.VERIFIED else None
        verification._history_user = by
        verification.save()
        if status == VerificationStatus.VERIFIED and verification.sent_by is not None:
            # The inspector who sent the findings: every item is answered and no comment is open.
            notify(
                recipients=[verification.sent_by], kind=NotificationKind.VERIFICATION_DONE, by=by,
                text=gettext_lazy("De verificatie van %(subject)s (%(round)s) is afgerond."),
                params={"subject": verification.subject, "round": verification.round},
                url=_verification_url(verification),
            )
    return verification


@transaction.atomic
def verification_respond(*, item: VerificationItem, by: User, kind: str, comment: str = "") -> VerificationResponse:
    """A respondent agrees with an item or comments on it; a later response of the same person replaces theirs."""
    verification = Verification.objects.select_for_update().select_related("round", "subject").get(pk=item.verification_id)
    require(by, Action.VERIFY, verification.subject)
    require_round_writable(verification.round)
    if verification.status not in OPEN_FOR_RESPONSES:
        raise ValidationError(_("Deze verificatie is afgerond; reageren kan niet meer."))
    if kind not in ResponseKind.values:
        raise ValidationError(_("Kies akkoord of opmerking."))
    comment = text_clean(comment, limit=MAX_VERIFICATION)
    if kind == ResponseKind.COMMENT and not comment:
        raise ValidationError(_("Schrijf uw opmerking."))
    response = VerificationResponse.objects.filter(item=item, respondent=by).first()
    if response is None:
        response = VerificationResponse(item=item, respondent=by)
    elif response.replied_at is not None:
        raise ValidationError(_("De inspectie heeft uw opmerking al beantwoord; u kunt hem niet meer wijzigen."))
    elif response.kind == kind and response.comment == (comment if kind == ResponseKind.COMMENT else ""):
        return response  # the same response saved again writes nothing
    response.kind = kind
    response.comment = comment if kind == ResponseKind.COMMENT else ""
    response._history_user = by
    response.save()
    _verification_refresh(verification, by=by)
    return response


@transaction.atomic
def verification_close(*, verification: Verification, by: User, reason: str) -> Verification:
    """The inspectors close a verification that waits for a respondent who does not respond, with a reason.

    It counts as verified from then on (the national picture counts it); who closed it, when and why are kept
    on the verification and in its history. Open comments are answered first.
    """
    verification = Verification.objects.select_for_update().select_related("round", "subject").get(pk=verification.pk)
    require(by, CLOSE_STEP.action, verification.subject)
    require_round_writable(verification.round)
    reason = text_clean(reason, limit=MAX_REASON)
    if verification.status == VerificationStatus.COMMENTS_OPEN:
        raise ValidationError(_("Beantwoord eerst de open opmerkingen; daarna kunt u de verificatie afsluiten."))
    if verification.status != CLOSE_STEP.source:
        raise ValidationError(_("Alleen een verificatie die op de respondenten wacht, kan worden afgesloten."))
    if not reason:
        raise ValidationError(_("Geef een reden op waarom u de verificatie afsluit."))
    now = timezone.now()
    verification.status = CLOSE_STEP.target
    verification.verified_at = now
    verification.closed_at = now
    verification.closed_by = by
    verification.closed_reason = reason
    verification._history_user = by
    verification._change_reason = gettext_noop("verificatie afgesloten door de inspectie")  # the reason is a field
    verification.save()
    return verification


@transaction.atomic
def response_reply(
    *,
    response: VerificationResponse,
    by: User,
    reply: str,
    resolution: str,
    text: str | None = None,
    judgment: str | None = None,
    base_revision: int | None = None,
) -> VerificationResponse:
    """The inspector answers a respondent's comment and amends the text or keeps it.

    With `resolution="amended"` the finding (or interview report) gets the new text; the frozen
    `sent_text` stays, so "as sent" and "final" can be compared.
    """
    item = response.item
    verification = Verification.objects.select_related("round", "subject").get(pk=item.verification_id)
    require(by, Action.VERIFY_REPLY, verification.subject)
    require_round_writable(verification.round)
    reply = text_clean(reply, limit=MAX_VERIFICATION)
    if response.kind != ResponseKind.COMMENT:
        raise ValidationError(_("Alleen een opmerking krijgt een antwoord."))
    if not reply:
        raise ValidationError(_("Schrijf een antwoord aan de respondent."))
    if resolution not in ("amended", "kept"):
        raise ValidationError(_("Kies of de tekst is aangepast of gehandhaafd."))
    if resolution == "amended":
        if item.finding is not None:
            finding = item.finding
            new_text = text if text is not None else finding.text
            new_judgment = judgment or finding.judgment
            if text_clean(new_text, limit=MAX_FINDING) == finding.text and new_judgment == finding.judgment:
                raise ValidationError(_("U koos 'tekst aangepast' maar de tekst en het oordeel zijn ongewijzigd."))
            finding_save(
                round=finding.round,
                subject=finding.subject,
                success_factor=finding.success_factor,
                text=new_text,
                judgment=new_judgment,
                by=by,
                base_revision=base_revision,
                reason=gettext_noop("aangepast na opmerking respondent"),
            )
        else:
            report = item.report
            assert report is not None, "an item is a finding or the report (verification_item_finding_xor_report)"
            if text is None or text_clean(text, limit=MAX_REPORT) == report.text:
                raise ValidationError(_("U koos 'tekst aangepast' maar de tekst is ongewijzigd."))
            report_save(
                round=report.round,
                subject=report.subject,
                held_on=report.held_on,
                participants=report.participants,
                text=text,
                by=by,
                base_revision=base_revision,
            )
    response.reply = reply
    response.resolution = resolution
    response.replied_by = by
    response.replied_at = timezone.now()
    response._history_user = by
    response.save()
    notify(
        recipients=[response.respondent], kind=NotificationKind.COMMENT_ANSWERED, by=by,
        text=gettext_lazy("De inspectie heeft uw opmerking bij de bevindingen van %(subject)s (%(round)s) beantwoord."),
        params={"subject": verification.subject, "round": verification.round}, url=_verification_url(verification),
    )
    _verification_refresh(Verification.objects.select_for_update().get(pk=item.verification_id), by=by)
    return response


def _citing_round(*, finding: Finding | None, conclusion: NationalConclusion | None) -> Round:
    if finding is not None:
        return finding.round
    assert conclusion is not None, "a citation belongs to a finding or a conclusion"
    return conclusion.round


@transaction.atomic
def citation_add(
    *,
    by: User,
    finding: Finding | None = None,
    conclusion: NationalConclusion | None = None,
    answer: Answer | None = None,
    report: InterviewReport | None = None,
    passage: str = "",
    evidence: Evidence | None = None,
    cited_finding: Finding | None = None,
) -> Citation:
    """Record what a finding or conclusion rests on (kept in history). A passage must be quoted verbatim
    from the report; nothing is cited in a published round."""
    if (finding is None) == (conclusion is None):
        raise ValidationError(_("Een bron hoort bij één bevinding of één conclusie."))
    require(by, Action.FINDINGS_EDIT if finding is not None else Action.NATIONAL_EDIT, finding.subject if finding else None)
    require_round_writable(_citing_round(finding=finding, conclusion=conclusion))
    passage = text_clean(passage, limit=MAX_PASSAGE)
    if passage and report is None:
        raise ValidationError(_("Een passage komt uit een gespreksverslag."))
    if report is not None:
        if not passage:
            raise ValidationError(_("Citeer de passage uit het gespreksverslag."))
        if " ".join(passage.split()) not in " ".join(report.text.split()):
            raise ValidationError(_("Deze passage staat niet letterlijk in het gespreksverslag."))
    if not any([answer, report, evidence, cited_finding]):
        raise ValidationError(_("Kies een antwoord, een passage of een document als bron."))
    citation = Citation(
        finding=finding,
        conclusion=conclusion,
        answer=answer,
        report=report,
        passage=passage,
        evidence=evidence,
        cited_finding=cited_finding,
        created_by=by,
    )
    citation._history_user = by
    citation.save()
    return citation


@transaction.atomic
def citation_delete(*, citation: Citation, by: User) -> None:
    """Remove a citation (the history keeps it, with who removed it); not in a published round."""
    finding, conclusion = citation.finding, citation.conclusion
    require(by, Action.FINDINGS_EDIT if finding is not None else Action.NATIONAL_EDIT, finding.subject if finding else None)
    require_round_writable(_citing_round(finding=finding, conclusion=conclusion))
    citation._history_user = by
    citation.delete()
