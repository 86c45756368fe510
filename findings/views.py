"""Findings, verification, national picture and recommendations: function views that read like a recipe."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from assessments.models import Answer, Evidence, Round, SuccessFactor
from findings import access, forms, pages, services
from findings.models import (
    Citation,
    Finding,
    InterviewReport,
    Judgment,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
    ReportAttachment,
    Verification,
    VerificationItem,
    VerificationResponse,
)
from findings.national import judgment_counts, verified_counts
from regions.models import Region

# --- helpers ---------------------------------------------------------------------------------


def _subject(request: HttpRequest, year: int, code: str | None, number: int | None) -> dict:
    """Round and region (or brigade) of a findings URL, or 404 for what the user may not see."""
    round = access.round_for_year(year)
    if number is not None:
        return {"round": round, "region": None, "brigade": access.findings_brigade_for_user(request.user, number)}
    return {"round": round, "region": access.findings_region_for_user(request.user, code), "brigade": None}


def _subject_url(subject: dict, anchor: str = "") -> str:
    year = subject["round"].year
    if subject["brigade"] is not None:
        url = reverse("findings:brigade", args=[year, subject["brigade"].number])
    else:
        url = reverse("findings:region", args=[year, subject["region"].code])
    return url + (f"#{anchor}" if anchor else "")


def _factor(subject: dict, csf: str) -> SuccessFactor:
    kind = "region" if subject["region"] is not None else "brigade"
    return get_object_or_404(SuccessFactor, code=csf, subject=kind)


def _error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _stale(request: HttpRequest, stale: services.StaleEdit) -> None:
    messages.error(request, str(stale))


def _anchor(code: str) -> str:
    return "csf-" + code.replace(".", "-")


# --- a region's or brigade's findings --------------------------------------------------------


def subject_findings(request: HttpRequest, year: int, code: str | None = None, number: int | None = None) -> HttpResponse:
    subject = _subject(request, year, code, number)
    verification = Verification.objects.filter(
        round=subject["round"], region=subject["region"], brigade=subject["brigade"]
    ).first()
    context = {
        **subject,
        "verification": verification,
        "shown": access.sees_findings_text(request.user, verification),
        "judgments": Judgment.choices,
    }
    if context["shown"]:
        context.update(pages.subject_page(**subject, user=request.user))
    context["can_respond"] = verification is not None and access.is_respondent_for(request.user, verification) and (
        verification.status in access.OPEN_FOR_RESPONSES
    )
    return render(request, "findings/subject.html", context)


def finding_edit(request: HttpRequest, year: int, csf: str, code: str | None = None, number: int | None = None) -> HttpResponse:
    subject = _subject(request, year, code, number)
    access.require_inspector(request.user)
    factor = _factor(subject, csf)
    finding = Finding.objects.filter(**subject, success_factor=factor).first()
    form = forms.FindingForm(request.POST or None, initial=_finding_initial(finding))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            finding = services.finding_save(
                **subject, success_factor=factor, text=data["text"], judgment=data["judgment"],
                by=request.user, base_revision=data["revision"],
            )
        except (services.StaleEdit, ValidationError) as error:
            if request.htmx:
                return _finding_fragment(request, subject, factor, error=error)
            stale = error if isinstance(error, services.StaleEdit) else None
            _stale(request, error) if stale else _error(request, error)
        else:
            if request.htmx:
                return _finding_fragment(request, subject, factor)
            messages.success(request, _("Bevinding %(code)s opgeslagen.") % {"code": factor.code})
            return redirect(_subject_url(subject, _anchor(factor.code)))
    context = {**subject, "factor": factor, "finding": finding, "form": form, "stale": stale}
    if finding is not None:
        context["citation_form"] = forms.CitationForm(**pages.citation_choices(finding=finding))
        context["history"] = finding.history.select_related("history_user").order_by("-history_date")
        context["citations"] = pages.shown_citations(finding.citations.all())
    context["answers"] = pages.subject_page(**subject)["rows"]
    context["row"] = next(row for row in context.pop("answers") if row["factor"].pk == factor.pk)
    return render(request, "findings/finding_edit.html", context)


def _finding_initial(finding: Finding | None) -> dict:
    if finding is None:
        return {"judgment": "niet_beoordeeld", "revision": 0}
    return {"text": finding.text, "judgment": finding.judgment, "revision": finding.revision}


def _finding_fragment(request, subject, factor, error: Exception | None = None) -> HttpResponse:
    """The card of one factor after an htmx save: the same fragment the region page includes."""
    row = next(row for row in pages.subject_page(**subject)["rows"] if row["factor"].pk == factor.pk)
    message = "; ".join(error.messages) if isinstance(error, ValidationError) else (str(error) if error else "")
    if isinstance(error, services.StaleEdit):
        message += " " + _("Uw tekst was: “%(text)s” (%(judgment)s).") % error.proposed
    context = {**subject, "row": row, "saved": error is None, "error": message, "judgments": Judgment.choices}
    return render(request, "findings/_finding.html", context)


def report_edit(request: HttpRequest, year: int, code: str | None = None, number: int | None = None) -> HttpResponse:
    subject = _subject(request, year, code, number)
    access.require_inspector(request.user)
    report = InterviewReport.objects.filter(**subject).first()
    initial = {"revision": 0} if report is None else {
        "held_on": report.held_on, "participants": report.participants, "text": report.text, "revision": report.revision,
    }
    form = forms.ReportForm(request.POST or None, request.FILES or None, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.report_save(
                **subject, held_on=data["held_on"], participants=data["participants"], text=data["text"],
                by=request.user, base_revision=data["revision"], attachment=data["attachment"],
            )
        except services.StaleEdit as error:
            stale = error
            _stale(request, error)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Gespreksverslag opgeslagen."))
            return redirect(_subject_url(subject, "gespreksverslag"))
    return render(request, "findings/report_edit.html", {**subject, "report": report, "form": form, "stale": stale})


def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report"), pk=pk)
    report = attachment.report
    _subject(request, report.round.year, report.region.code if report.region_id else None, report.brigade.number if report.brigade_id else None)
    verification = report.round.verifications.filter(region=report.region, brigade=report.brigade).first()
    if not access.sees_findings_text(request.user, verification):
        raise Http404(_("Deze bijlage bestaat niet of u heeft er geen toegang toe."))
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Het bestand ontbreekt.")) from None
    return FileResponse(handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type)


@require_POST
def verification_send(request: HttpRequest, year: int, code: str | None = None, number: int | None = None) -> HttpResponse:
    subject = _subject(request, year, code, number)
    access.require_inspector(request.user)
    try:
        services.verification_send(**subject, by=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("De bevindingen zijn ter verificatie voorgelegd aan de respondenten."))
    return redirect(_subject_url(subject, "verificatie"))


def _item_subject(request: HttpRequest, item: VerificationItem) -> dict:
    verification = access.verification_for_user(request.user, item.verification)
    region, brigade = verification.region, verification.brigade
    return _subject(request, verification.round.year, region.code if region else None, brigade.number if brigade else None)


@require_POST
def item_respond(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(VerificationItem.objects.select_related("verification__round"), pk=pk)
    subject = _item_subject(request, item)
    access.require_respondent(request.user, item.verification)
    form = forms.RespondForm(request.POST)
    if form.is_valid():
        try:
            services.verification_respond(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _error(request, error)
    else:
        _error(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    return redirect(_subject_url(subject, f"item-{item.pk}"))


@require_POST
def response_reply(request: HttpRequest, pk: int) -> HttpResponse:
    response = get_object_or_404(VerificationResponse.objects.select_related("item__verification__round"), pk=pk)
    subject = _item_subject(request, response.item)
    access.require_inspector(request.user)
    form = forms.ReplyForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.response_reply(
                response=response, by=request.user, reply=data["reply"], resolution=data["resolution"],
                text=data["text"] or None, judgment=data["judgment"] or None, base_revision=data["revision"],
            )
        except services.StaleEdit as error:
            _stale(request, error)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Antwoord opgeslagen."))
    else:
        _error(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    return redirect(_subject_url(subject, f"item-{response.item_id}"))


# --- traceability ----------------------------------------------------------------------------


@require_POST
def finding_cite(request: HttpRequest, pk: int) -> HttpResponse:
    finding = get_object_or_404(Finding.objects.select_related("round", "region", "brigade", "success_factor"), pk=pk)
    subject = _subject(request, finding.round.year, finding.region.code if finding.region_id else None,
                       finding.brigade.number if finding.brigade_id else None)
    access.require_inspector(request.user)
    form = forms.CitationForm(request.POST, **pages.citation_choices(finding=finding))
    if form.is_valid():
        data = form.cleaned_data
        report = InterviewReport.objects.filter(**subject).first() if data["passage"] else None
        try:
            services.citation_add(
                by=request.user, finding=finding, passage=data["passage"], report=report,
                answer=Answer.objects.get(pk=data["answer"]) if data.get("answer") else None,
                evidence=Evidence.objects.get(pk=data["evidence"]) if data.get("evidence") else None,
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Bron toegevoegd."))
    else:
        _error(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    return redirect(reverse(
        "findings:brigade_finding" if finding.brigade_id else "findings:finding",
        args=[finding.round.year, finding.brigade.number if finding.brigade_id else finding.region.code, finding.success_factor.code],
    ))


@require_POST
def conclusion_cite(request: HttpRequest, pk: int) -> HttpResponse:
    access.require_inspector(request.user)
    conclusion = get_object_or_404(NationalConclusion.objects.select_related("round", "success_factor"), pk=pk)
    findings = _conclusion_finding_choices(conclusion)
    form = forms.CitationForm(request.POST, findings=findings)
    if form.is_valid() and form.cleaned_data.get("cited_finding"):
        try:
            services.citation_add(
                by=request.user, conclusion=conclusion, cited_finding=Finding.objects.get(pk=form.cleaned_data["cited_finding"])
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Bron toegevoegd."))
    else:
        messages.error(request, _("Kies een regionale bevinding als bron."))
    return redirect(_conclusion_url(conclusion))


def _conclusion_finding_choices(conclusion: NationalConclusion) -> list[tuple[int, str]]:
    if conclusion.success_factor_id is None:
        findings = Finding.objects.filter(round=conclusion.round)
    else:
        findings = Finding.objects.filter(round=conclusion.round, success_factor=conclusion.success_factor)
    return [(f.pk, str(f)) for f in findings.select_related("round", "region", "brigade", "success_factor")]


def _round_factor_conclusion(year: int, csf: str) -> tuple[Round, SuccessFactor | None, NationalConclusion | None]:
    """The round, the success factor ("overall": none) and its conclusion, if written, named by a URL."""
    round = access.round_for_year(year)
    factor = None if csf == "overall" else get_object_or_404(SuccessFactor, code=csf)
    return round, factor, NationalConclusion.objects.filter(round=round, success_factor=factor).first()


def _conclusion_url(conclusion: NationalConclusion) -> str:
    code = conclusion.success_factor.code if conclusion.success_factor_id else "overall"
    return reverse("findings:national_factor", args=[conclusion.round.year, code])


@require_POST
def citation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    access.require_inspector(request.user)
    citation = get_object_or_404(Citation.objects.select_related("finding__round", "finding__region", "finding__brigade",
                                                                  "finding__success_factor", "conclusion__round",
                                                                  "conclusion__success_factor"), pk=pk)
    citation.delete()
    messages.success(request, _("Bron verwijderd."))
    if citation.conclusion_id:
        return redirect(_conclusion_url(citation.conclusion))
    finding = citation.finding
    return redirect(reverse(
        "findings:brigade_finding" if finding.brigade_id else "findings:finding",
        args=[finding.round.year, finding.brigade.number if finding.brigade_id else finding.region.code, finding.success_factor.code],
    ))


# --- inspectors' overview, national picture, publishing ------------------------------------


def overview(request: HttpRequest) -> HttpResponse:
    access.require_inspector(request.user)
    round = access.round_from_query(request.GET.get("round"))
    context = {"round": round, **pages.overview(round), "rounds": _rounds(), "judgment_choices": Judgment.choices}
    return render(request, "findings/overview.html", context)


def _rounds():
    return Round.objects.order_by("-year")


def national(request: HttpRequest) -> HttpResponse:
    access.require_national(request.user)
    round = access.round_from_query(request.GET.get("round"))
    context = {"round": round, **pages.national_page(round), "rounds": _rounds(), "judgment_choices": Judgment.choices}
    return render(request, "findings/national.html", context)


def national_factor(request: HttpRequest, year: int, csf: str) -> HttpResponse:
    access.require_national(request.user)
    round, factor, conclusion = _round_factor_conclusion(year, csf)
    context = {"round": round, "factor": factor, "conclusion": conclusion, "csf": csf,
               "counts": judgment_counts(round).get(csf) if factor else None,
               "evidence": access.sees_regional_evidence(request.user)}
    if context["evidence"]:
        context["findings"] = pages.factor_evidence(round, factor) if factor else []
        context["citations"] = pages.shown_citations(conclusion.citations.all()) if conclusion else []
        if conclusion:
            context["citation_form"] = forms.CitationForm(findings=_conclusion_finding_choices(conclusion))
    context["citation_count"] = conclusion.citations.count() if conclusion else 0
    return render(request, "findings/national_factor.html", context)


def conclusion_edit(request: HttpRequest, year: int, csf: str) -> HttpResponse:
    access.require_inspector(request.user)
    round, factor, conclusion = _round_factor_conclusion(year, csf)
    initial = {"revision": 0} if conclusion is None else {
        "text": conclusion.text, "judgment": conclusion.judgment, "revision": conclusion.revision}
    form = forms.ConclusionForm(request.POST or None, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            conclusion = services.conclusion_save(round=round, success_factor=factor, by=request.user,
                                                  base_revision=form.cleaned_data.pop("revision"), **form.cleaned_data)
        except services.StaleEdit as error:
            stale = error
            _stale(request, error)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Conclusie opgeslagen."))
            return redirect(_conclusion_url(conclusion))
    return render(request, "findings/conclusion_edit.html",
                  {"round": round, "factor": factor, "form": form, "stale": stale, "csf": csf})


def publish(request: HttpRequest, year: int) -> HttpResponse:
    access.require_inspector(request.user)
    round = access.round_for_year(year)
    form = forms.PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_publish(round=round, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("De meting is gepubliceerd."))
            return redirect(reverse("findings:national") + f"?round={round.year}")
    counts = verified_counts(round)
    return render(request, "findings/publish.html", {"round": round, "form": form, **counts,
                                                      "region_total": Region.objects.count()})


# --- recommendations -------------------------------------------------------------------------


def recommendations(request: HttpRequest) -> HttpResponse:
    access.require_national(request.user)
    round = access.round_from_query(request.GET.get("round"))
    context = {"round": round, "rounds": _rounds(), **pages.recommendations_page(round, user=request.user)}
    return render(request, "findings/recommendations.html", context)


def _recommendations_url(round) -> str:
    return reverse("findings:recommendations") + f"?round={round.year}"


def recommendation_create(request: HttpRequest, year: int) -> HttpResponse:
    access.require_inspector(request.user)
    round = access.round_for_year(year)
    form = forms.RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_save(round=round, by=request.user, **_recommendation_data(form))
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Aanbeveling opgeslagen."))
            return redirect(_recommendations_url(round))
    return render(request, "findings/recommendation_form.html", {"round": round, "form": form})


def _recommendation_data(form) -> dict:
    data = dict(form.cleaned_data)
    data["success_factors"] = list(data["success_factors"])
    return data


def recommendation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access.require_inspector(request.user)
    recommendation = get_object_or_404(Recommendation.objects.select_related("round"), pk=pk)
    initial = {"text": recommendation.text, "addressee": recommendation.addressee, "region": recommendation.region_id,
               "success_factors": list(recommendation.success_factors.all())}
    form = forms.RecommendationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_save(recommendation=recommendation, round=recommendation.round, by=request.user,
                                         **_recommendation_data(form))
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Aanbeveling opgeslagen."))
            return redirect(_recommendations_url(recommendation.round))
    history = recommendation.history.select_related("history_user").order_by("-history_date")
    return render(request, "findings/recommendation_form.html",
                  {"round": recommendation.round, "form": form, "recommendation": recommendation, "history": history})


@require_POST
def recommendation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    access.require_inspector(request.user)
    recommendation = get_object_or_404(Recommendation.objects.select_related("round"), pk=pk)
    try:
        services.recommendation_decide(recommendation=recommendation, by=request.user,
                                       accept=request.POST.get("decision") == "accept")
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Concept vastgesteld.") if recommendation.status == RecommendationStatus.ACCEPTED
                         else _("Concept verworpen."))
    return redirect(_recommendations_url(recommendation.round))


def follow_up(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    access.require_inspector(request.user)
    recommendation = get_object_or_404(Recommendation.objects.select_related("round"), pk=pk)
    round = access.round_for_year(year)
    existing = recommendation.follow_ups.filter(round=round).first()
    initial = {"status": existing.status, "explanation": existing.explanation} if existing else {}
    form = forms.FollowUpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_save(recommendation=recommendation, round=round, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Opvolging opgeslagen."))
            return redirect(_recommendations_url(round))
    return render(request, "findings/follow_up.html", {"recommendation": recommendation, "round": round, "form": form})


def draft_rules(request: HttpRequest, year: int) -> HttpResponse:
    access.require_inspector(request.user)
    round = access.round_for_year(year)
    form = forms.DraftRuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        data["min_regions"] = data["min_regions"] or 1
        try:
            services.draft_rule_create(round=round, by=request.user, **data)
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Regel opgeslagen."))
            return redirect("findings:draft_rules", year=round.year)
    rules = round.draft_rules.select_related("success_factor")
    return render(request, "findings/draft_rules.html", {"round": round, "form": form, "rules": rules})


@require_POST
def drafts_generate(request: HttpRequest, year: int) -> HttpResponse:
    access.require_inspector(request.user)
    round = access.round_for_year(year)
    created = services.drafts_generate(round=round, by=request.user)
    messages.info(request, ngettext(
        "%(count)s conceptaanbeveling voorgesteld.", "%(count)s conceptaanbevelingen voorgesteld.", len(created)
    ) % {"count": len(created)})
    return redirect(_recommendations_url(round))
