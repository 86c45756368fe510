"""The national report of a round as files (PDF, DOCX, XLSX, the indicator table as CSV, the printable page),
and the correction of a published picture.

Who may download is who may see the dashboard (`national.access.picture_round_for_user`). Inspectors get the
full file, the ministry the one rendered from its own document, which holds no region's name. A published
round's files are the stored ones (`national.publication`), byte for byte; any other round's say "voorlopig —
nog niet vastgesteld" and are rendered once per data version and kept (`publication.provisional_file`).
"""

from __future__ import annotations

from typing import cast

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.http import AuthedRequest
from core.messages import attempt, flash_form_errors
from findings.models import Judgment
from framework.models import Round, SuccessFactor
from national import publication, reports, services
from national.access import picture_round_for_user
from regions.policy import Action, require


def report_file(request: AuthedRequest, round_code: str, fmt: str) -> HttpResponse:
    round = picture_round_for_user(request.user, round_code)
    audience = publication.audience_of(request.user)
    stored = publication.published_file(round, fmt, audience)
    if stored is not None:
        picture, file = stored
        content = bytes(file.content)
        name = reports.filename(publication.published_document(picture, audience), fmt)
    else:
        # Rendered once per data version and kept: a second download while nothing changed is served as stored.
        provisional = publication.provisional_file(round, fmt, audience)
        content, name = bytes(provisional.content), provisional.name
    response = HttpResponse(content, content_type=reports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def report_page(request: AuthedRequest, round_code: str) -> HttpResponse:
    """The report as one printable HTML page (the PDF's source)."""
    round = picture_round_for_user(request.user, round_code)
    document = publication.shown_picture(round, user=request.user)
    return HttpResponse(reports.render_html(document, shapes=reports.map_shapes()))


class CorrectionForm(forms.Form):
    """A correction of a published picture: why (required), and optionally a factor's national judgment and
    deelconclusie (without a factor: the overall conclusion's text)."""

    reason = forms.CharField(label=gettext_lazy("Reden van de correctie"), widget=forms.Textarea(attrs={"rows": 2}))
    success_factor = forms.ModelChoiceField(
        label=gettext_lazy("Succesfactor"), queryset=SuccessFactor.objects.all(), to_field_name="code", required=False)
    judgment = forms.ChoiceField(label=gettext_lazy("Landelijk oordeel"), choices=[("", "—"), *Judgment.choices], required=False)
    text = forms.CharField(label=gettext_lazy("Deelconclusie of conclusie"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["success_factor"]).queryset = SuccessFactor.objects.filter(
            framework_id=round.framework_id
        )


@require_POST
def picture_correct(request: AuthedRequest, round_code: str) -> HttpResponse:
    """A correction of the published picture: a new version with its reason (`services.picture_correct`)."""
    require(request.user, Action.NATIONAL_EDIT)
    round = picture_round_for_user(request.user, round_code)
    form = CorrectionForm(request.POST, round=round)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect(reverse("national:publish", args=[round.code]))
    data = form.cleaned_data
    attempt(request, lambda: services.picture_correct(
        round=round, by=request.user, reason=data["reason"], success_factor=data["success_factor"],
        judgment=data["judgment"] or None, text=data["text"] or None,
    ), lambda corrected: _("Versie %(version)s van het landelijk beeld is gepubliceerd.") % {"version": corrected.version})
    return redirect(reverse("national:publish", args=[round.code]))
