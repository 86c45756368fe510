"""Writes on findings, verification, conclusions and recommendations.

Every service is keyword-only, atomic, validates before it saves and records
history with the acting user in the same transaction.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessments.models import Answer, Evidence, SuccessFactor
from findings.models import (
    Citation,
    DraftRule,
    Finding,
    FollowUp,
    InterviewReport,
    Judgment,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
    ReportAttachment,
    ResponseKind,
    RuleKind,
    Verification,
    VerificationItem,
    VerificationResponse,
    VerificationStatus,
)

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from accounts.models import User
    from assessments.models import Round
    from regions.models import Brigade, Region


class StaleEdit(Exception):
    """A save based on an older revision whose value differs from what is stored now.

    `current` is what is stored, `proposed` what the user sent; both are shown so nothing is lost.
    """

    def __init__(self, *, current: dict, proposed: dict, current_revision: int):
        self.current = current
        self.proposed = proposed
        self.current_revision = current_revision
        super().__init__(_("Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen."))


def _check_subject(*, region: Region | None, brigade: Brigade | None, success_factor: SuccessFactor) -> None:
    if (region is None) == (brigade is None):
        raise ValidationError(_("Een bevinding hoort bij precies één veiligheidsregio of één brigade."))
    expected = "region" if region is not None else "brigade"
    if success_factor.subject != expected:
        if expected == "region":
            raise ValidationError(
                _("Succesfactor %(code)s wordt per brigade beoordeeld, niet per veiligheidsregio.") % {"code": success_factor.code}
            )
        raise ValidationError(
            _("Succesfactor %(code)s wordt per veiligheidsregio beoordeeld, niet per brigade.") % {"code": success_factor.code}
        )


@transaction.atomic
def finding_save(
    *,
    round: Round,
    region: Region | None = None,
    brigade: Brigade | None = None,
    success_factor: SuccessFactor,
    text: str,
    judgment: str,
    by: User,
    base_revision: int | None = None,
    reason: str = "",
) -> Finding:
    """Create or update the finding of one region (or brigade) for one success factor.

    Raises `ValidationError` for a wrong subject or judgment, and `StaleEdit` when
    `base_revision` is given, differs from the stored revision and the stored value
    differs from the proposed one. An unchanged value saves nothing. History records `by` and
    `reason`, which is stored in Dutch (mark it with gettext_noop) and translated when shown.
    """
    _check_subject(region=region, brigade=brigade, success_factor=success_factor)
    if judgment not in Judgment.values:
        raise ValidationError(_("Onbekend oordeel: %(value)s.") % {"value": judgment})
    text = (text or "").strip()
    lookup = {"round": round, "success_factor": success_factor}
    lookup.update({"region": region} if region is not None else {"brigade": brigade})
    finding = Finding.objects.select_for_update().filter(**lookup).order_by().first()
    if finding is not None and finding.text == text and finding.judgment == judgment:
        return finding
    if round.published_at is not None:
        # The published national picture rests on these judgments; they no longer change.
        raise ValidationError(_("Meting %(year)s is gepubliceerd; de bevindingen liggen vast.") % {"year": round.year})
    if finding is None:
        finding = Finding(**lookup, text=text, judgment=judgment, revision=1, updated_by=by)
        finding._history_user = by
        finding._change_reason = reason or gettext_noop("aangemaakt")
        finding.save()
        return finding
    unchanged = finding.text == text and finding.judgment == judgment
    if unchanged:
        return finding
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


def _subject_lookup(*, region: Region | None, brigade: Brigade | None) -> dict:
    if (region is None) == (brigade is None):
        raise ValidationError(_("Kies precies één veiligheidsregio of één brigade."))
    return {"region": region} if region is not None else {"brigade": brigade}


MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


@transaction.atomic
def report_save(
    *,
    round: Round,
    region: Region | None = None,
    brigade: Brigade | None = None,
    held_on: datetime.date | None,
    participants: str,
    text: str,
    by: User,
    base_revision: int | None = None,
    attachment: UploadedFile | None = None,
) -> InterviewReport:
    """Create or update the gespreksverslag of a region or brigade, optionally adding one attachment.

    Refuses a stale `base_revision` with `StaleEdit` when the stored text differs from the proposed one.
    """
    lookup = {"round": round, **_subject_lookup(region=region, brigade=brigade)}
    if attachment is not None and attachment.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("De bijlage is groter dan 20 MB."))
    report = InterviewReport.objects.select_for_update().filter(**lookup).order_by().first()
    proposed = {"held_on": held_on, "participants": participants.strip(), "text": text.strip()}
    if report is None:
        report = InterviewReport(**lookup, **proposed, revision=1, updated_by=by)
        report._history_user = by
        report.save()
    else:
        current = {"held_on": report.held_on, "participants": report.participants, "text": report.text}
        if current != proposed:
            if base_revision is not None and base_revision != report.revision:
                raise StaleEdit(current=current, proposed=proposed, current_revision=report.revision)
            for field, value in proposed.items():
                setattr(report, field, value)
            report.revision += 1
            report.updated_by = by
            report._history_user = by
            report.save()
    if attachment is not None:
        ReportAttachment.objects.create(
            report=report,
            file=attachment,
            original_name=attachment.name[:255],
            content_type=(getattr(attachment, "content_type", "") or "application/octet-stream")[:100],
            size=attachment.size,
            uploaded_by=by,
        )
    return report


def _factors_for(*, region: Region | None) -> list[SuccessFactor]:
    subject = "region" if region is not None else "brigade"
    return list(SuccessFactor.objects.filter(subject=subject))


@transaction.atomic
def verification_send(*, round: Round, region: Region | None = None, brigade: Brigade | None = None, by: User) -> Verification:
    """Send a region's (or brigade's) findings and interview report to its respondents.

    Every success factor of the subject needs a written finding. The text of each item is frozen
    as sent, so the final text can be compared with it afterwards (hoor en wederhoor).
    """
    lookup = {"round": round, **_subject_lookup(region=region, brigade=brigade)}
    verification, _created = Verification.objects.select_for_update().get_or_create(**lookup)
    if verification.status != VerificationStatus.NOT_SENT:
        raise ValidationError(_("Deze bevindingen zijn al ter verificatie verstuurd."))
    findings = {f.success_factor_id: f for f in Finding.objects.filter(**lookup).select_related("success_factor")}
    missing = [sf.code for sf in _factors_for(region=region) if sf.pk not in findings or not findings[sf.pk].text]
    if missing:
        raise ValidationError(
            _("Schrijf eerst een bevinding voor elke succesfactor; ontbreekt: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    now = timezone.now()
    report = InterviewReport.objects.filter(**lookup).first()
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
    return verification


def _verification_refresh(verification: Verification, *, by: User) -> Verification:
    """Derive the status from the items: open comments, every item answered, or still waiting."""
    counts = verification.items.aggregate(
        total=Count("pk", distinct=True),
        responded=Count("pk", filter=Q(responses__isnull=False), distinct=True),
        open_comments=Count(
            "responses", filter=Q(responses__kind=ResponseKind.COMMENT, responses__replied_at__isnull=True), distinct=True
        ),
    )
    if counts["open_comments"]:
        status = VerificationStatus.COMMENTS_OPEN
    elif counts["total"] and counts["responded"] == counts["total"]:
        status = VerificationStatus.VERIFIED
    else:
        status = VerificationStatus.AWAITING
    if status != verification.status:
        verification.status = status
        verification.verified_at = timezone.now() if status == VerificationStatus.VERIFIED else None
        verification._history_user = by
        verification.save()
    return verification


@transaction.atomic
def verification_respond(*, item: VerificationItem, by: User, kind: str, comment: str = "") -> VerificationResponse:
    """A respondent agrees with an item or comments on it; a later response of the same person replaces theirs."""
    verification = Verification.objects.select_for_update().get(pk=item.verification_id)
    if verification.status not in (VerificationStatus.AWAITING, VerificationStatus.COMMENTS_OPEN):
        raise ValidationError(_("Deze verificatie is afgerond; reageren kan niet meer."))
    if kind not in ResponseKind.values:
        raise ValidationError(_("Kies akkoord of opmerking."))
    comment = comment.strip()
    if kind == ResponseKind.COMMENT and not comment:
        raise ValidationError(_("Schrijf uw opmerking."))
    response = VerificationResponse.objects.filter(item=item, respondent=by).first()
    if response is None:
        response = VerificationResponse(item=item, respondent=by)
    elif response.replied_at is not None:
        raise ValidationError(_("De inspectie heeft uw opmerking al beantwoord; u kunt hem niet meer wijzigen."))
    response.kind = kind
    response.comment = comment if kind == ResponseKind.COMMENT else ""
    response._history_user = by
    response.save()
    _verification_refresh(verification, by=by)
    return response


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
    reply = reply.strip()
    if response.kind != ResponseKind.COMMENT:
        raise ValidationError(_("Alleen een opmerking krijgt een antwoord."))
    if not reply:
        raise ValidationError(_("Schrijf een antwoord aan de respondent."))
    if resolution not in ("amended", "kept"):
        raise ValidationError(_("Kies of de tekst is aangepast of gehandhaafd."))
    item = response.item
    if resolution == "amended":
        if item.finding_id:
            finding = item.finding
            new_text = text if text is not None else finding.text
            new_judgment = judgment or finding.judgment
            if new_text.strip() == finding.text and new_judgment == finding.judgment:
                raise ValidationError(_("U koos 'tekst aangepast' maar de tekst en het oordeel zijn ongewijzigd."))
            finding_save(
                round=finding.round,
                region=finding.region,
                brigade=finding.brigade,
                success_factor=finding.success_factor,
                text=new_text,
                judgment=new_judgment,
                by=by,
                base_revision=base_revision,
                reason=gettext_noop("aangepast na opmerking respondent"),
            )
        else:
            report = item.report
            if text is None or text.strip() == report.text:
                raise ValidationError(_("U koos 'tekst aangepast' maar de tekst is ongewijzigd."))
            report_save(
                round=report.round,
                region=report.region,
                brigade=report.brigade,
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
    _verification_refresh(Verification.objects.select_for_update().get(pk=item.verification_id), by=by)
    return response


@transaction.atomic
def conclusion_save(
    *, round: Round, success_factor: SuccessFactor | None, text: str, judgment: str, by: User, base_revision: int | None = None
) -> NationalConclusion:
    """The deelconclusie and national judgment of a success factor (or, without one, the overall conclusion)."""
    if judgment and judgment not in Judgment.values:
        raise ValidationError(_("Onbekend oordeel: %(value)s.") % {"value": judgment})
    if success_factor is None and judgment:
        judgment = ""
    conclusion = (
        NationalConclusion.objects.select_for_update().filter(round=round, success_factor=success_factor).order_by().first()
    )
    text = text.strip()
    if conclusion is not None and conclusion.text == text and conclusion.judgment == judgment:
        return conclusion
    if round.published_at is not None:
        raise ValidationError(_("Meting %(year)s is gepubliceerd; de conclusies liggen vast.") % {"year": round.year})
    if conclusion is None:
        conclusion = NationalConclusion(round=round, success_factor=success_factor, text=text, judgment=judgment, revision=1)
    else:
        if conclusion.text == text and conclusion.judgment == judgment:
            return conclusion
        if base_revision is not None and base_revision != conclusion.revision:
            raise StaleEdit(
                current={"text": conclusion.text, "judgment": conclusion.judgment},
                proposed={"text": text, "judgment": judgment},
                current_revision=conclusion.revision,
            )
        conclusion.text, conclusion.judgment = text, judgment
        conclusion.revision += 1
    conclusion.updated_by = by
    conclusion._history_user = by
    conclusion.save()
    return conclusion


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
    """Record what a finding or conclusion rests on. A passage must be quoted verbatim from the report."""
    if (finding is None) == (conclusion is None):
        raise ValidationError(_("Een bron hoort bij één bevinding of één conclusie."))
    passage = passage.strip()
    if passage and report is None:
        raise ValidationError(_("Een passage komt uit een gespreksverslag."))
    if report is not None:
        if not passage:
            raise ValidationError(_("Citeer de passage uit het gespreksverslag."))
        if " ".join(passage.split()) not in " ".join(report.text.split()):
            raise ValidationError(_("Deze passage staat niet letterlijk in het gespreksverslag."))
    if not any([answer, report, evidence, cited_finding]):
        raise ValidationError(_("Kies een antwoord, een passage of een document als bron."))
    return Citation.objects.create(
        finding=finding,
        conclusion=conclusion,
        answer=answer,
        report=report,
        passage=passage,
        evidence=evidence,
        cited_finding=cited_finding,
        created_by=by,
    )


@transaction.atomic
def round_publish(*, round: Round, by: User, override_reason: str = "") -> Round:
    """Publish a round: only when every region is verified, or with an inspector's reason (kept)."""
    from regions.models import Region

    if round.published_at is not None:
        raise ValidationError(_("Deze meting is al gepubliceerd."))
    verified = Verification.objects.filter(round=round, region__isnull=False, status=VerificationStatus.VERIFIED).count()
    total = Region.objects.count()
    override_reason = override_reason.strip()
    if verified < total and not override_reason:
        raise ValidationError(
            _("Nog niet alle regio's zijn geverifieerd (%(verified)s van %(total)s). Geef een reden om toch te publiceren.")
            % {"verified": verified, "total": total}
        )
    round.published_at = timezone.now()
    round.published_by = by
    round.publish_override_reason = override_reason if verified < total else ""
    round.save(update_fields=["published_at", "published_by", "publish_override_reason"])
    return round


