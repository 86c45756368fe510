"""The questionnaires of a round and their answers (the framework and its rounds are in `framework`).

Every national figure is computed from `Answer` rows (and, in `findings`,
from judgments); nothing here stores a total.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments.values import display_value
from core.i18n import localized
from framework.models import Criterion, Round, SuccessFactor
from regions.models import SubjectKind

# A questionnaire is written for one kind of audited party.
Audience = SubjectKind


if TYPE_CHECKING:
    from accounts.models import User


class QuestionnaireQuerySet(models.QuerySet["Questionnaire"]):
    def latest_for(self, round: Round, audience: str) -> Questionnaire | None:
        return self.filter(round=round, audience=audience).order_by("-version").first()


class Questionnaire(models.Model):
    """One version of a questionnaire definition, loaded from a YAML file in the repository.

    A version that has answers is never changed: loading a changed file makes a new version.
    """

    round = models.ForeignKey(Round, verbose_name=_("meting"), on_delete=models.PROTECT, related_name="questionnaires")
    audience = models.CharField(_("doelgroep"), max_length=12, choices=SubjectKind.choices)
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200, blank=True)
    intro = models.TextField(_("toelichting"), blank=True)
    reconstructed = models.BooleanField(_("gereconstrueerd"), default=False)
    source_file = models.CharField(_("bronbestand"), max_length=200, blank=True)
    # Hash of the normalised definition: loading an unchanged file is a no-op.
    content_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(_("geladen op"), auto_now_add=True)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        ordering = ["round__year", "audience", "version"]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        constraints = [
            models.UniqueConstraint(fields=["round", "audience", "version"], name="questionnaire_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.display_title} (v{self.version})"

    @property
    def display_title(self) -> str:
        """The title in the interface language (English when the interface is English)."""
        return localized(self.title, self.title_en)


class QuestionKind(models.TextChoices):
    YES_NO = "yes_no", _("ja/nee")
    SINGLE_CHOICE = "single_choice", _("keuze (één)")
    MULTIPLE_CHOICE = "multiple_choice", _("keuze (meer)")
    NUMBER = "number", _("getal")
    TEXT = "text", _("tekst")
    DATE = "date", _("datum")


class Lineage(models.TextChoices):
    SAME = "same", _("gelijk")
    REWORDED = "reworded", _("anders geformuleerd")
    SPLIT = "split", _("gesplitst")
    MERGED = "merged", _("samengevoegd")


class Question(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=64)
    success_factor = models.ForeignKey(
        SuccessFactor, verbose_name=_("kritische succesfactor"), on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(_("soort"), max_length=16, choices=QuestionKind.choices)
    text = models.TextField(_("vraag"))
    text_en = models.TextField(_("vraag (Engels)"), blank=True)
    help_text = models.TextField(_("toelichting"), blank=True)
    help_en = models.TextField(_("toelichting (Engels)"), blank=True)
    unit = models.CharField(_("eenheid"), max_length=30, blank=True)
    unit_en = models.CharField(_("eenheid (Engels)"), max_length=30, blank=True)
    required = models.BooleanField(_("verplicht"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"))
    # Shown only when the answer to `condition_code` (same questionnaire) equals `condition_value`.
    condition_code = models.SlugField(max_length=64, blank=True)
    condition_value = models.CharField(max_length=64, blank=True)
    # Which answers count towards meeting the success factor: a list of values
    # (yes_no / choices) or {"min": n, "max": n} for numbers. Empty: no norm.
    norm = models.JSONField(_("norm"), null=True, blank=True)
    # The report section that applies the norm ("3.2.1"); a norm is only given where the report applies one.
    norm_section = models.CharField(_("paragraaf van de norm"), max_length=16, blank=True)
    # The criterion of its success factor the question measures; empty: none named.
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterium"), null=True, blank=True, on_delete=models.PROTECT, related_name="questions"
    )
    # What the report notes without judging, shown to the inspector and never counted in a judgment:
    # {"values": [...]} (choices) or {"min": n, "max": n} (numbers), with "text", "text_en" and "section".
    signal = models.JSONField(_("signaal"), null=True, blank=True)
    # Number questions: the values an answer may take (the definition's `min`, `max` and `whole`), enforced by
    # assessments.values.parse_value for the page, the autosave and the import alike. Empty: no bound.
    min_value = models.DecimalField(_("kleinste waarde"), max_digits=15, decimal_places=3, null=True, blank=True)
    max_value = models.DecimalField(_("grootste waarde"), max_digits=15, decimal_places=3, null=True, blank=True)
    whole = models.BooleanField(_("alleen gehele getallen"), default=False)
    # Lineage: the question of an earlier round this one continues.
    continues = models.ForeignKey(
        "self", verbose_name=_("vervolg op"), null=True, blank=True, on_delete=models.SET_NULL, related_name="continued_by"
    )
    continues_relation = models.CharField(_("relatie"), max_length=10, choices=Lineage.choices, blank=True)
    # The national picture's sentence for this question, as the report writes it, with placeholders for the
    # counts ("In {ja} van de {answered} veiligheidsregio's …"); empty: not an indicator.
    indicator = models.TextField(_("indicatorzin"), blank=True)
    indicator_en = models.TextField(_("indicatorzin (Engels)"), blank=True)
    # Number questions: the bands the picture counts in, [{"code": "0", "max": 0, "label": …}, …].
    bands = models.JSONField(_("klassen"), null=True, blank=True)

    class Meta:
        ordering = ["questionnaire", "order"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="question_code_unique"),
            models.CheckConstraint(
                condition=Q(min_value__isnull=True) | Q(max_value__isnull=True) | Q(min_value__lte=models.F("max_value")),
                name="question_bounds_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def display_text(self) -> str:
        """The question in the interface language (English when the interface is English)."""
        return localized(self.text, self.text_en)

    @property
    def display_help(self) -> str:
        """The explanation in the interface language (English when the interface is English and there is one)."""
        return localized(self.help_text, self.help_en)

    @property
    def display_unit(self) -> str:
        """The unit in the interface language (English when the interface is English and there is one)."""
        return localized(self.unit, self.unit_en)


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    code = models.SlugField(_("code"), max_length=64)
    label = models.CharField(_("label"), max_length=200)
    label_en = models.CharField(_("label (Engels)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"))

    class Meta:
        verbose_name = _("keuze")
        verbose_name_plural = _("keuzes")
        ordering = ["question", "order"]
        constraints = [
            models.UniqueConstraint(fields=["question", "code"], name="choice_code_unique"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def display_label(self) -> str:
        """The label in the interface language (English when the interface is English)."""
        return localized(self.label, self.label_en)


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    SUBMITTED = "submitted", _("ingediend")
    IN_REVIEW = "in_review", _("in beoordeling")
    VERIFICATION = "verification", _("verificatie")
    FINAL = "final", _("definitief")


class Assessment(models.Model):
    """One audited party's questionnaire in one round."""

    round = models.ForeignKey(Round, verbose_name=_("meting"), on_delete=models.PROTECT, related_name="assessments")
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("vragenlijst"), on_delete=models.PROTECT, related_name="assessments"
    )
    subject = models.ForeignKey(
        "regions.Subject", verbose_name=_("geauditeerde partij"), on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Touched by every answer save; the fieldwork overview sorts on it.
    last_activity = models.DateTimeField(_("laatste activiteit"), auto_now=True)

    class Meta:
        verbose_name = _("vragenlijst (ingevuld)")
        verbose_name_plural = _("vragenlijsten (ingevuld)")
        constraints = [
            models.UniqueConstraint(fields=["round", "subject"], name="assessment_one_per_subject_round"),
        ]

    def __str__(self) -> str:
        return f"{self.round.year} {self.subject.code}"

    def get_absolute_url(self) -> str:
        return self.url("fill")

    def url(self, name: str, **kwargs) -> str:
        """The URL of one of this assessment's pages (`fill`, `history`, `sign`, …)."""
        return reverse(f"assessments:{name}", kwargs={"round_code": self.round.code, "code": self.subject.code, **kwargs})


class Answer(models.Model):
    """The answer to one question in one assessment.

    `value` holds the exchange form: "ja"/"nee", a choice code, codes joined
    by "|", a plain number, ISO date or free text; "" means unanswered.
    `revision` rises with every save, so a save based on an older revision is refused.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.TextField(_("antwoord"), blank=True)
    comment = models.TextField(_("opmerking"), blank=True)
    diverging_view = models.TextField(_("afwijkende mening"), blank=True)
    diverging_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="answers_given"
    )
    # Carried over from the previous round and not yet confirmed by a respondent.
    carried = models.BooleanField(_("overgenomen"), default=False)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="answer_one_per_question"),
        ]
        indexes = [
            # National indicator counts: answers of one question across a round.
            models.Index(fields=["question", "value"], name="answer_question_value"),
        ]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.question.code}={self.value}"

    @property
    def display(self) -> str:
        """The value as a reader sees it (labels, yes/no in the interface language); prefetch the question's choices."""
        return display_value(self.question, self.value)


class Signature(models.Model):
    """A respondent's signature on an assessment: both OVR and contact person sign before submitting."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(max_length=16)
    signed_at = models.DateTimeField(_("ondertekend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "role"], name="signature_one_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.role} {self.user}"


class Transition(models.Model):
    """Every workflow step of an assessment: who, when, from, to, why."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, choices=AssessmentStatus.choices)
    to_status = models.CharField(max_length=12, choices=AssessmentStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.from_status} → {self.to_status}"


def evidence_path(instance: Evidence, filename: str) -> str:
    # Stored under MEDIA_ROOT, which is never served directly.
    return f"evidence/{instance.assessment.round.year}/{instance.assessment.subject.code}/{filename}"


class Evidence(models.Model):
    """A document supporting an answer or the whole assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    answer = models.ForeignKey(Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(_("omschrijving"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("bewijsstuk")
        verbose_name_plural = _("bewijsstukken")

    def __str__(self) -> str:
        return self.original_name
