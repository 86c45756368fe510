"""Who may see and change findings, verification and recommendations: decided here and nowhere else.

Built on accounts.roles. Inspectors see and change everything. An OVR or contact person sees
their own region's findings and interview report only once they are sent for verification, and
may only agree or comment; an RMC likewise for their brigade. Ministry staff see the national
picture and the recommendations, never one region's findings. A region or brigade you may not
see answers 404; a write you may not do answers 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.roles import brigade_for_user, brigade_scope, region_scope, require_inspector, sees_national_picture
from assessments.models import Round
from findings.models import Verification, VerificationStatus

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Brigade, Region

OPEN_FOR_RESPONSES = (VerificationStatus.AWAITING, VerificationStatus.COMMENTS_OPEN)


def round_for_year(year: int | str) -> Round:
    try:
        return Round.objects.get(year=int(year))
    except (Round.DoesNotExist, TypeError, ValueError):
        raise Http404(_("Deze meting bestaat niet.")) from None


def round_from_query(value: str | None) -> Round | None:
    """The round named in `?round=`, else the current one; an unknown year answers 404."""
    if value:
        return round_for_year(value)
    return Round.objects.current()


def findings_region_scope(user: User, regions: QuerySet[Region]) -> QuerySet[Region]:
    """Regions whose findings `user` may open: the regions they may see (accounts.roles), except that an
    RMC, who reads the regions of the brigade, does not read their findings."""
    if user.is_authenticated and user.role == Role.RMC and not user.is_inspector:
        return regions.none()
    return region_scope(user, regions)


def findings_region_for_user(user: User, code: str) -> Region:
    from regions.models import Region

    region = findings_region_scope(user, Region.objects.select_related("brigade")).filter(code=code.upper()).first()
    if region is None:
        raise Http404(_("Deze veiligheidsregio bestaat niet of u heeft er geen toegang toe."))
    return region


def findings_brigade_scope(user: User, brigades: QuerySet[Brigade]) -> QuerySet[Brigade]:
    """Brigades whose findings `user` may open: the same as the brigade's own data (accounts.roles)."""
    return brigade_scope(user, brigades)


def findings_brigade_for_user(user: User, number: int | str) -> Brigade:
    return brigade_for_user(user, number)


def sees_findings_text(user: User, verification: Verification | None) -> bool:
    """Draft findings are the inspectors' working text; respondents see them once sent for verification."""
    if user.is_inspector:
        return True
    return verification is not None and verification.status != VerificationStatus.NOT_SENT


def is_respondent_for(user: User, verification: Verification) -> bool:
    if verification.region_id:
        return user.role in (Role.OVR, Role.CONTACT) and user.regions.filter(pk=verification.region_id).exists()
    return user.role == Role.RMC and user.brigade_id == verification.brigade_id


def verification_for_user(user: User, verification: Verification) -> Verification:
    """404 unless `user` may see this verification's subject and its findings have been sent to them."""
    if user.is_inspector:
        return verification
    if is_respondent_for(user, verification) and verification.status != VerificationStatus.NOT_SENT:
        return verification
    raise Http404(_("Deze bevindingen bestaan niet of u heeft er geen toegang toe."))


def require_respondent(user: User, verification: Verification) -> None:
    if not is_respondent_for(user, verification):
        raise PermissionDenied(_("Alleen de respondenten van deze regio of brigade kunnen reageren."))


def require_national(user: User) -> None:
    if not sees_national_picture(user):
        raise PermissionDenied(_("Het landelijk beeld is voor inspecteurs en het ministerie."))


def sees_regional_evidence(user: User) -> bool:
    """Ministry staff see conclusions and counts, not one region's findings or answers."""
    return user.is_inspector


def sees_draft_recommendations(user: User) -> bool:
    return user.is_inspector


__all__ = [
    "OPEN_FOR_RESPONSES",
    "findings_brigade_for_user",
    "findings_region_for_user",
    "require_inspector",
    "require_national",
    "require_respondent",
    "round_for_year",
    "round_from_query",
    "sees_draft_recommendations",
    "sees_findings_text",
    "sees_regional_evidence",
    "verification_for_user",
]
