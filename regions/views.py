from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.roles import brigade_for_user, region_for_user
from regions.geo import HEIGHT, WIDTH, map_shapes
from regions.models import Region


def region_list(request: HttpRequest) -> HttpResponse:
    if request.user.role == Role.MINISTRY:
        raise PermissionDenied(_("Ministeriemedewerkers zien het landelijk beeld, niet de gegevens per regio."))
    regions = Region.objects.for_user(request.user).select_related("brigade")
    visible = {region.code for region in regions}
    shapes = map_shapes(
        Region.objects.filter(code__in=visible),
        css_class_for=lambda r: "region-visible",
        url_for=lambda r: r.get_absolute_url(),
    )
    return render(
        request,
        "regions/region_list.html",
        {"regions": regions, "shapes": shapes, "map_width": WIDTH, "map_height": HEIGHT},
    )


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code)
    people = region.users.filter(is_active=True, role__in=[Role.OVR, Role.CONTACT]).order_by("role", "last_name")
    shapes = map_shapes([region], css_class_for=lambda r: "region-current")
    return render(
        request,
        "regions/region_detail.html",
        {
            "region": region,
            "ovrs": [u for u in people if u.role == Role.OVR],
            "contacts": [u for u in people if u.role == Role.CONTACT],
            "rmcs": region.brigade.users.filter(is_active=True, role=Role.RMC),
            "shapes": shapes,
            "map_width": 400,
            "map_height": HEIGHT,
            "sections": region_sections(request.user, region),
        },
    )


def brigade_detail(request: HttpRequest, number: int) -> HttpResponse:
    brigade = brigade_for_user(request.user, number)
    regions = brigade.regions.all()
    return render(
        request,
        "regions/brigade_detail.html",
        {
            "brigade": brigade,
            "regions": regions,
            "rmcs": brigade.users.filter(is_active=True, role=Role.RMC),
            "shapes": map_shapes(regions, url_for=lambda r: r.get_absolute_url(), css_class_for=lambda r: "region-visible"),
            "map_width": WIDTH,
            "map_height": HEIGHT,
            "sections": brigade_sections(request.user, brigade),
        },
    )


def brigade_sections(user, brigade) -> list[dict]:
    from assessments.sections import brigade_sections as assessment_sections
    from findings.sections import brigade_sections as finding_sections

    return assessment_sections(user, brigade) + finding_sections(user, brigade)


def region_sections(user, region) -> list[dict]:
    """Per-round links shown on a region page, contributed by the assessment and findings apps."""
    from assessments.sections import region_sections as assessment_sections
    from findings.sections import region_sections as finding_sections

    return assessment_sections(user, region) + finding_sections(user, region)
