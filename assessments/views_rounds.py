"""The inspectors' pages for rounds and frameworks: the next round from the last, a round's setup (parties,
deadlines, respondents, questionnaires), opening and closing it against its checklist, and loading a framework
package in two steps (check and summary, then confirm).

Access is the policy's `Action.ROUNDS` (inspectors); everyone else is refused (403). Every write goes through a
service: `assessments.rounds` (round_create, round_open, round_close), `framework.services.round_setup_save`,
`assessments.questionnaire_sheet.questionnaire_upload`, `assessments.packages.package_load`.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import AuthedRequest
from assessments.forms_rounds import RoundCloseForm, RoundCreateForm, RoundOpenForm, RoundSetupForm, UploadForm
from assessments.models import Questionnaire
from assessments.packages import MAX_ZIP_BYTES, PackageError, package_from_zip, package_load, package_plan
from assessments.questionnaire_sheet import SheetError, questionnaire_file, questionnaire_upload
from assessments.round_pages import round_context, rounds_context, setup_initial, setup_subjects
from assessments.rounds import round_close, round_create, round_open
from core.messages import attempt, flash_form_errors
from framework.models import Framework, Round
from framework.rounds import round_named
from framework.services import round_setup_save
from regions.models import SubjectKind
from regions.policy import Action, require


@require_http_methods(["GET", "POST"])
def rounds(request: AuthedRequest) -> HttpResponse:
    """Every framework with its rounds, and the form that makes the next round from one of them."""
    require(request.user, Action.ROUNDS)
    form = RoundCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = attempt(
            request,
            lambda: round_create(framework=data["framework"], year=data["year"], source=data["source"], kind=data["kind"]),
            lambda round: _("Meting %(code)s is gemaakt als vervolg op %(source)s; richt haar nu in.")
            % {"code": round.code, "source": data["source"].code},
        )
        if created.ok:
            return redirect("rounds:round", round_code=created.value.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "rounds/rounds.html", {**rounds_context(), "form": form}, status=status)


def _round(request: AuthedRequest, round_code: str) -> Round:
    require(request.user, Action.ROUNDS)
    round = round_named(round_code)
    if round.code != round_code:  # a year is no round's name here
        raise Http404(_("Deze meting bestaat niet."))
    return round


@require_http_methods(["GET", "POST"])
def round_setup(request: AuthedRequest, round_code: str) -> HttpResponse:
    """The round's setup; a POST saves its deadlines and parties."""
    round = _round(request, round_code)
    subjects, chosen = setup_subjects(round)
    form = RoundSetupForm(request.POST or None, subjects=subjects, initial=setup_initial(round, subjects, chosen))
    if request.method == "POST":
        if not form.is_valid():
            messages.error(request, _("Niets opgeslagen; zie de meldingen bij het formulier."))
        elif attempt(request, lambda: round_setup_save(
            round=round, submission_deadline=form.cleaned_data["submission_deadline"],
            verification_deadline=form.cleaned_data["verification_deadline"], parties=form.parties(), by=request.user,
        ), _("De deelnemers en deadlines van %(code)s zijn opgeslagen.") % {"code": round.code}).ok:
            return redirect("rounds:round", round_code=round.code)
    return render(request, "rounds/round.html", _round_page(round, subjects, chosen, form),
                  status=400 if request.method == "POST" else 200)


def _round_page(round: Round, subjects, chosen: bool, form: RoundSetupForm, **extra) -> dict:
    context = round_context(round, subjects, chosen)
    return {**context, "form": form, "party_rows": form.rows(context["parties"]), "open_form": RoundOpenForm(),
            "close_form": RoundCloseForm(), **extra}


@require_POST
def round_open_view(request: AuthedRequest, round_code: str) -> HttpResponse:
    round = _round(request, round_code)
    form = RoundOpenForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        attempt(request, lambda: round_open(round=round, by=request.user, reason=form.cleaned_data["reason"]),
                _("Meting %(code)s is open: de respondenten kunnen hun vragenlijst invullen.") % {"code": round.code})
    return redirect("rounds:round", round_code=round.code)


@require_POST
def round_close_view(request: AuthedRequest, round_code: str) -> HttpResponse:
    round = _round(request, round_code)
    form = RoundCloseForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
    else:
        attempt(request, lambda: round_close(round=round, by=request.user),
                _("Meting %(code)s is gesloten.") % {"code": round.code})
    return redirect("rounds:round", round_code=round.code)


def _questionnaire(round: Round, audience: str) -> Questionnaire:
    if audience not in (SubjectKind.REGION, SubjectKind.BRIGADE):
        raise Http404(_("Deze vragenlijst bestaat niet."))
    questionnaire = Questionnaire.objects.select_related("round__framework").filter(
        round=round, audience=audience).order_by("-version").first()
    if questionnaire is None:
        raise Http404(_("Deze vragenlijst bestaat niet."))
    return questionnaire


