"""The list of regions and the page of one audited party (region, brigade or directorate)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.models import Role
from core.contributions import sections
from regions.geo import HEIGHT, WIDTH, map_shapes
from regions.models import Region, Subject, SubjectKind
from regions.policy import Action, require, subject_for_user, visible_subjects


def region_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.REGION_LIST)
    visible = visible_subjects(request.user).filter(kind=SubjectKind.REGION)
    regions = Region.objects.filter(subject__in=visible).select_related("brigade")
    shapes = map_shapes(regions, css_class_for=lambda r: "region-visible", url_for=lambda r: r.get_absolute_url())
    return render(
        request,
        "regions/region_list.html",
        {"regions": regions, "shapes": shapes, "map_width": WIDTH, "map_height": HEIGHT},
    )


def subject_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One page per audited party; what it shows besides the sections depends on its kind."""
    subject = subject_for_user(request.user, code)
    context = {"subject": subject, "sections": sections(request.user, subject), "map_height": HEIGHT}
    context.update(KIND_CONTEXT[subject.kind](subject))
    return render(request, f"regions/{subject.kind}_detail.html", context)


def _region_context(subject: Subject) -> dict:
    region = subject.region
    people = region.users.filter(is_active=True, role__in=[Role.OVR, Role.CONTACT]).order_by("role", "last_name")
    return {
        "region": region,
        "ovrs": [u for u in people if u.role == Role.OVR],
        "contacts": [u for u in people if u.role == Role.CONTACT],
        "rmcs": region.brigade.users.filter(is_active=True, role=Role.RMC),
        "shapes": map_shapes([region], css_class_for=lambda r: "region-current"),
        "map_width": 400,
    }


def _brigade_context(subject: Subject) -> dict:
    brigade = subject.brigade
    regions = brigade.regions.all()
    return {
        "brigade": brigade,
        "regions": regions,
        "rmcs": brigade.users.filter(is_active=True, role=Role.RMC),
        "shapes": map_shapes(regions, url_for=lambda r: r.get_absolute_url(), css_class_for=lambda r: "region-visible"),
        "map_width": WIDTH,
    }


KIND_CONTEXT = {
    SubjectKind.REGION: _region_context,
    SubjectKind.BRIGADE: _brigade_context,
    SubjectKind.DIRECTORATE: lambda subject: {},
}
