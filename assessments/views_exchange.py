"""The exchange hub, the answers download and the answers upload (CSV/XLSX)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.http import AuthedRequest
from assessments.exchange import ANSWERS, answers_export, export_filename
from assessments.forms_exchange import ExportForm, JudgmentExportForm, UploadForm
from core.tabular import CONTENT_TYPES, Importer, ImportRefused
from framework.models import Round
from regions.models import Subject
from regions.policy import Action, Area, may, require, subject_for_user, visible_subjects


def require_answer_downloader(user) -> None:
    """Those who see questionnaires download the answers they may see: inspectors everything, respondents
    their own (an RMC also the brigade's regions); ministry staff nothing."""
    require(user, Action.REGION_LIST)


@require_GET
def exchange(request: AuthedRequest) -> HttpResponse:
    require_answer_downloader(request.user)
    return render_hub(request)


@require_GET
def export(request: AuthedRequest) -> HttpResponse:
    require_answer_downloader(request.user)
    form = ExportForm(request.GET, auto_id="id_export_%s")
    if not form.is_valid():
        return render_hub(request, export_form=form, status=400)
    data = form.cleaned_data
    subject = subject_for_user(request.user, data["region"], Area.QUESTIONNAIRE) if data["region"] else None
    subjects = (
        Subject.objects.filter(pk=subject.pk) if subject else visible_subjects(request.user, Area.QUESTIONNAIRE)
    )
    content = answers_export(round=data["round"], subjects=subjects, fmt=data["format"], blank=data["blank"])
    name = export_filename("antwoorden", data["round"], data["format"], subject=subject, blank=data["blank"])
    return download(content, data["format"], name)


@require_http_methods(["GET", "POST"])
def import_answers(request: AuthedRequest) -> HttpResponse:
    return upload_page(
        request,
        importer=ANSWERS,
        done="assessments:import",
        success=_("%(name)s is geïmporteerd in meting %(year)s: antwoorden %(summary)s"),
    )


def upload_page(request: AuthedRequest, *, importer: Importer, done: str, success: str) -> HttpResponse:
    """The upload recipe shared by answers and judgments: inspectors only; a refused file lists every error."""
    require(request.user, Action.EXCHANGE)
    form = UploadForm(request.POST or None, request.FILES or None, initial=exchange_initial())
    refused = None
    if form.is_valid():
        upload, audit_round = form.cleaned_data["file"], form.cleaned_data["round"]
        try:
            result = importer.import_file(name=upload.name, data=upload.read(), round=audit_round, by=request.user)
        except ImportRefused as error:
            refused = error.errors
        else:
            messages.success(request, success % {"name": upload.name, "year": audit_round.year, "summary": result.summary()})
            return redirect(done)
    return render(request, "exchange/import.html", {
        "form": form, "refused": refused, "kind": importer.kind, "header": importer.header_text,
    })


def render_hub(
    request: AuthedRequest,
    *,
    export_form: ExportForm | None = None,
    judgment_form: JudgmentExportForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The hub page; a form given here was invalid and shows its errors (status 400)."""
    inspector, initial = may(request.user, Action.EXCHANGE), exchange_initial()
    regions = visible_subjects(request.user, Area.QUESTIONNAIRE).only("code", "name", "kind")
    if export_form is not None:
        export_form.set_regions(regions)
    context = {
        "export_form": export_form or ExportForm(regions=regions, initial=initial, auto_id="id_export_%s"),
        # Three forms on one page share field names; their element ids must differ.
        "upload_form": UploadForm(initial=initial, auto_id="id_upload_%s") if inspector else None,
        "judgment_form": (judgment_form or JudgmentExportForm(initial=initial, auto_id="id_judgments_%s")) if inspector else None,
    }
    return render(request, "exchange/exchange.html", context, status=status)


def download(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def exchange_initial() -> dict:
    current = Round.objects.current()
    return {"round": current.year if current else None, "format": "csv"}
