"""Who may see which region or brigade: decided here and nowhere else.

Every view that shows a region's data starts from these functions. Default
deny: a role that is not named below sees no region at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import Role

if TYPE_CHECKING:
    from accounts.models import User
    from regions.models import Brigade, Region


def region_scope(user: User, regions: QuerySet[Region]) -> QuerySet[Region]:
    """Filter `regions` to those `user` may see."""
    if not user.is_authenticated or not user.is_active:
        return regions.none()
    if user.is_inspector:
        return regions
    if user.role in (Role.OVR, Role.CONTACT):
        return regions.filter(pk__in=user.regions.values("pk"))
    if user.role == Role.RMC and user.brigade_id:
        # An RMC reads the regions of their brigade, and any assigned explicitly.
        return regions.filter(Q(brigade_id=user.brigade_id) | Q(pk__in=user.regions.values("pk")))
    return regions.none()


def region_for_user(user: User, code: str) -> Region:
    """The region `code` if `user` may see it; 404 otherwise, exactly as for a region that does not exist."""
    from regions.models import Region

    region = region_scope(user, Region.objects.select_related("brigade")).filter(code=code.upper()).first()
    if region is None:
        raise Http404(_("Deze veiligheidsregio bestaat niet of u heeft er geen toegang toe."))
    return region


def can_edit_region(user: User, region: Region) -> bool:
    """Whether `user` may fill in or change the region's questionnaire answers."""
    if user.is_inspector:
        return True
    if user.role in (Role.OVR, Role.CONTACT):
        return user.regions.filter(pk=region.pk).exists()
    return False


def brigade_scope(user: User, brigades: QuerySet[Brigade]) -> QuerySet[Brigade]:
    """Brigades whose own (brigade-level) data `user` may see."""
    if not user.is_authenticated or not user.is_active:
        return brigades.none()
    if user.is_inspector:
        return brigades
    if user.role == Role.RMC and user.brigade_id:
        return brigades.filter(pk=user.brigade_id)
    return brigades.none()


def brigade_for_user(user: User, number: int | str) -> Brigade:
    from regions.models import Brigade

    try:
        number = int(number)
    except (TypeError, ValueError):
        raise Http404(_("Onbekende brigade.")) from None
    brigade = brigade_scope(user, Brigade.objects.all()).filter(number=number).first()
    if brigade is None:
        raise Http404(_("Deze brigade bestaat niet of u heeft er geen toegang toe."))
    return brigade


def can_edit_brigade(user: User, brigade: Brigade) -> bool:
    return user.is_inspector or (user.role == Role.RMC and user.brigade_id == brigade.pk)


def sees_national_picture(user: User) -> bool:
    """Aggregates over all regions: inspectors and ministry staff."""
    return user.is_authenticated and (user.is_inspector or user.role == Role.MINISTRY)


def require_inspector(user: User) -> None:
    if not user.is_inspector:
        raise PermissionDenied(_("Alleen inspecteurs mogen dit doen."))
