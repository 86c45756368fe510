"""Upload and download of judgments (CSV/XLSX): inspectors only."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.http import AuthedRequest
from assessments.exchange import export_filename
from assessments.forms_exchange import JudgmentExportForm
from assessments.views_exchange import download, render_hub, upload_page
from findings.exchange import JUDGMENTS, judgments_export
from regions.policy import Action, require


@require_http_methods(["GET", "POST"])
def judgments_import(request: AuthedRequest) -> HttpResponse:
    return upload_page(
        request,
        importer=JUDGMENTS,
        done="findings:judgments_import",
        success=_("%(name)s is geïmporteerd in meting %(year)s: oordelen %(summary)s"),
    )


@require_GET
def judgments_export_view(request: AuthedRequest) -> HttpResponse:
    require(request.user, Action.EXCHANGE)
    form = JudgmentExportForm(request.GET, auto_id="id_judgments_%s")
    if not form.is_valid():
        return render_hub(request, judgment_form=form, status=400)
    audit_round, fmt = form.cleaned_data["round"], form.cleaned_data["format"]
    return download(judgments_export(round=audit_round, fmt=fmt), fmt, export_filename("oordelen", audit_round, fmt))
