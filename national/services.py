"""Writes on the round as a whole: the national conclusions, publication, recommendations, their
follow-up in a later round, and the rules that draft recommendations.

Every service is keyword-only, atomic, validates before it saves and records history with the acting
user. A published round is read-only (assessments.guards); what belongs to a later round, the follow-up
of its recommendations, stays possible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from accounts.models import NotificationKind, Role, User
from accounts.services import notify
from assessments.models import Answer
from assessments.values import MAX_EXPLANATION, MAX_FINDING, MAX_REASON, MAX_RECOMMENDATION, text_clean
from core.errors import StaleEdit
from findings.models import (
    DraftRule,
    FollowUp,
    Judgment,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
    RuleKind,
    Verification,
    VerificationStatus,
)
from findings.workflow import recommendation_step
from framework.guards import require_round_writable
from framework.models import RoundStatus, SuccessFactor
from national import publication
from national.models import JudgmentRule, Preview, PublishedPicture
from regions.models import Region, Subject, SubjectKind
from regions.policy import Action, require

if TYPE_CHECKING:
    from framework.models import Round


@transaction.atomic
def conclusion_save(
    *, round: Round, success_factor: SuccessFactor | None, text: str, judgment: str, by: User, base_revision: int | None = None,
    reason: str = "", text_en: str | None = None, reason_en: str | None = None,
) -> NationalConclusion:
    """The deelconclusie and national judgment of a success factor (or, without one, the overall conclusion).

    Where the round has a rule for the factor (`judgment_rule_save`) and the chosen judgment differs from the
    one it proposes, `reason` is required and kept beside the judgment; where they agree, no reason is kept.
    `text_en` and `reason_en` are the optional English versions; None keeps the stored ones."""
    from national.picture import proposal_for

    require(by, Action.NATIONAL_EDIT)
    if judgment and judgment not in Judgment.values:
        raise ValidationError(_("Onbekend oordeel: %(value)s.") % {"value": judgment})
    if success_factor is None and judgment:
        judgment = ""
    conclusion = (
        NationalConclusion.objects.select_for_update().filter(round=round, success_factor=success_factor).order_by().first()
    )
    text = text_clean(text, limit=MAX_FINDING)
    reason = text_clean(reason, limit=MAX_REASON)
    text_en = text_clean(text_en, limit=MAX_FINDING) if text_en is not None else (conclusion.text_en if conclusion else "")
    reason_en = (
        text_clean(reason_en, limit=MAX_REASON) if reason_en is not None else (conclusion.reason_en if conclusion else "")
    )
    proposal = proposal_for(round, success_factor) if success_factor is not None and judgment else None
    if proposal is None or judgment == proposal:
        reason = reason_en = ""
    elif not reason:
        raise ValidationError(
            _("De regel stelt '%(proposal)s' voor; geef een reden waarom het landelijk oordeel '%(judgment)s' is.")
            % {"proposal": Judgment(proposal).label, "judgment": Judgment(judgment).label}
        )
    stored = (conclusion.text, conclusion.text_en, conclusion.judgment, conclusion.reason, conclusion.reason_en) if conclusion else None
    if conclusion is not None and stored == (text, text_en, judgment, reason, reason_en):
        return conclusion
    require_round_writable(round)
    if conclusion is None:
        conclusion = NationalConclusion(
            round=round, success_factor=success_factor, text=text, text_en=text_en, judgment=judgment, reason=reason,
            reason_en=reason_en, revision=1,
        )
    else:
        if base_revision is not None and base_revision != conclusion.revision:
            raise StaleEdit(
                current={"text": conclusion.text, "judgment": conclusion.judgment},
                proposed={"text": text, "judgment": judgment},
                current_revision=conclusion.revision,
            )
        conclusion.text, conclusion.judgment, conclusion.reason = text, judgment, reason
        conclusion.text_en, conclusion.reason_en = text_en, reason_en
        conclusion.revision += 1
    conclusion.updated_by = by
    conclusion._history_user = by
    conclusion.save()
    return conclusion


@transaction.atomic
def judgment_rule_save(
    *, round: Round, success_factor: SuccessFactor, meets_min: int, partly_min: int, by: User
) -> JudgmentRule:
    """Set the rule that proposes the national judgment of `success_factor` in `round`: "voldoet" when at least
    `meets_min` regions (brigades) meet it, else "voldoet gedeeltelijk" when at least `partly_min` meet it at
    least partly, else "voldoet niet". Each threshold is at least 1 and at most the number of regions (brigades).
    Inspectors only; not in a published round; an unchanged rule writes nothing."""
    require(by, Action.NATIONAL_EDIT)
    total = Subject.objects.filter(kind=success_factor.subject_kind).count()
    # A threshold of 0 would call "voldoet" a factor that no region meets.
    if not 1 <= meets_min <= total or not 1 <= partly_min <= total:
        raise ValidationError(_("Een drempel ligt tussen 1 en %(total)s.") % {"total": total})
    rule = JudgmentRule.objects.select_for_update().filter(round=round, success_factor=success_factor).first()
    if rule is not None and (rule.meets_min, rule.partly_min) == (meets_min, partly_min):
        return rule
    require_round_writable(round)
    rule = rule or JudgmentRule(round=round, success_factor=success_factor)
    rule.meets_min, rule.partly_min, rule.updated_by = meets_min, partly_min, by
    rule._history_user = by
    rule.save()
    return rule


@transaction.atomic
def round_publish(*, round: Round, by: User, override_reason: str = "") -> Round:
    """Publish a round: only when every region is verified, or with an inspector's reason (kept).
    Publication closes the round: from then on it is read-only everywhere."""
    require(by, Action.NATIONAL_EDIT)
    round = type(round).objects.select_for_update().get(pk=round.pk)
    if round.published_at is not None:
        raise ValidationError(_("Deze meting is al gepubliceerd."))
    verified = Verification.objects.filter(
        round=round, subject__kind=SubjectKind.REGION, status=VerificationStatus.VERIFIED
    ).count()
    total = Subject.objects.filter(kind=SubjectKind.REGION).count()
    override_reason = text_clean(override_reason, limit=MAX_REASON)
    if verified < total and not override_reason:
        raise ValidationError(
            _("Nog niet alle regio's zijn geverifieerd (%(verified)s van %(total)s). Geef een reden om toch te publiceren.")
            % {"verified": verified, "total": total}
        )
    round.published_at = timezone.now()
    round.published_by = by
    round.publish_override_reason = override_reason if verified < total else ""
    round.status = RoundStatus.CLOSED
    round.save(update_fields=["published_at", "published_by", "publish_override_reason", "status"])
    # The national picture as published: its document with SHA-256 (version 1) and every file, for the
    # ministry and for the inspectors; the dashboard and the files of the round are served from it.
    publication.snapshot_store(round=round, by=by, version=1, reason="", at=round.published_at)
    # Those who read the national picture: the ministry, and the other inspectors.
    readers = User.objects.filter(is_active=True).filter(Q(role__in=[Role.MINISTRY, Role.INSPECTOR]) | Q(is_superuser=True))
    notify(
        recipients=readers, kind=NotificationKind.ROUND_PUBLISHED, by=by,
        text=gettext_lazy("%(round)s is gepubliceerd: het landelijk beeld staat vast."), params={"round": round},
        url=reverse("national:round", args=[round.code]),
    )
    return round


@transaction.atomic
def picture_correct(
    *, round: Round, reason: str, by: User, success_factor: SuccessFactor | None = None,
    judgment: str | None = None, text: str | None = None,
) -> PublishedPicture:
    """Correct the published national picture of `round`: a new published version, with a required reason,
    computed from the data as they are now, its SHA-256 and every file; the earlier versions stay as they were.

    A published round is read-only everywhere (`assessments.guards.require_round_writable`); this service is
    the ONE write allowed in it: with `judgment` and/or `text` it corrects the national judgment and
    deelconclusie of `success_factor` (or, without one, the text of the overall conclusion), recorded in the
    conclusion's history with the reason. A correction that changes nothing in the document is refused.
    Inspectors only."""
    require(by, Action.NATIONAL_EDIT)
    round = type(round).objects.select_for_update().get(pk=round.pk)
    previous = publication.latest(round)
    if round.published_at is None or previous is None:
        raise ValidationError(_("Deze meting is nog niet gepubliceerd; pas het landelijk beeld zelf aan."))
    reason = text_clean(reason, limit=MAX_REASON)
    if not reason:
        raise ValidationError(_("Geef de reden van de correctie."))
    if judgment and judgment not in Judgment.values:
        raise ValidationError(_("Onbekend oordeel: %(value)s.") % {"value": judgment})
    if judgment or text:
        conclusion = (NationalConclusion.objects.select_for_update().filter(round=round, success_factor=success_factor)
                      .order_by().first()) or NationalConclusion(round=round, success_factor=success_factor, revision=0)
        if text:
            conclusion.text = text_clean(text, limit=MAX_FINDING)
        if judgment and success_factor is not None:
            conclusion.judgment = judgment
        conclusion.revision += 1
        conclusion.updated_by = by
        conclusion._history_user = by
        conclusion._change_reason = reason
        conclusion.save()
    corrected = publication.snapshot_store(round=round, by=by, version=previous.version + 1, reason=reason,
                                           at=timezone.now())
    if corrected.sha256 == previous.sha256:
        raise ValidationError(_("De correctie verandert niets aan het gepubliceerde landelijk beeld."))
    return corrected


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
    """Create or change a recommendation (national when `region` is None); not in a published round."""
    require(by, Action.RECOMMENDATIONS_EDIT)
    require_round_writable(round if recommendation is None else recommendation.round)
    text = text_clean(text, limit=MAX_RECOMMENDATION)
    if not text:
        raise ValidationError(_("Schrijf de aanbeveling."))
    if not success_factors:
        raise ValidationError(_("Kies ten minste één succesfactor."))
    if recommendation is not None and _recommendation_unchanged(recommendation, text, addressee, success_factors, region):
        return recommendation  # a form saved unchanged writes nothing, not even a history row
    if recommendation is None:
        recommendation = Recommendation(round=round, created_by=by, status=RecommendationStatus.ACCEPTED)
    recommendation.text = text
    recommendation.addressee = addressee
    recommendation.region = region
    recommendation._history_user = by
    recommendation.save()
    recommendation.success_factors.set(success_factors)
    return recommendation


def _recommendation_unchanged(recommendation: Recommendation, text: str, addressee: str,
                              success_factors: list[SuccessFactor], region: Region | None) -> bool:
    return (
        recommendation.text == text
        and recommendation.addressee == addressee
        and recommendation.region_id == (region.pk if region else None)
        and {sf.pk for sf in recommendation.success_factors.all()} == {sf.pk for sf in success_factors}
    )


@transaction.atomic
def recommendation_decide(*, recommendation: Recommendation, by: User, accept: bool) -> Recommendation:
    """Accept or dismiss a drafted recommendation; nothing drafted is published without an inspector."""
    require(by, Action.RECOMMENDATIONS_EDIT)
    require_round_writable(recommendation.round)
    target = RecommendationStatus.ACCEPTED if accept else RecommendationStatus.DISMISSED
    if recommendation_step(recommendation.status, target) is None:
        raise ValidationError(_("Alleen een concept kan worden vastgesteld of verworpen."))
    recommendation.status = target
    recommendation._history_user = by
    recommendation._change_reason = gettext_noop("vastgesteld") if accept else gettext_noop("verworpen")
    recommendation.save()
    return recommendation


@transaction.atomic
def follow_up_save(*, recommendation: Recommendation, round: Round, status: str, explanation: str, by: User) -> FollowUp:
    """Record, in a later round, what became of a recommendation. The follow-up belongs to the later round:
    it is possible while that round is not published, whatever the recommendation's round."""
    require(by, Action.RECOMMENDATIONS_EDIT)
    require_round_writable(round)
    if round.year <= recommendation.round.year:
        raise ValidationError(_("De opvolging wordt vastgesteld in een latere meting dan die van de aanbeveling."))
    if recommendation.status != RecommendationStatus.ACCEPTED:
        raise ValidationError(_("Alleen een vastgestelde aanbeveling krijgt een opvolging."))
    explanation = text_clean(explanation, limit=MAX_EXPLANATION)
    if not explanation:
        raise ValidationError(_("Licht de opvolging toe."))
    follow_up = FollowUp.objects.filter(recommendation=recommendation, round=round).first() or FollowUp(
        recommendation=recommendation, round=round
    )
    if follow_up.pk and follow_up.status == status and follow_up.explanation == explanation:
        return follow_up  # a form saved unchanged writes nothing
    follow_up.status = status
    follow_up.explanation = explanation
    follow_up.updated_by = by
    follow_up._history_user = by
    follow_up.save()
    return follow_up


