from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from accounts.models import User


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
        return reverse("regions:brigade", args=[self.number])

    @property
    def code(self) -> str:
        return str(self.number)


class RegionQuerySet(models.QuerySet["Region"]):
    def for_user(self, user: User) -> RegionQuerySet:
        """The regions whose details `user` may see (see accounts.roles)."""
        from accounts.roles import region_scope

        return region_scope(user, self)


class Region(models.Model):
    """A safety region (veiligheidsregio) as defined by the Wet veiligheidsregio's."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    province = models.CharField(_("provincie"), max_length=100)
    brigade = models.ForeignKey(
        Brigade, verbose_name=_("brigade"), on_delete=models.PROTECT, related_name="regions"
    )
    # GeoJSON geometry (Polygon or MultiPolygon, WGS84) for the national map.
    boundary = models.JSONField(_("grens"), null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("veiligheidsregio")
        verbose_name_plural = _("veiligheidsregio's")
        constraints = [
            models.CheckConstraint(condition=models.Q(code__regex=r"^VR[0-9]{2}$"), name="region_code_format"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("regions:detail", args=[self.code])
