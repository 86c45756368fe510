"""What the region list and a subject's page show, read in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import F, Q, QuerySet

from accounts.models import Role, User
from regions.geo import HEIGHT, WIDTH, map_shapes
from regions.models import Region, Subject, SubjectKind
from regions.policy import visible_subjects


def region_list_context(user: User) -> dict:
    """The regions `user` may see, on a list and a map."""
    visible = visible_subjects(user).filter(kind=SubjectKind.REGION)
    regions = Region.objects.filter(subject__in=visible).select_related("brigade")
    shapes = map_shapes(regions, css_class_for=lambda r: "region-visible", url_for=lambda r: r.get_absolute_url())
    return {"regions": regions, "shapes": shapes, "map_width": WIDTH, "map_height": HEIGHT}


def subject_context(subject: Subject) -> dict:
    """What a subject's page shows besides the sections the apps contribute; depends on its kind."""
    return {"map_height": HEIGHT, **KIND_CONTEXT[subject.kind](subject)}


def _members(subject: Subject | None, roles: list[str], *, brigade_id: int | None = None) -> QuerySet[User]:
    """The active accounts of `roles` that respond for `subject` (or for the brigade `brigade_id`)."""
    party = Q(memberships__subject=subject) if subject is not None else Q(memberships__subject__brigade_id=brigade_id)
    return User.objects.filter(party, is_active=True, role__in=roles, memberships__role=F("role"))


def _region_context(subject: Subject) -> dict:
    region = subject.region
    assert region is not None, "a region's subject has its region"
    people = _members(subject, [Role.OVR, Role.CONTACT]).order_by("role", "last_name")
    return {
        "region": region,
        "ovrs": [u for u in people if u.role == Role.OVR],
        "contacts": [u for u in people if u.role == Role.CONTACT],
        "rmcs": _members(None, [Role.RMC], brigade_id=region.brigade_id),
        "shapes": map_shapes([region], css_class_for=lambda r: "region-current"),
        "map_width": 400,
    }


def _brigade_context(subject: Subject) -> dict:
    brigade = subject.brigade
    assert brigade is not None, "a brigade's subject has its brigade"
    regions = brigade.regions.all()
    return {
        "brigade": brigade,
        "regions": regions,
        "rmcs": _members(subject, [Role.RMC]),
        "shapes": map_shapes(regions, url_for=lambda r: r.get_absolute_url(), css_class_for=lambda r: "region-visible"),
        "map_width": WIDTH,
    }


def _directorate_context(subject: Subject) -> dict:
    return {"contacts": _members(subject, [Role.DIRECTORATE]).order_by("last_name")}


KIND_CONTEXT: dict[str, Callable[[Subject], dict]] = {
    SubjectKind.REGION: _region_context,
    SubjectKind.BRIGADE: _brigade_context,
    SubjectKind.DIRECTORATE: _directorate_context,
}