def _rule_regions(rule: DraftRule) -> list[Region]:
    """The regions that make `rule` fire, or [] when it does not."""
    if rule.kind == RuleKind.JUDGMENT_BELOW:
        regions = list(
            Region.objects.filter(
                subject__findings__round=rule.round,
                subject__findings__success_factor=rule.success_factor,
                subject__findings__judgment__in=[Judgment.VOLDOET_GEDEELTELIJK, Judgment.VOLDOET_NIET],
            ).order_by("code")
        )
        return regions if len(regions) >= max(rule.min_regions, 1) else []
    answers = Answer.objects.filter(
        assessment__round=rule.round, assessment__subject__kind=SubjectKind.REGION, question__code=rule.question_code
    ).exclude(value="")
    total = answers.count()
    if not total or rule.threshold_percent is None:
        return []
    accepted = [str(v) for v in rule.values]
    meeting = answers.filter(value__in=accepted).count()
    if meeting * 100 >= rule.threshold_percent * total:
        return []
    return list(
        Region.objects.filter(subject__assessments__answers__in=answers.exclude(value__in=accepted)).distinct().order_by("code")
    )


# The placeholders of a draft rule's text. {regios} (the regions' codes) is refused in new rules: the text goes to
# the ministry, which sees no single region; older rules that have it get the number, as for {aantal}.
REGIONS_PLACEHOLDER, COUNT_PLACEHOLDER = "{regios}", "{aantal}"
MAX_RULE_VALUES = 50  # the values that meet an indicator rule's norm (a question has far fewer choices)
MAX_RULE_CODE = 64  # a question code (its column) and one value