@transaction.atomic
def recommendation_save(
    *,
    recommendation: Recommendation | None = None,
    round: Round,
    text: str,
    addressee: str,
    success_factors: list[SuccessFactor],
    region: Region | None,
    by: User,
) -> Recommendation:
    """Create or change a recommendation (national when `region` is None)."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Schrijf de aanbeveling."))
    if not success_factors:
        raise ValidationError(_("Kies ten minste één succesfactor."))
    if recommendation is None:
        recommendation = Recommendation(round=round, created_by=by, status=RecommendationStatus.ACCEPTED)
    recommendation.text = text
    recommendation.addressee = addressee
    recommendation.region = region
    recommendation._history_user = by
    recommendation.save()
    recommendation.success_factors.set(success_factors)
    return recommendation


@transaction.atomic
def recommendation_decide(*, recommendation: Recommendation, by: User, accept: bool) -> Recommendation:
    """Accept or dismiss a drafted recommendation; nothing drafted is published without an inspector."""
    if recommendation.status != RecommendationStatus.DRAFT:
        raise ValidationError(_("Alleen een concept kan worden vastgesteld of verworpen."))
    recommendation.status = RecommendationStatus.ACCEPTED if accept else RecommendationStatus.DISMISSED
    recommendation._history_user = by
    recommendation._change_reason = gettext_noop("vastgesteld") if accept else gettext_noop("verworpen")
    recommendation.save()
    return recommendation


@transaction.atomic
def follow_up_save(*, recommendation: Recommendation, round: Round, status: str, explanation: str, by: User) -> FollowUp:
    """Record, in a later round, what became of a recommendation."""
    if round.year <= recommendation.round.year:
        raise ValidationError(_("De opvolging wordt vastgesteld in een latere meting dan die van de aanbeveling."))
    if recommendation.status != RecommendationStatus.ACCEPTED:
        raise ValidationError(_("Alleen een vastgestelde aanbeveling krijgt een opvolging."))
    explanation = explanation.strip()
    if not explanation:
        raise ValidationError(_("Licht de opvolging toe."))
    follow_up = FollowUp.objects.filter(recommendation=recommendation, round=round).first() or FollowUp(
        recommendation=recommendation, round=round
    )
    follow_up.status = status
    follow_up.explanation = explanation
    follow_up.updated_by = by
    follow_up._history_user = by
    follow_up.save()
    return follow_up


def _rule_regions(rule: DraftRule) -> list[Region]:
    """The regions that make `rule` fire, or [] when it does not."""
    from regions.models import Region

    if rule.kind == RuleKind.JUDGMENT_BELOW:
        regions = list(
            Region.objects.filter(
                findings__round=rule.round,
                findings__success_factor=rule.success_factor,
                findings__judgment__in=[Judgment.VOLDOET_GEDEELTELIJK, Judgment.VOLDOET_NIET],
            ).order_by("code")
        )
        return regions if len(regions) >= max(rule.min_regions, 1) else []
    answers = Answer.objects.filter(
        assessment__round=rule.round, assessment__region__isnull=False, question__code=rule.question_code
    ).exclude(value="")
    total = answers.count()
    if not total or rule.threshold_percent is None:
        return []
    accepted = [str(v) for v in rule.values]
    meeting = answers.filter(value__in=accepted).count()
    if meeting * 100 >= rule.threshold_percent * total:
        return []
    return list(Region.objects.filter(assessments__answers__in=answers.exclude(value__in=accepted)).distinct().order_by("code"))


@transaction.atomic
def drafts_generate(*, round: Round, by: User) -> list[Recommendation]:
    """Propose a draft recommendation for every rule of the round that fires and has no proposal yet."""
    created = []
    for rule in DraftRule.objects.filter(round=round).select_related("success_factor", "round"):
        if Recommendation.objects.filter(drafted_by_rule=rule).exists():
            continue
        regions = _rule_regions(rule)
        if not regions:
            continue
        codes = ", ".join(r.code for r in regions)
        text = rule.text_template.replace("{regios}", codes).replace("{aantal}", str(len(regions)))
        recommendation = Recommendation(
            round=round,
            text=text,
            addressee=rule.addressee,
            status=RecommendationStatus.DRAFT,
            drafted_by_rule=rule,
            created_by=by,
        )
        recommendation._history_user = by
        recommendation._change_reason = gettext_noop("concept voorgesteld door regel")
        recommendation.save()
        recommendation.success_factors.set([rule.success_factor])
        recommendation.concerned_regions.set(regions)
        created.append(recommendation)
    return created


@transaction.atomic
def draft_rule_create(
    *,
    round: Round,
    success_factor: SuccessFactor,
    kind: str,
    addressee: str,
    text_template: str,
    by: User,
    min_regions: int = 1,
    question_code: str = "",
    values: list[str] | None = None,
    threshold_percent: int | None = None,
) -> DraftRule:
    if kind == RuleKind.INDICATOR_BELOW:
        if not question_code or not values or threshold_percent is None:
            raise ValidationError(_("Een indicatorregel heeft een vraagcode, waarden en een drempel nodig."))
        if not Answer.objects.filter(assessment__round=round, question__code=question_code).exists() and not (
            round.questionnaires.filter(questions__code=question_code).exists()
        ):
            raise ValidationError(_("Vraag %(code)s bestaat niet in deze meting.") % {"code": question_code})
    return DraftRule.objects.create(
        round=round,
        success_factor=success_factor,
        kind=kind,
        min_regions=min_regions,
        question_code=question_code,
        values=values or [],
        threshold_percent=threshold_percent,
        addressee=addressee,
        text_template=text_template.strip(),
        created_by=by,
    )
