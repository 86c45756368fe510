"""The audited parties: the 25 safety regions, the army's brigades and the Defence directorates.

`Subject` is the one concept the rest of the application works with: an assessment, a finding,
an interview report and a verification belong to one subject, named in URLs and exchange files by
its code (`VR13`, `B11`, `DOPS`). `Region` and `Brigade` keep what is particular to each kind
(the province and boundary of a region, the garrison of a brigade).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role

# The code of an audited party as URLs and exchange files write it. A region's code has two digits today (25
# regions); three are allowed so that the scale tests can run a picture of 250 regions.
REGION_CODE_PATTERN = r"VR[0-9]{2,3}"
SUBJECT_CODE_PATTERN = rf"{REGION_CODE_PATTERN}|B[0-9]{{2}}|[A-Z]{{2,8}}"


class Brigade(models.Model):
    """One of the army brigades whose RMC coordinates military assistance."""

    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    garrison = models.CharField(_("garnizoen"), max_length=100)
    area = models.CharField(_("gebied"), max_length=100, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("brigade")
        verbose_name_plural = _("brigades")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", args=[self.code])

    @property
    def code(self) -> str:
        return f"B{self.number}"


class Region(models.Model):
    """A safety region (veiligheidsregio) as defined by the Wet veiligheidsregio's."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    province = models.CharField(_("provincie"), max_length=100)
    brigade = models.ForeignKey(
        Brigade, verbose_name=_("brigade"), on_delete=models.PROTECT, related_name="regions"
    )
    # GeoJSON geometry (Polygon or MultiPolygon, WGS84) for the national map.
    boundary = models.JSONField(_("grens"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("veiligheidsregio")
        verbose_name_plural = _("veiligheidsregio's")
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=rf"^{REGION_CODE_PATTERN}$"), name="region_code_format"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", args=[self.code])


class SubjectKind(models.TextChoices):
    REGION = "region", _("veiligheidsregio")
    BRIGADE = "brigade", _("brigade")
    DIRECTORATE = "directorate", _("directie")


class Subject(models.Model):
    """An audited party: a safety region, a brigade or a Defence directorate."""

    kind = models.CharField(_("soort"), max_length=12, choices=SubjectKind.choices)
    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("naam"), max_length=150)
    region = models.OneToOneField(
        Region, verbose_name=_("veiligheidsregio"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="subject",
    )
    brigade = models.OneToOneField(
        Brigade, verbose_name=_("brigade"), null=True, blank=True, on_delete=models.PROTECT, related_name="subject"
    )
    # Regions first, then brigades, then directorates: the order of every overview.
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("geauditeerde partij")
        verbose_name_plural = _("geauditeerde partijen")
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=rf"^({SUBJECT_CODE_PATTERN})$"), name="subject_code_format"),
            models.CheckConstraint(
                condition=(models.Q(kind=SubjectKind.REGION, region__isnull=False, brigade__isnull=True))
                | (models.Q(kind=SubjectKind.BRIGADE, brigade__isnull=False, region__isnull=True))
                | (models.Q(kind=SubjectKind.DIRECTORATE, region__isnull=True, brigade__isnull=True)),
                name="subject_kind_matches_link",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}" if self.kind == SubjectKind.REGION else self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", args=[self.code])

    @property
    def is_region(self) -> bool:
        return self.kind == SubjectKind.REGION


# The roles whose scope is a set of parties; the other roles (inspector, ministry, administrator) have none.
MEMBER_ROLES = (Role.OVR, Role.CONTACT, Role.RMC, Role.DIRECTORATE)
# The kind of party each role responds for.
MEMBER_KIND: dict[str, SubjectKind] = {Role.OVR: SubjectKind.REGION, Role.CONTACT: SubjectKind.REGION, Role.RMC: SubjectKind.BRIGADE,
                                     Role.DIRECTORATE: SubjectKind.DIRECTORATE}


class MembershipQuerySet(models.QuerySet):
    def of(self, user) -> MembershipQuerySet:
        """`user`'s memberships in the role of their account: a membership of another role grants nothing."""
        return self.filter(user=user, role=user.role) if user.pk else self.none()


class Membership(models.Model):
    """That a person responds for (or, an RMC with a region, reads) one audited party, and in which role.

    The one place a respondent's scope is kept: an OVR may have several regions (brigade piket), a contact person
    one region, an RMC one brigade (and, rarely, a region to read), a directorate's contact person one directorate.
    regions.policy reads these; writes go through people.services and the admin, which keep those numbers.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="memberships"
    )
    subject = models.ForeignKey(
        Subject, verbose_name=_("partij"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=16, choices=[(role.value, role.label) for role in MEMBER_ROLES])

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["subject__order", "subject__code"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "subject"], name="membership_one_per_party"),
            models.CheckConstraint(condition=models.Q(role__in=[role.value for role in MEMBER_ROLES]), name="membership_role_responds"),
        ]
        indexes = [
            # The party pages: who responds for this party.
            models.Index(fields=["subject", "role"], name="membership_subject_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.subject.code} ({self.get_role_display()})"
