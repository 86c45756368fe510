"""Findings, interview reports and verification of one audited party: function views that read like a recipe.

Access is the policy's (`regions.policy`), looked up through `findings.access`.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthedRequest
from assessments.access import round_from_query
from assessments.reconstruction import is_reconstructed
from core.errors import StaleEdit
from core.messages import attempt, flash_form_errors, form_messages
from core.uploads import ACCEPTED_TYPES
from findings import access, forms, pages, services
from findings.models import (
    Finding,
    Judgment,
    VerificationStatus,
)
from framework.models import SuccessFactor
from regions.policy import Action, require

# --- helpers ---------------------------------------------------------------------------------


def _subject(request: AuthedRequest, round_code: str, code: str, action: Action | None = None) -> dict:
    """Round and subject of a findings URL, or 404 for what the user may not see (403 for an action not theirs)."""
    round, subject = access.findings_subject(request.user, round_code, code, action=action)
    return {"round": round, "subject": subject}


def _subject_url(subject: dict, anchor: str = "") -> str:
    url = reverse("findings:subject", args=[subject["round"].code, subject["subject"].code])
    return url + (f"#{anchor}" if anchor else "")


def finding_url(finding: Finding) -> str:
    return reverse("findings:finding", args=[finding.round.code, finding.subject.code, finding.success_factor.code])


def _factor(subject: dict, csf: str) -> SuccessFactor:
    round = subject["round"]
    return get_object_or_404(SuccessFactor, framework_id=round.framework_id, code=csf, subject_kind=subject["subject"].kind)




def _anchor(code: str) -> str:
    return "csf-" + code.replace(".", "-")


# --- a region's or brigade's findings --------------------------------------------------------


def subject_findings(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    subject = _subject(request, round_code, code)
    verification = pages.verification_of(**subject)
    allowed = access.findings_access(request.user, subject["subject"], verification)
    context = {
        **subject,
        "verification": verification,
        "access": allowed,
        "judgments": Judgment.choices,
        "report_only": pages.report_only(subject["subject"]),
        "reconstructed": is_reconstructed(subject["round"], audience=subject["subject"].kind),
    }
    if allowed.shown:
        context.update(pages.subject_page(**subject, user=request.user))
        # A response refused by its form is shown at its own item, with what the respondent typed.
        refused = request.session.pop("respond_refused", {})
        for item in context["items"]:
            item.refused = refused.get(str(item.pk))
    if allowed.sees_drafts and verification is not None and verification.status == VerificationStatus.AWAITING:
        context["pending"] = pages.respondents_pending(verification)
    return render(request, "findings/subject.html", context)


def finding_edit(request: AuthedRequest, round_code: str, code: str, csf: str) -> HttpResponse:
    subject = _subject(request, round_code, code, Action.FINDINGS_EDIT)
    factor = _factor(subject, csf)
    page = pages.finding_page(**subject, factor=factor)
    form = forms.FindingForm(request.POST or None, initial=_finding_initial(page["finding"]))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(request, lambda: services.finding_save(
            **subject, success_factor=factor, text=data["text"], judgment=data["judgment"],
            by=request.user, base_revision=data["revision"],
        ), "" if request.htmx else _("Bevinding %(code)s opgeslagen.") % {"code": factor.code}, flash=not request.htmx)
        if request.htmx:
            return _finding_fragment(request, subject, factor, error=saved.refusal)
        if saved.ok:
            return redirect(_subject_url(subject, _anchor(factor.code)))
        stale = saved.stale
    # The editor's page shows no verification: no need to read it for the access answer.
    allowed = access.findings_access(request.user, subject["subject"], None)
    context = {**subject, **page, "factor": factor, "form": form, "stale": stale, "access": allowed}
    if page["finding"] is not None:
        context["citation_form"] = forms.CitationForm(**page["citation_choices"])
    return render(request, "findings/finding_edit.html", context)


def _finding_initial(finding: Finding | None) -> dict:
    if finding is None:
        return {"judgment": "niet_beoordeeld", "revision": 0}
    return {"text": finding.text, "judgment": finding.judgment, "revision": finding.revision}


def _finding_fragment(request, subject, factor, error: Exception | None = None) -> HttpResponse:
    """The card of one factor after an htmx save: the same fragment the region page includes."""
    row = pages.factor_row(**subject, factor=factor)
    verification = row["item"].verification if row["item"] is not None else None
    allowed = access.findings_access(request.user, subject["subject"], verification)
    message = "; ".join(error.messages) if isinstance(error, ValidationError) else (str(error) if error else "")
    if isinstance(error, StaleEdit):
        message += " " + _("Uw tekst was: “%(text)s” (%(judgment)s).") % error.proposed
    context = {**subject, "row": row, "saved": error is None, "error": message, "judgments": Judgment.choices,
               "access": allowed}
    return render(request, "findings/_finding.html", context)


def report_edit(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    subject = _subject(request, round_code, code, Action.FINDINGS_EDIT)
    report = pages.report_of(**subject)
    initial = {"revision": 0} if report is None else {
        "held_on": report.held_on, "participants": report.participants, "text": report.text, "revision": report.revision,
    }
    form = forms.ReportForm(request.POST or None, request.FILES or None, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(request, lambda: services.report_save(
            **subject, held_on=data["held_on"], participants=data["participants"], text=data["text"],
            by=request.user, base_revision=data["revision"], attachment=data["attachment"],
        ), _("Gespreksverslag opgeslagen."))
        if saved.ok:
            return redirect(_subject_url(subject, "gespreksverslag"))
        stale = saved.stale
    return render(request, "findings/report_edit.html", {**subject, "report": report, "form": form, "stale": stale})


def attachment_download(request: AuthedRequest, pk: int) -> FileResponse:
    attachment = access.attachment_for_user(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Het bestand ontbreekt.")) from None
    # The type the upload policy judged; a row stored before attachments were checked gets no type a browser runs.
    content_type = attachment.content_type if attachment.content_type in ACCEPTED_TYPES else "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def verification_send(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    subject = _subject(request, round_code, code, Action.FINDINGS_EDIT)
    attempt(request, lambda: services.verification_send(**subject, by=request.user),
            _("Het gespreksverslag is ter verificatie voorgelegd aan de directie.") if pages.report_only(subject["subject"])
            else _("De bevindingen zijn ter verificatie voorgelegd aan de respondenten."))
    return redirect(_subject_url(subject, "verificatie"))


@require_POST
def verification_close(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    """An inspector closes the verification with a reason (say, a respondent stays silent)."""
    subject = _subject(request, round_code, code, Action.VERIFY_REPLY)
    verification = pages.verification_of(**subject)
    form = forms.CloseForm(request.POST)
    if verification is None:
        messages.error(request, _("Deze bevindingen zijn nog niet ter verificatie verstuurd."))
    elif not form.is_valid():
        flash_form_errors(request, form)
    else:
        attempt(request, lambda: services.verification_close(
            verification=verification, by=request.user, reason=form.cleaned_data["reason"],
        ), _("De verificatie is afgesloten."))
    return redirect(_subject_url(subject, "verificatie"))


def _verification_url(verification, anchor: str) -> str:
    return reverse("findings:subject", args=[verification.round.code, verification.subject.code]) + f"#{anchor}"


@require_POST
def item_respond(request: AuthedRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, action=Action.VERIFY)
    form = forms.RespondForm(request.POST)
    if form.is_valid():
        attempt(request, lambda: services.verification_respond(item=item, by=request.user, **form.cleaned_data))
    else:
        request.session["respond_refused"] = {
            str(item.pk): {"errors": form_messages(form), "kind": request.POST.get("kind", ""),
                           "comment": request.POST.get("comment", "")}
        }
    return redirect(_verification_url(item.verification, f"item-{item.pk}"))


@require_POST
def response_reply(request: AuthedRequest, pk: int) -> HttpResponse:
    response = access.response_for_user(request.user, pk, action=Action.VERIFY_REPLY)
    form = forms.ReplyForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        attempt(request, lambda: services.response_reply(
            response=response, by=request.user, reply=data["reply"], resolution=data["resolution"],
            text=data["text"] or None, judgment=data["judgment"] or None, base_revision=data["revision"],
        ), _("Antwoord opgeslagen."))
    else:
        flash_form_errors(request, form)
    return redirect(_verification_url(response.item.verification, f"item-{response.item_id}"))


# --- traceability ----------------------------------------------------------------------------


@require_POST
def finding_cite(request: AuthedRequest, pk: int) -> HttpResponse:
    finding = access.finding_for_user(request.user, pk, action=Action.FINDINGS_EDIT)
    form = forms.CitationForm(request.POST, **pages.citation_choices(finding=finding))
    if form.is_valid():
        data = form.cleaned_data
        sources = pages.citation_sources(
            finding, answer=data.get("answer"), evidence=data.get("evidence"), passage=data["passage"]
        )
        attempt(request, lambda: services.citation_add(by=request.user, finding=finding, passage=data["passage"], **sources),
                _("Bron toegevoegd."))
    else:
        flash_form_errors(request, form)
    return redirect(finding_url(finding))


@require_POST
def citation_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    citation = access.citation_for_user(request.user, pk)
    attempt(request, lambda: services.citation_delete(citation=citation, by=request.user), _("Bron verwijderd."))
    conclusion = citation.conclusion
    if conclusion is not None:
        factor = conclusion.success_factor
        code = factor.code if factor is not None else "overall"
        return redirect(reverse("national:factor", args=[conclusion.round.code, code]))
    assert citation.finding is not None, "a citation belongs to a finding or a conclusion"
    return redirect(finding_url(citation.finding))


# --- inspectors' overview --------------------------------------------------------------------


def overview(request: AuthedRequest) -> HttpResponse:
    require(request.user, Action.FINDINGS_DRAFT)
    round = round_from_query(request.GET.get("round"))
    context = {"round": round, **pages.overview(round), "judgment_choices": Judgment.choices}
    return render(request, "findings/overview.html", context)
