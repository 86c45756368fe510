"""The list of regions and the page of one audited party (region, brigade or directorate)."""

from django.http import HttpResponse
from django.shortcuts import render

from accounts.http import AuthedRequest
from core.contributions import sections
from regions import pages
from regions.policy import Action, require, subject_for_user


def region_list(request: AuthedRequest) -> HttpResponse:
    require(request.user, Action.REGION_LIST)
    return render(request, "regions/region_list.html", pages.region_list_context(request.user))


def subject_detail(request: AuthedRequest, code: str) -> HttpResponse:
    """One page per audited party; what it shows besides the sections depends on its kind."""
    subject = subject_for_user(request.user, code)
    context = {"subject": subject, "sections": sections(request.user, subject), **pages.subject_context(subject)}
    return render(request, f"regions/{subject.kind}_detail.html", context)
