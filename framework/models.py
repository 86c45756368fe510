"""Audit frameworks as data: a framework (loaded from a package) holds its themes, success factors and
criteria, and the rounds (metingen) of an audit belong to one framework.

Codes are unique within their framework only: two audits may both have a factor "3.1.1". A round is named
by its code, `<framework>-<year>` (`icms-2013`), which is how pages, the API and commands name it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import localized
from regions.models import SubjectKind

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from regions.models import Subject

FRAMEWORK_CODE = r"[a-z][a-z0-9]*"


class Framework(models.Model):
    """An audit framework (toetsingskader), loaded as a package by `load_framework`."""

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[RegexValidator(rf"^{FRAMEWORK_CODE}$", _("Een code bestaat uit kleine letters en cijfers."))],
    )
    name = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    version = models.CharField(_("versie"), max_length=20, blank=True)
    # Hash of the normalised framework definition: loading an unchanged package changes nothing.
    content_hash = models.CharField(max_length=64, blank=True)
    loaded_at = models.DateTimeField(_("geladen op"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("toetsingskader")
        verbose_name_plural = _("toetsingskaders")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return localized(self.name, self.name_en)


class Theme(models.Model):
    framework = models.ForeignKey(Framework, verbose_name=_("toetsingskader"), on_delete=models.PROTECT, related_name="themes")
    number = models.PositiveSmallIntegerField(_("nummer"))
    name = models.CharField(_("naam"), max_length=150)
    name_en = models.CharField(_("naam (Engels)"), max_length=150)

    class Meta:
        db_table = "assessments_theme"
        ordering = ["framework", "number"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="theme_number_per_framework")]

    def __str__(self) -> str:
        return f"{self.number}. {self.display_name}"

    @property
    def display_name(self) -> str:
        """The name in the interface language (English when the interface is English)."""
        return localized(self.name, self.name_en)


class SuccessFactor(models.Model):
    """A critical success factor of a framework, with its code as the framework names it."""

    framework = models.ForeignKey(
        Framework, verbose_name=_("toetsingskader"), on_delete=models.PROTECT, related_name="success_factors"
    )
    code = models.CharField(_("code"), max_length=8)
    theme = models.ForeignKey(Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="success_factors")
    name = models.CharField(_("naam"), max_length=200)
    name_en = models.CharField(_("naam (Engels)"), max_length=200)
    # Which kind of audited party is judged: a region or a brigade.
    subject_kind = models.CharField(
        _("beoordeelt"), max_length=12, choices=SubjectKind.choices, default=SubjectKind.REGION
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # The package's proposal rule for the national judgment ({"meets_min": n, "partly_min": m}); a rule
    # inspectors set for a round (national.JudgmentRule) takes precedence.
    rule = models.JSONField(_("voorstelregel"), null=True, blank=True)

    class Meta:
        db_table = "assessments_successfactor"
        ordering = ["framework", "order", "code"]
        verbose_name = _("kritische succesfactor")
        verbose_name_plural = _("kritische succesfactoren")
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="factor_code_per_framework")]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        """The name in the interface language (English when the interface is English)."""
        return localized(self.name, self.name_en)


class Criterion(models.Model):
    """What the inspectors hold a success factor against (the framework package's `criteria`)."""

    framework = models.ForeignKey(Framework, verbose_name=_("toetsingskader"), on_delete=models.PROTECT, related_name="+")
    success_factor = models.ForeignKey(
        SuccessFactor, verbose_name=_("kritische succesfactor"), on_delete=models.PROTECT, related_name="criteria"
    )
    code = models.CharField(_("code"), max_length=16)
    # The report section the criterion comes from ("3.2.1").
    section = models.CharField(_("paragraaf"), max_length=16)
    text = models.TextField(_("criterium"))
    text_en = models.TextField(_("criterium (Engels)"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        db_table = "assessments_criterion"
        ordering = ["order", "code"]
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_per_framework")]

    def __str__(self) -> str:
        return f"{self.code} {self.display_text}"

    @property
    def display_text(self) -> str:
        """The criterion in the interface language (English when the interface is English)."""
        return localized(self.text, self.text_en)


class RoundKind(models.TextChoices):
    NULMETING = "nulmeting", _("nulmeting")
    TUSSENMETING = "tussenmeting", _("tussenmeting")
    EINDMETING = "eindmeting", _("eindmeting")
    VERVOLGMETING = "vervolgmeting", _("vervolgmeting")


class RoundStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    OPEN = "open", _("open")
    CLOSED = "closed", _("gesloten")


class RoundQuerySet(models.QuerySet["Round"]):
    def of_year(self, year: int) -> RoundQuerySet:
        """The rounds of `year`, the first framework's first: what a bare year of earlier links names."""
        return self.filter(year=year).order_by("framework_id")

    def current_first(self) -> RoundQuerySet:
        """The rounds, the current one first: the open round, else the latest one (the first framework's, when two
        audits share a year). The one definition of "the current round", for a query (`current`) and for a
        subquery (the menu's `Subquery(Round.objects.current_first().values("code")[:1])`)."""
        open_first = models.Case(models.When(status=RoundStatus.OPEN, then=0), default=1,
                                 output_field=models.IntegerField())
        return self.order_by(open_first, "-year", "framework_id")

    def current(self) -> Round | None:
        """The current round (`current_first`), in one query; None when there is no round."""
        return self.current_first().first()


def round_code(framework_code: str, year: int) -> str:
    return f"{framework_code}-{year}"


class Round(models.Model):
    """An audit round (meting) of one framework. Each knows its predecessor, so progress can be computed."""

    framework = models.ForeignKey(Framework, verbose_name=_("toetsingskader"), on_delete=models.PROTECT, related_name="rounds")
    # `<framework>-<year>`, set on save: the name of the round in URLs, the API and commands.
    code = models.CharField(_("code"), max_length=32, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("jaar"))
    kind = models.CharField(_("soort"), max_length=16, choices=RoundKind.choices)
    predecessor = models.OneToOneField(
        "self", verbose_name=_("vorige meting"), null=True, blank=True, on_delete=models.PROTECT, related_name="successor"
    )
    status = models.CharField(_("status"), max_length=8, choices=RoundStatus.choices, default=RoundStatus.PLANNED)
    submission_deadline = models.DateField(_("deadline indienen vragenlijsten"), null=True, blank=True)
    verification_deadline = models.DateField(_("deadline verificatie"), null=True, blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    publish_override_reason = models.TextField(_("reden publicatie zonder volledige verificatie"), blank=True)
    # Why an inspector opened the round while its checklist did not hold (assessments.rounds.round_open).
    open_override_reason = models.TextField(_("reden openen zonder volledige checklist"), blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        db_table = "assessments_round"
        ordering = ["year", "framework_id"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        constraints = [
            models.CheckConstraint(condition=~Q(predecessor=models.F("pk")), name="round_not_own_predecessor"),
            # Publication closes a round (framework.guards: a published round is read-only).
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(status="closed"), name="round_published_is_closed"
            ),
            models.UniqueConstraint(fields=["framework", "year"], name="round_year_per_framework"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display().capitalize()} {self.year}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"year", "framework"} & set(update_fields):
            self.code = round_code(self.framework.code, self.year)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "code"}
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class RoundParty(models.Model):
    """A party (region or brigade) taking part in a round, with its own submission deadline (empty: the round's).

    A round without any RoundParty rows takes every region and brigade: that is the default of a new round,
    whether round_create or a package made it. Once inspectors choose the parties on the round's setup page, the
    rows name exactly the parties that take part (`round_parties`)."""

    round = models.ForeignKey(Round, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="parties")
    subject = models.ForeignKey(
        "regions.Subject", verbose_name=_("partij"), on_delete=models.PROTECT, related_name="round_parties"
    )
    deadline = models.DateField(_("deadline indienen"), null=True, blank=True)

    class Meta:
        ordering = ["round", "subject__order", "subject__code"]
        verbose_name = _("deelnemende partij")
        verbose_name_plural = _("deelnemende partijen")
        constraints = [models.UniqueConstraint(fields=["round", "subject"], name="round_party_once")]

    def __str__(self) -> str:
        return f"{self.round.code} {self.subject.code}"


# The kinds of party a round questions (directorates are interviewed, not questioned).
PARTY_KINDS = (SubjectKind.REGION, SubjectKind.BRIGADE)


class PartyDeadlines(TypedDict):
    """What `round_parties` adds to each subject."""

    party_deadline: datetime.date | None
    deadline: datetime.date | None


if TYPE_CHECKING:
    # A subject read as a party of a round (`round_parties`).
    Party = WithAnnotations[Subject, PartyDeadlines]


def round_parties(round: Round) -> models.QuerySet[Party]:
    """The subjects taking part in `round`, in one query: the chosen ones, or (no choice made) every region and
    brigade; each annotated with `party_deadline` (its own deadline, None when it has none) and `deadline` (its own,
    else the round's submission deadline)."""
    from django.db.models import Exists, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from regions.models import Subject

    chosen = RoundParty.objects.filter(round=round)
    own = chosen.filter(subject=OuterRef("pk"))
    return (
        Subject.objects.filter(Q(Exists(own)) | (Q(kind__in=PARTY_KINDS) & ~Exists(chosen)))
        .annotate(party_deadline=Subquery(own.values("deadline")[:1]))
        .annotate(deadline=Coalesce("party_deadline", models.Value(round.submission_deadline,
                                                                    output_field=models.DateField())))
    )
