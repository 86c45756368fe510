"""Upload and download of judgments (CSV/XLSX): inspectors only."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import require_inspector
from assessments.exchange import ImportRefused, export_filename
from assessments.forms_exchange import JudgmentExportForm, UploadForm
from assessments.views_exchange import download, exchange_initial, render_hub
from findings.exchange import judgments_export, judgments_import_file


@require_http_methods(["GET", "POST"])
def judgments_import(request: HttpRequest) -> HttpResponse:
    require_inspector(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, initial=exchange_initial())
    refused = None
    if form.is_valid():
        upload, audit_round = form.cleaned_data["file"], form.cleaned_data["round"]
        try:
            result = judgments_import_file(name=upload.name, data=upload.read(), round=audit_round, by=request.user)
        except ImportRefused as error:
            refused = error.errors
        else:
            messages.success(request, _("%(name)s is geïmporteerd in meting %(year)s: oordelen %(summary)s")
                             % {"name": upload.name, "year": audit_round.year, "summary": result.summary()})
            return redirect("findings:judgments_import")
    return render(request, "exchange/import.html", {
        "form": form, "refused": refused, "kind": "judgments", "header": "region_code,csf,judgment,finding",
    })


@require_GET
def judgments_export_view(request: HttpRequest) -> HttpResponse:
    require_inspector(request.user)
    form = JudgmentExportForm(request.GET, auto_id="id_judgments_%s")
    if not form.is_valid():
        return render_hub(request, judgment_form=form, status=400)
    audit_round, fmt = form.cleaned_data["round"], form.cleaned_data["format"]
    return download(judgments_export(round=audit_round, fmt=fmt), fmt, export_filename("oordelen", audit_round, fmt))
