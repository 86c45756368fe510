"""The inspectors' pages of people: the list of accounts with their role and scope, inviting (a file or one
person) and deactivating. Every page asks the policy (Action.PEOPLE) first."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import AuthedRequest
from accounts.models import User
from accounts.services import user_deactivate
from core.messages import attempt
from core.tabular import MAX_BYTES, ImportRefused, Row
from people.forms import InviteFileForm, InviteForm, LogFilterForm, PartyForm, PeopleFilterForm
from people.pages import log_entries, log_rows, people_rows
from people.services import (
    SEVERAL_PARTIES_ROLES,
    invitations_validate,
    party_change,
    reinvite_rows,
    users_invite,
    users_invite_file,
)
from regions.models import MEMBER_KIND, Membership, SubjectKind
from regions.policy import Action, require, scope_text


@require_GET
def people_list(request: AuthedRequest) -> HttpResponse:
    require(request.user, Action.PEOPLE)
    form = PeopleFilterForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    return render(request, "people/list.html", {
        "form": form, "rows": people_rows(query=query, viewer=request.user), "query": query,
    })


@require_GET
def event_log(request: AuthedRequest) -> HttpResponse:
    """The event log for inspectors, newest first, filtered by person and dates, 100 entries a page."""
    require(request.user, Action.PEOPLE)
    form = LogFilterForm(request.GET)
    filters = {key: value for key, value in form.cleaned_data.items() if value} if form.is_valid() else {}
    page = Paginator(log_entries(**filters), 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "people/log.html", {
        "form": form, "page": page, "rows": log_rows(page.object_list), "query": query.urlencode(),
    }, status=200 if form.is_valid() else 400)


@require_http_methods(["GET", "POST"])
def invite(request: AuthedRequest) -> HttpResponse:
    require(request.user, Action.PEOPLE)
    file_form = InviteFileForm(prefix="file")
    single_form = InviteForm(prefix="one", initial={"subject": request.GET.get("subject")})
    refused = None
    if request.method == "POST" and request.POST.get("form") == "file":
        file_form = InviteFileForm(request.POST, request.FILES, prefix="file")
        if file_form.is_valid():
            upload = file_form.cleaned_data["file"]
            try:
                result = users_invite_file(
                    name=upload.name, data=upload.read(MAX_BYTES + 1), by=request.user,
                    several_confirmed=file_form.cleaned_data["several"], request=request,
                )
            except ImportRefused as error:
                refused = error.errors
            else:
                messages.success(request, _("%(name)s: %(summary)s") % {"name": upload.name, "summary": result.summary()})
                return redirect("people:list")
    elif request.method == "POST":
        single_form = InviteForm(request.POST, prefix="one")
        if single_form.is_valid():
            data = single_form.cleaned_data
            invitations, errors = invitations_validate([Row(0, (data["subject"].code, data["role"], data["name"], data["email"]))])
            for problem in errors:
                single_form.add_error(None, problem.message)
            if not errors:
                result = users_invite(invitations=invitations, by=request.user, request=request)
                messages.success(request, _("%(email)s is uitgenodigd: %(summary)s") % {"email": data["email"], "summary": result.summary()})
                return redirect("people:list")
    return render(request, "people/invite.html", {"file_form": file_form, "single_form": single_form, "refused": refused})


@require_POST
def person_reinvite(request: AuthedRequest, pk: int) -> HttpResponse:
    require(request.user, Action.PEOPLE)
    person = get_object_or_404(User, pk=pk)
    invitations, errors = invitations_validate(reinvite_rows(person))
    if errors:
        for error in errors:
            messages.error(request, error.message)
    else:
        result = users_invite(invitations=invitations, by=request.user, request=request)
        messages.success(request, _("%(email)s is opnieuw uitgenodigd: %(summary)s") % {"email": person.email, "summary": result.summary()})
    return redirect("people:list")


@require_http_methods(["GET", "POST"])
def person_party(request: AuthedRequest, pk: int) -> HttpResponse:
    """Change the parties a respondent responds for; several parties only for an OVR, and only when confirmed."""
    require(request.user, Action.PEOPLE)
    person = get_object_or_404(User, pk=pk, role__in=list(MEMBER_KIND), is_active=True, is_superuser=False)
    kind = MEMBER_KIND[person.role]
    current = list(Membership.objects.of(person).filter(subject__kind=kind).values_list("subject__code", flat=True))
    form = PartyForm(request.POST if request.method == "POST" else None, kind=kind, initial={"subjects": current})
    ask_several = False
    if request.method == "POST" and form.is_valid():
        try:
            changed = party_change(user=person, subjects=list(form.cleaned_data["subjects"]), by=request.user,
                                   several_confirmed=form.cleaned_data["several"], request=request)
        except ValidationError as error:
            ask_several = error.code == "several"
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("%(name)s reageert nu voor %(scope)s.") % {"name": person, "scope": scope_text(person)})
            else:
                messages.info(request, _("De partij van %(name)s is niet gewijzigd.") % {"name": person})
            return redirect("people:list")
    return render(request, "people/party.html", {
        "person": person, "form": form, "current": current, "ask_several": ask_several,
        "several_allowed": person.role in SEVERAL_PARTIES_ROLES, "kind": SubjectKind(kind).label,
    }, status=200 if request.method == "GET" or not form.errors else 400)


@require_POST
def person_deactivate(request: AuthedRequest, pk: int) -> HttpResponse:
    require(request.user, Action.PEOPLE)
    person = get_object_or_404(User, pk=pk)
    attempt(request, lambda: user_deactivate(user=person, by=request.user, request=request),
            _("Het account van %(name)s is gedeactiveerd; inloggen kan niet meer.") % {"name": person})
    return redirect("people:list")
