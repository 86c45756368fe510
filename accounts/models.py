from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    INSPECTOR = "inspector", _("Inspecteur")
    OVR = "ovr", _("OVR")
    CONTACT = "contact", _("Contactpersoon veiligheidsregio")
    RMC = "rmc", _("RMC")
    DIRECTORATE = "directorate", _("Contactpersoon directie")
    MINISTRY = "ministry", _("Ministerie")
    ADMIN = "admin", _("Beheerder")


class User(AbstractUser):
    """A person using cmsaudit; `role` and the scope fields decide what they see."""

    role = models.CharField(_("rol"), max_length=16, choices=Role.choices, default=Role.MINISTRY)
    # OVRs can cover several regions (brigade piket); a contact person has one.
    regions = models.ManyToManyField(
        "regions.Region", verbose_name=_("veiligheidsregio's"), blank=True, related_name="users"
    )
    # The brigade of an RMC.
    brigade = models.ForeignKey(
        "regions.Brigade",
        verbose_name=_("brigade"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
    )
    # The Defence directorate (DOPS, DJZ, CLAS) a directorate's contact person responds for.
    directorate = models.ForeignKey(
        "regions.Subject",
        verbose_name=_("directie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"kind": "directorate"},
        related_name="contacts",
    )
    organisation = models.CharField(_("organisatie"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            # An RMC without a brigade would see nothing and fill in nothing.
            models.CheckConstraint(
                condition=~models.Q(role="rmc") | models.Q(brigade__isnull=False),
                name="rmc_has_brigade",
            ),
            # Likewise a directorate's contact person without a directorate.
            models.CheckConstraint(
                condition=~models.Q(role="directorate") | models.Q(directorate__isnull=False),
                name="directorate_contact_has_directorate",
            ),
        ]

    def __str__(self) -> str:
        full = self.get_full_name()
        return f"{full} ({self.username})" if full else self.username
