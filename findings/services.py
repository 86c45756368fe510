"""Writes on findings, verification, conclusions and recommendations.

Every service is keyword-only, atomic, validates before it saves and records
history with the acting user in the same transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from findings.models import Finding, Judgment

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import Round, SuccessFactor
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
    differs from the proposed one. An unchanged value saves nothing. History records `by`.
    """
    _check_subject(region=region, brigade=brigade, success_factor=success_factor)
    if judgment not in Judgment.values:
        raise ValidationError(_("Onbekend oordeel: %(value)s.") % {"value": judgment})
    text = (text or "").strip()
    lookup = {"round": round, "success_factor": success_factor}
    lookup.update({"region": region} if region is not None else {"brigade": brigade})
    finding = Finding.objects.select_for_update().filter(**lookup).order_by().first()
    if finding is None:
        finding = Finding(**lookup, text=text, judgment=judgment, revision=1, updated_by=by)
        finding._history_user = by
        finding._change_reason = reason or _("aangemaakt")
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
    finding._change_reason = reason or _("gewijzigd")
    finding.save()
    return finding