def draft_text(template: str, count: int) -> str:
    """The text of a draft recommendation from its rule's `template` for `count` regions: never their codes,
    and never longer than a recommendation may be."""
    # The stored text is Dutch, whatever the language of the inspector who generates it.
    regions = f"{count} regio" if count == 1 else f"{count} regio's"
    text = template.replace(REGIONS_PLACEHOLDER, regions).replace(COUNT_PLACEHOLDER, str(count))
    return Truncator(text).chars(MAX_RECOMMENDATION)


@transaction.atomic
def drafts_generate(*, round: Round, by: User) -> list[Recommendation]:
    """Propose a draft recommendation for every rule of the round that fires and has no proposal yet."""
    require(by, Action.RECOMMENDATIONS_EDIT)
    require_round_writable(round)
    created = []
    for rule in DraftRule.objects.filter(round=round).select_related("success_factor", "round"):
        if Recommendation.objects.filter(drafted_by_rule=rule).exists():
            continue
        regions = _rule_regions(rule)
        if not regions:
            continue
        text = draft_text(rule.text_template, len(regions))
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
    """A rule that drafts a recommendation for `round` when the roll-up meets it; not in a published round."""
    require(by, Action.RECOMMENDATIONS_EDIT)
    require_round_writable(round)
    text_template = text_clean(text_template, limit=MAX_RECOMMENDATION)
    if REGIONS_PLACEHOLDER in text_template:
        raise ValidationError(_(
            "Gebruik {aantal} in plaats van {regios}: de tekst van een aanbeveling gaat naar het ministerie, dat "
            "geen afzonderlijke regio's ziet. Welke regio's het betreft, staat voor inspecteurs bij het concept."
        ))
    values = [str(value) for value in values or []]
    regions_total = Subject.objects.filter(kind=SubjectKind.REGION).count()
    if not 1 <= min_regions <= regions_total:
        raise ValidationError(_("Het minimale aantal regio's ligt tussen 1 en %(total)s.") % {"total": regions_total})
    if len(question_code) > MAX_RULE_CODE or len(values) > MAX_RULE_VALUES or any(len(v) > MAX_RULE_CODE for v in values):
        raise ValidationError(_(
            "Een regel heeft ten hoogste %(values)s waarden van elk ten hoogste %(length)s tekens."
        ) % {"values": MAX_RULE_VALUES, "length": MAX_RULE_CODE})
    if threshold_percent is not None and not 0 <= threshold_percent <= 100:
        raise ValidationError(_("De drempel is een percentage tussen 0 en 100."))
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
        values=values,
        threshold_percent=threshold_percent,
        addressee=addressee,
        text_template=text_template,
        created_by=by,
    )


# --- sharing an unpublished national picture with the ministry ---------------------------------------------


@transaction.atomic
def preview_share(*, round: Round, by: User) -> Preview:
    """Share the unpublished national picture of `round` with the ministry as a preview ("voorlopig — nog
    niet vastgesteld"). Inspectors only; a published round needs no preview; sharing twice changes nothing."""
    require(by, Action.NATIONAL_EDIT)
    if round.is_published:
        raise ValidationError(_("Deze meting is gepubliceerd; het ministerie ziet het landelijk beeld al."))
    preview, _created = Preview.objects.get_or_create(round=round, defaults={"shared_by": by})
    return preview


@transaction.atomic
def preview_withdraw(*, round: Round, by: User) -> None:
    """Stop sharing the unpublished national picture of `round` with the ministry. Inspectors only."""
    require(by, Action.NATIONAL_EDIT)
    Preview.objects.filter(round=round).delete()