@require_GET
def questionnaire_download(request: AuthedRequest, round_code: str, audience: str, fmt: str) -> HttpResponse:
    round = _round(request, round_code)
    if fmt not in ("xlsx", "yaml"):
        raise Http404(_("Kies XLSX of YAML."))
    name, data, content_type = questionnaire_file(_questionnaire(round, audience), fmt)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def questionnaire_upload_view(request: AuthedRequest, round_code: str, audience: str) -> HttpResponse:
    """A changed questionnaire (XLSX or YAML): checked whole, loaded only when all is well; else every error
    with its file and row on the round's page."""
    round = _round(request, round_code)
    questionnaire = _questionnaire(round, audience)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("rounds:round", round_code=round.code)
    upload = form.cleaned_data["file"]
    try:
        action = questionnaire_upload(questionnaire=questionnaire, name=upload.name,
                                      data=upload.read(2 * 1024 * 1024 + 1), by=request.user)
    except (SheetError, ValidationError) as error:
        subjects, chosen = setup_subjects(round)
        setup_form = RoundSetupForm(subjects=subjects, initial=setup_initial(round, subjects, chosen))
        return render(request, "rounds/round.html", _round_page(
            round, subjects, chosen, setup_form, upload_name=upload.name,
            upload_errors=error.errors if isinstance(error, SheetError) else error.messages,
        ), status=400)
    if action == "unchanged":
        messages.info(request, _("%(name)s is gelijk aan de vragenlijst; er is niets gewijzigd.") % {"name": upload.name})
    else:
        messages.success(request, _("De vragenlijst is vervangen door %(name)s.") % {"name": upload.name})
    return redirect("rounds:round", round_code=round.code)


# --- framework packages --------------------------------------------------------------------------------------

# An uploaded package waits for its confirmation in the default storage (shared by every server), under a random
# token only the uploader's page knows, beside its name and SHA-256; the confirmation reads it again.
UPLOADS = "package-uploads"


def package_keep(name: str, data: bytes) -> str:
    """Keep an uploaded package until it is confirmed; its token."""
    token = secrets.token_urlsafe(24)
    default_storage.save(f"{UPLOADS}/{token}.zip", ContentFile(data))
    meta = json.dumps({"name": name, "sha256": hashlib.sha256(data).hexdigest()})
    default_storage.save(f"{UPLOADS}/{token}.json", ContentFile(meta.encode()))
    return token


def _kept_package(token: str) -> tuple[str, bytes] | None:
    """The package kept under `token`, unchanged since; None when there is none."""
    if not TOKEN.match(token or ""):
        return None
    try:
        with default_storage.open(f"{UPLOADS}/{token}.json", "rb") as handle:
            meta = json.loads(handle.read(10_000))
        with default_storage.open(f"{UPLOADS}/{token}.zip", "rb") as handle:
            data = handle.read(MAX_ZIP_BYTES + 1)
    except (OSError, ValueError):
        return None
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        return None
    return str(meta.get("name") or "pakket.zip"), data


def _forget_package(token: str) -> None:
    if TOKEN.match(token or ""):
        for suffix in ("zip", "json"):
            default_storage.delete(f"{UPLOADS}/{token}.{suffix}")


TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")


@require_http_methods(["GET", "POST"])
def frameworks(request: AuthedRequest) -> HttpResponse:
    """The frameworks; a POSTed package is checked whole and summarised, nothing is written before it is
    confirmed (`frameworks_confirm`)."""
    require(request.user, Action.ROUNDS)
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict = {"frameworks": Framework.objects.order_by("code").prefetch_related("rounds"), "form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(MAX_ZIP_BYTES + 1)
        try:
            plan = package_plan(package_from_zip(upload.name, data))
        except PackageError as error:
            context.update(errors=error.errors, upload_name=upload.name)
            return render(request, "rounds/frameworks.html", context, status=400)
        if plan.unchanged:
            messages.info(request, _("%(name)s is gelijk aan het geladen toetsingskader; er verandert niets.")
                          % {"name": upload.name})
            return redirect("frameworks:list")
        context.update(plan=plan, token=package_keep(upload.name, data), upload_name=upload.name)
        return render(request, "rounds/frameworks.html", context)
    return render(request, "rounds/frameworks.html", context, status=400 if request.method == "POST" else 200)


@require_POST
def frameworks_confirm(request: AuthedRequest) -> HttpResponse:
    """Load the package uploaded and summarised before: read again and checked again, then loaded whole."""
    require(request.user, Action.ROUNDS)
    token = request.POST.get("token", "")
    if request.POST.get("cancel"):
        _forget_package(token)
        messages.info(request, _("Het pakket is niet geladen."))
        return redirect("frameworks:list")
    stored = _kept_package(token)
    if stored is None:
        messages.error(request, _("Dit pakket is niet (meer) beschikbaar; upload het opnieuw."))
        return redirect("frameworks:list")
    name, data = stored
    try:
        plan = package_load(package_from_zip(name, data))
    except PackageError as error:
        _forget_package(token)
        context = {"frameworks": Framework.objects.order_by("code").prefetch_related("rounds"), "form": UploadForm(),
                   "errors": error.errors, "upload_name": name}
        return render(request, "rounds/frameworks.html", context, status=400)
    _forget_package(token)
    messages.success(request, _("%(name)s is geladen: %(changes)s") % {"name": name, "changes": " ".join(plan.changes)
                                                                        or _("er veranderde niets.")})
    return redirect("frameworks:list")

