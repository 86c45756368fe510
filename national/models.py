"""What the national picture keeps of its own: the rule that proposes a national judgment per success factor,
the sharing of an unpublished round as a preview, and the published pictures with their files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

if TYPE_CHECKING:
    from accounts.models import User


class JudgmentRule(models.Model):
    """How the application proposes the national judgment of a success factor from the judgments of the
    regions (or brigades): "voldoet" when at least `meets_min` meet it; else "voldoet gedeeltelijk" when at
    least `partly_min` meet it at least partly; else "voldoet niet". Set by inspectors, per round."""

    round = models.ForeignKey("framework.Round", on_delete=models.CASCADE, related_name="judgment_rules")
    success_factor = models.ForeignKey("framework.SuccessFactor", on_delete=models.PROTECT, related_name="+")
    meets_min = models.PositiveSmallIntegerField(_("voldoet bij ten minste (aantal voldoet)"))
    partly_min = models.PositiveSmallIntegerField(_("voldoet gedeeltelijk bij ten minste (aantal voldoet of gedeeltelijk)"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("regel landelijk oordeel")
        verbose_name_plural = _("regels landelijk oordeel")
        constraints = [
            models.UniqueConstraint(fields=["round", "success_factor"], name="judgment_rule_one_per_factor"),
        ]

    def __str__(self) -> str:
        return f"{self.round.year} {self.success_factor.code}: {self.meets_min}/{self.partly_min}"


class Preview(models.Model):
    """An unpublished round shared with the ministry as a preview ("voorlopig — nog niet vastgesteld")."""

    round = models.OneToOneField("framework.Round", on_delete=models.CASCADE, related_name="preview")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voorlopig landelijk beeld")
        verbose_name_plural = _("voorlopige landelijke beelden")

    def __str__(self) -> str:
        return f"{self.round.year}"


class PublishedPicture(models.Model):
    """The national picture as published: the document (national.picture) frozen, with its SHA-256, and the
    ministry's document (no region named) with its own. A later
    correction is a new version with a reason; the dashboard and the files of a published round are served
    from the latest version."""

    round = models.ForeignKey("framework.Round", on_delete=models.PROTECT, related_name="published_pictures")
    version = models.PositiveSmallIntegerField(_("versie"))
    document = models.JSONField(_("document"))
    # The same picture as the ministry sees it (no region named), from which its files are rendered.
    public_document = models.JSONField(_("document zonder regio's"), default=dict)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    # The fingerprint of `public_document`: what the ministry reads, checks and finds attached to its PDF.
    public_sha256 = models.CharField(_("SHA-256 document zonder regio's"), max_length=64, blank=True)
    reason = models.TextField(_("reden correctie"), blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["round", "-version"]
        verbose_name = _("gepubliceerd landelijk beeld")
        verbose_name_plural = _("gepubliceerde landelijke beelden")
        constraints = [
            models.UniqueConstraint(fields=["round", "version"], name="published_picture_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.round.year} v{self.version}"


class PublishedFile(models.Model):
    """A file of a published picture (PDF/A, DOCX, ODT, XLSX, ODS, CSV), rendered from the stored document for
    each reader when the picture is published (or corrected), stored with its SHA-256 and served byte for
    byte."""

    picture = models.ForeignKey(PublishedPicture, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(_("formaat"), max_length=8)
    # For whom: the full file (inspectors) or the one without any region's name (the ministry).
    audience = models.CharField(_("voor"), max_length=12, default="national")
    content = models.BinaryField(_("inhoud"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("gepubliceerd bestand")
        verbose_name_plural = _("gepubliceerde bestanden")
        constraints = [
            models.UniqueConstraint(fields=["picture", "format", "audience"], name="published_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.picture} {self.format}"


class ProvisionalFile(models.Model):
    """A file of an unpublished round (PDF, DOCX, …) for one reader and language, as last rendered, with the
    round's data version at that moment (`national.cache.data_version`): served again while that version holds,
    rendered anew once anything the picture rests on changes. One row per round, reader, format and language."""

    round = models.ForeignKey("framework.Round", on_delete=models.CASCADE, related_name="provisional_files")
    format = models.CharField(_("formaat"), max_length=8)
    audience = models.CharField(_("voor"), max_length=12)
    language = models.CharField(_("taal"), max_length=8)
    data_version = models.CharField(_("gegevensversie"), max_length=32)
    name = models.CharField(_("bestandsnaam"), max_length=100)
    content = models.BinaryField(_("inhoud"))
    rendered_at = models.DateTimeField(_("gemaakt op"))

    class Meta:
        verbose_name = _("voorlopig bestand")
        verbose_name_plural = _("voorlopige bestanden")
        constraints = [
            # The download of a provisional file reads its one row by these four.
            models.UniqueConstraint(fields=["round", "format", "audience", "language"], name="provisional_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.round.year} {self.format} {self.audience} {self.language}"


class PublicationCheck(models.Model):
    """One verification of a round's publication (`national.publication.publication_verify`, run by
    `manage.py verify_publication`): every stored document's and file's SHA-256 recomputed. The published
    dashboard warns while the latest check of its round failed."""

    round = models.ForeignKey("framework.Round", on_delete=models.CASCADE, related_name="publication_checks")
    checked_at = models.DateTimeField(_("gecontroleerd op"))
    ok = models.BooleanField(_("in orde"))
    # What differs, in words ("versie 1, PDF voor het ministerie: SHA-256 … in plaats van …"); empty when ok.
    problems = models.JSONField(_("afwijkingen"), default=list, blank=True)
    checked = models.PositiveIntegerField(_("aantal gecontroleerd"), default=0)

    class Meta:
        ordering = ["round", "-checked_at", "-pk"]
        verbose_name = _("controle van de publicatie")
        verbose_name_plural = _("controles van de publicatie")
        # The dashboard reads the latest check of its round.
        indexes = [models.Index(fields=["round", "-checked_at"], name="publication_check_latest")]

    def __str__(self) -> str:
        return f"{self.round.year} {self.checked_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'afwijking'}"


class RoundContext(models.Model):
    """The context of a round (research question 4 of the report: the developments around civil-military
    cooperation): a text, in Dutch and optionally English, and a table of context figures (`ContextFigure`).
    Written by inspectors through `national.services.round_context_save`; `revision` refuses a stale save."""

    round = models.OneToOneField("framework.Round", on_delete=models.PROTECT, related_name="context")
    text = models.TextField(_("context"), blank=True)
    text_en = models.TextField(_("context (Engels)"), blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        verbose_name = _("context van de meting")
        verbose_name_plural = _("context van de metingen")

    def __str__(self) -> str:
        return f"{self.round.year}"


class ContextFigure(models.Model):
    """One figure of a round's context, as the report states it: the value is text, so that "ruim 40" and
    "1 500–2 000" are kept as written."""

    context = models.ForeignKey(RoundContext, on_delete=models.CASCADE, related_name="figures")
    order = models.PositiveSmallIntegerField(_("volgorde"))
    label = models.CharField(_("omschrijving"), max_length=300)
    value = models.CharField(_("waarde"), max_length=60)
    period = models.CharField(_("jaar of periode"), max_length=60, blank=True)
    unit = models.CharField(_("eenheid"), max_length=60, blank=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)

    history = HistoricalRecords()
    # Who makes the next save, and why: set by the services, recorded by django-simple-history.
    _history_user: User | None
    _change_reason: str

    class Meta:
        ordering = ["context", "order", "pk"]
        verbose_name = _("contextcijfer")
        verbose_name_plural = _("contextcijfers")

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"
