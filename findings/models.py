"""Judgments, interview reports, verification by respondents, conclusions and recommendations.

National figures are counted from `Finding` rows; nothing here stores a total.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.i18n import localized

if TYPE_CHECKING:
    from accounts.models import User


class Judgment(models.TextChoices):
    VOLDOET = "voldoet", _("voldoet")
    VOLDOET_GEDEELTELIJK = "voldoet_gedeeltelijk", _("voldoet gedeeltelijk")
    VOLDOET_NIET = "voldoet_niet", _("voldoet niet")
    NIET_BEOORDEELD = "niet_beoordeeld", _("niet beoordeeld")


class Finding(models.Model):
    """What the inspectors found for one audited party and one success factor, with their judgment."""

    round = models.ForeignKey("framework.Round", on_delete=models.PROTECT, related_name="findings")
    subject = models.ForeignKey("regions.Subject", on_delete=models.PROTECT, related_name="findings")
    success_factor = models.ForeignKey("framework.SuccessFactor", on_delete=models.PROTECT, related_name="findings")
    text = models.TextField(_("bevinding"), blank=True)
    judgment = models.CharField(_("oordeel"), max_length=24, choices=Judgment.choices, default=Judgment.NIET_BEOORDEELD)
    revision = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        ordering = ["round", "subject__order", "success_factor__order"]
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")
        constraints = [
            models.UniqueConstraint(fields=["round", "subject", "success_factor"], name="finding_one_per_subject_csf"),
        ]
        indexes = [
            # National picture: counts of judgments per success factor in a round.
            models.Index(fields=["round", "success_factor", "judgment"], name="finding_round_csf_judgment"),
        ]

    def __str__(self) -> str:
        return f"{self.round.year} {self.subject.code} {self.success_factor.code}: {self.judgment}"


class InterviewReport(models.Model):
    """The gespreksverslag of the interview with a region's respondents (or a brigade's RMC)."""

    round = models.ForeignKey("framework.Round", on_delete=models.PROTECT, related_name="interview_reports")
    subject = models.ForeignKey("regions.Subject", on_delete=models.PROTECT, related_name="interview_reports")
    held_on = models.DateField(_("datum gesprek"), null=True, blank=True)
    participants = models.TextField(_("deelnemers"), blank=True)
    text = models.TextField(_("verslag"), blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("gespreksverslag")
        verbose_name_plural = _("gespreksverslagen")
        constraints = [
            models.UniqueConstraint(fields=["round", "subject"], name="report_one_per_subject_round"),
        ]

    def __str__(self) -> str:
        return f"{self.round.year} {self.subject.code}: {_('gespreksverslag')}"


def attachment_path(instance: ReportAttachment, filename: str) -> str:
    return f"interviews/{instance.report.round.year}/{instance.report.pk}/{filename}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(InterviewReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.original_name


class VerificationStatus(models.TextChoices):
    NOT_SENT = "not_sent", _("niet verstuurd")
    AWAITING = "awaiting", _("wacht op respondenten")
    COMMENTS_OPEN = "comments_open", _("opmerkingen open")
    VERIFIED = "verified", _("geverifieerd")


class Verification(models.Model):
    """The hoor en wederhoor of one region's (or brigade's) findings and interview report."""

    round = models.ForeignKey("framework.Round", on_delete=models.PROTECT, related_name="verifications")
    subject = models.ForeignKey("regions.Subject", on_delete=models.PROTECT, related_name="verifications")
    status = models.CharField(max_length=16, choices=VerificationStatus.choices, default=VerificationStatus.NOT_SENT)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    verified_at = models.DateTimeField(null=True, blank=True)
    # Closed by the inspectors before every respondent responded (say, one stays silent): who, when and why.
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    closed_reason = models.TextField(_("reden van afsluiten"), blank=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("verificatie")
        verbose_name_plural = _("verificaties")
        constraints = [
            models.UniqueConstraint(fields=["round", "subject"], name="verification_one_per_subject_round"),
        ]

    def __str__(self) -> str:
        return f"{self.round.year} {self.subject.code}: {self.get_status_display()}"


class VerificationItem(models.Model):
    """One item sent for verification, its text frozen as sent (to compare with the final text)."""

    verification = models.ForeignKey(Verification, on_delete=models.CASCADE, related_name="items")
    finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.CASCADE, related_name="verification_items")
    report = models.ForeignKey(InterviewReport, null=True, blank=True, on_delete=models.CASCADE, related_name="verification_items")
    sent_text = models.TextField()
    sent_judgment = models.CharField(max_length=24, blank=True)
    sent_at = models.DateTimeField()

    # Set for the findings page by findings.pages.items_with_responses.
    mine: VerificationResponse | None
    current_text: str
    current_judgment: str
    changed: bool
    current_revision: int

    class Meta:
        verbose_name = _("verificatieonderdeel")
        verbose_name_plural = _("verificatieonderdelen")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(finding__isnull=False) & Q(report__isnull=True))
                | (Q(finding__isnull=True) & Q(report__isnull=False)),
                name="verification_item_finding_xor_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verification}: {self.finding or self.report}"


class ResponseKind(models.TextChoices):
    AGREE = "agree", _("akkoord")
    COMMENT = "comment", _("opmerking")


class Resolution(models.TextChoices):
    AMENDED = "amended", _("tekst aangepast")
    KEPT = "kept", _("tekst gehandhaafd")


class VerificationResponse(models.Model):
    """A respondent's agreement or comment on one item, and the inspector's answer to it."""

    item = models.ForeignKey(VerificationItem, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=8, choices=ResponseKind.choices)
    comment = models.TextField(_("opmerking"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    reply = models.TextField(_("antwoord inspectie"), blank=True)
    resolution = models.CharField(max_length=8, choices=Resolution.choices, blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    replied_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("reactie op verificatie")
        verbose_name_plural = _("reacties op verificatie")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "respondent"], name="response_one_per_respondent_item"),
            models.CheckConstraint(condition=~Q(kind="comment") | ~Q(comment=""), name="comment_has_text"),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_kind_display()}"


class NationalConclusion(models.Model):
    """The deelconclusie per success factor (or, with no factor, the overall conclusion) of a round."""

    round = models.ForeignKey("framework.Round", on_delete=models.PROTECT, related_name="conclusions")
    success_factor = models.ForeignKey(
        "framework.SuccessFactor", null=True, blank=True, on_delete=models.PROTECT, related_name="conclusions"
    )
    text = models.TextField(_("deelconclusie"), blank=True)
    text_en = models.TextField(_("deelconclusie (Engels)"), blank=True)
    judgment = models.CharField(_("landelijk oordeel"), max_length=24, choices=Judgment.choices, blank=True)
    # Why the national judgment differs from the one the rule proposes (national.models.JudgmentRule).
    reason = models.TextField(_("reden afwijking van het voorstel"), blank=True)
    reason_en = models.TextField(_("reden afwijking van het voorstel (Engels)"), blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("deelconclusie")
        verbose_name_plural = _("deelconclusies")
        constraints = [
            models.UniqueConstraint(fields=["round", "success_factor"], name="conclusion_one_per_csf"),
            models.UniqueConstraint(
                fields=["round"], condition=Q(success_factor__isnull=True), name="conclusion_one_overall"
            ),
        ]

    def __str__(self) -> str:
        code = self.success_factor.code if self.success_factor is not None else _("slotconclusie")
        return f"{self.round.year} {code}"

    @property
    def display_text(self) -> str:
        """The conclusion in the interface language (English when the interface is English and there is one)."""
        return localized(self.text, self.text_en)


class Citation(models.Model):
    """What a finding or a conclusion rests on: an answer, a passage of an interview report, or a document."""

    finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    conclusion = models.ForeignKey(NationalConclusion, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    answer = models.ForeignKey("assessments.Answer", null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    report = models.ForeignKey(InterviewReport, null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    passage = models.TextField(_("passage"), blank=True)
    evidence = models.ForeignKey("assessments.Evidence", null=True, blank=True, on_delete=models.CASCADE, related_name="citations")
    cited_finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.CASCADE, related_name="cited_by")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    # Who added and who removed which source is kept like every other change.
    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(finding__isnull=False) & Q(conclusion__isnull=True))
                | (Q(finding__isnull=True) & Q(conclusion__isnull=False)),
                name="citation_from_one",
            ),
            models.CheckConstraint(
                condition=Q(answer__isnull=False) | Q(report__isnull=False) | Q(evidence__isnull=False) | Q(cited_finding__isnull=False),
                name="citation_to_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('bron van')} {self.finding or self.conclusion}"


class Addressee(models.TextChoices):
    MINISTER_VENJ = "minister_venj", _("minister van Veiligheid en Justitie")
    MINISTER_DEFENSIE = "minister_defensie", _("minister van Defensie")
    BESTUREN = "besturen_veiligheidsregios", _("besturen van de veiligheidsregio's")
    DEFENSIE = "defensie", _("Defensie")
    VEILIGHEIDSBERAAD = "veiligheidsberaad", _("Veiligheidsberaad")


class RecommendationStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    ACCEPTED = "accepted", _("vastgesteld")
    DISMISSED = "dismissed", _("verworpen")


class Recommendation(models.Model):
    round = models.ForeignKey("framework.Round", on_delete=models.PROTECT, related_name="recommendations")
    text = models.TextField(_("aanbeveling"))
    addressee = models.CharField(_("geadresseerde"), max_length=32, choices=Addressee.choices)
    success_factors = models.ManyToManyField("framework.SuccessFactor", verbose_name=_("kritische succesfactoren"), related_name="recommendations")
    # Null: a national recommendation.
    region = models.ForeignKey("regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations")
    status = models.CharField(max_length=10, choices=RecommendationStatus.choices, default=RecommendationStatus.ACCEPTED)
    # Set when proposed by a DraftRule; the regions that triggered it.
    drafted_by_rule = models.ForeignKey("DraftRule", null=True, blank=True, on_delete=models.SET_NULL, related_name="drafts")
    concerned_regions = models.ManyToManyField("regions.Region", blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[success_factors])
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str
    # Set for the recommendations page by national.pages.recommendations_page: its follow-up in the round shown.
    follow_up: FollowUp | None

    class Meta:
        ordering = ["round__year", "pk"]
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")

    def __str__(self) -> str:
        return f"{self.round.year}: {self.text[:60]}"


class FollowUpStatus(models.TextChoices):
    OPGEVOLGD = "opgevolgd", _("opgevolgd")
    GEDEELTELIJK = "gedeeltelijk_opgevolgd", _("gedeeltelijk opgevolgd")
    NIET = "niet_opgevolgd", _("niet opgevolgd")
    VERVALLEN = "vervallen", _("vervallen")


class FollowUp(models.Model):
    """What became of a recommendation, as established in a later round."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="follow_ups")
    round = models.ForeignKey("framework.Round", on_delete=models.PROTECT, related_name="follow_ups")
    status = models.CharField(_("opvolging"), max_length=24, choices=FollowUpStatus.choices)
    explanation = models.TextField(_("toelichting"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("opvolging")
        verbose_name_plural = _("opvolgingen")
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "round"], name="follow_up_one_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} → {self.round.year}: {self.status}"


class RuleKind(models.TextChoices):
    JUDGMENT_BELOW = "judgment_below", _("oordeel onder 'voldoet' in ten minste N regio's")
    INDICATOR_BELOW = "indicator_below", _("indicator onder drempel")


class DraftRule(models.Model):
    """A rule that proposes a draft recommendation from the roll-up of a round."""

    round = models.ForeignKey("framework.Round", on_delete=models.CASCADE, related_name="draft_rules")
    success_factor = models.ForeignKey("framework.SuccessFactor", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=RuleKind.choices, default=RuleKind.JUDGMENT_BELOW)
    min_regions = models.PositiveSmallIntegerField(_("minimaal aantal regio's"), default=1)
    # For indicator rules: the share of regions answering one of `values` must be at least `threshold` percent.
    question_code = models.SlugField(max_length=64, blank=True)
    values = models.JSONField(default=list, blank=True)
    threshold_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    addressee = models.CharField(max_length=32, choices=Addressee.choices)
    text_template = models.TextField(_("tekst"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    # Set for the rules page by national.pages.rules_of: the text of the question an indicator rule reads.
    question_text: str

    class Meta:
        verbose_name = _("regel voor conceptaanbevelingen")
        verbose_name_plural = _("regels voor conceptaanbevelingen")
        ordering = ["success_factor__order", "pk"]

    def __str__(self) -> str:
        return f"{self.round.year} {self.success_factor.code}: {self.get_kind_display()}"


class Reminder(models.Model):
    """A reminder e-mail sent: at most one per user, round and day (send_reminders runs daily)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey("framework.Round", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    summary = models.TextField(blank=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["user", "round", "sent_on"], name="reminder_one_per_user_round_day"),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.sent_on}"
