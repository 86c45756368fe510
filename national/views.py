"""The round as a whole: the national picture, conclusions, publication and the recommendations.

Function views that read like a recipe; access is the policy's (`regions.policy`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.http import AuthedRequest
from core.messages import attempt, flash_form_errors
from findings import forms
from findings.models import NationalConclusion, RecommendationStatus
from findings.services import citation_add
from framework.rounds import round_named
from national import files, pages, publication, services
from national.access import picture_round_for_user, reader_round_from_query
from national.cache import cached_response
from national.context import context_for_edit, figures_of, round_context_save
from national.forms import ContextFigureFormSet, RoundContextForm, figures_from
from regions.policy import Action, may, require

if TYPE_CHECKING:
    from national.picture import Picture


@require_POST
def conclusion_cite(request: AuthedRequest, pk: int) -> HttpResponse:
    require(request.user, Action.NATIONAL_EDIT)
    conclusion = pages.conclusion_by_pk(pk)
    form = forms.CitationForm(request.POST, findings=pages.conclusion_finding_choices(conclusion))
    if form.is_valid() and form.cleaned_data.get("cited_finding"):
        cited = pages.finding_citable(conclusion, form.cleaned_data["cited_finding"])
        attempt(request, lambda: citation_add(by=request.user, conclusion=conclusion, cited_finding=cited),
                _("Bron toegevoegd."))
    else:
        messages.error(request, _("Kies een regionale bevinding als bron."))
    return redirect(_conclusion_url(conclusion))


def _conclusion_url(conclusion: NationalConclusion) -> str:
    code = conclusion.success_factor.code if conclusion.success_factor is not None else "overall"
    return reverse("national:factor", args=[conclusion.round.code, code])


# --- the national picture, conclusions, publishing --------------------------------------------


def national(request: AuthedRequest) -> HttpResponse:
    """`/national/` (and `?round=2013`, the old form): the dashboard of that round, else the current one."""
    round = reader_round_from_query(request.user, request.GET.get("round"))
    if round is None:
        return _nothing_released(request)
    return redirect("national:round", round_code=round.code)


def _nothing_released(request: AuthedRequest) -> HttpResponse:
    """For the ministry before any round is published or shared: said, not a 404 behind its menu."""
    return render(request, "national/nothing_released.html")


def _pictures(request: AuthedRequest, round) -> tuple[Picture, Picture | None]:
    """The round's document as this user may see it, and the previous round's if they may see that too."""
    picture = publication.shown_picture(round, user=request.user)
    previous = None
    if round.predecessor_id is not None:
        try:
            previous_round = picture_round_for_user(request.user, round.predecessor.code)
        except Http404:
            previous_round = None
        if previous_round is not None:
            previous = publication.shown_picture(previous_round, user=request.user)
    return picture, previous


def _map(request: AuthedRequest, picture: Mapping[str, Any], previous: Mapping[str, Any] | None, default: str | None = None, *,
         choices: list[dict] | None = None) -> dict:
    choice = pages.map_choice(picture, request.GET.get("map"), default)
    mode, regions = pages.map_mode_for(request.user), pages.map_regions()
    own = pages.own_region_codes(request.user) if mode == pages.MapMode.OWN else frozenset()
    geometry = pages.map_geometry(regions, small=previous is not None)  # once for the map and the trend's
    trend = [
        pages.map_context(p, choice, mode=mode, regions=regions, own_codes=own, map_id=f"trend-{p['round']}", small=True,
                          geometry=geometry)
        for p in (previous, picture) if p is not None and (choice in p["success_factors"] or choice in p["indicators"])
    ]
    choices = pages.map_choices(picture) if choices is None else choices
    return {"map": pages.map_context(picture, choice, mode=mode, regions=regions, own_codes=own, geometry=geometry),
            "map_choices": choices,
            "map_factor_choices": [c for c in choices if c["group"] == "factor"],
            "map_indicator_choices": [c for c in choices if c["group"] == "indicator"],
            "trend_maps": trend if len(trend) > 1 else []}


def dashboard(request: AuthedRequest, round_code: str) -> HttpResponse:
    round = picture_round_for_user(request.user, round_code)
    return cached_response(request, round, lambda: _dashboard(request, round))


def _dashboard(request: AuthedRequest, round) -> HttpResponse:
    picture, previous = _pictures(request, round)
    can_edit = may(request.user, Action.NATIONAL_EDIT)
    # The dashboard's map is coloured by a success factor; an indicator's map is on its factor's page.
    choices = pages.map_choices(picture, factors_only=True, chosen=request.GET.get("map"))
    context = {"round": round, **pages.picture_page(picture, previous=previous),
               **_map(request, picture, previous, choices=choices), "map_factors_only": True,
               "shared": picture.get("preview", False), "can_edit": can_edit,
               "versions": publication.versions(round, publication.audience_of(request.user)) if picture.get("published") else [],
               "publication_check": publication.latest_check(round) if picture.get("published") else None,
               "correction_form": files.CorrectionForm(round=round) if can_edit else None}
    return render(request, "national/national.html", context)


def national_factor(request: AuthedRequest, round_code: str, csf: str) -> HttpResponse:
    round = picture_round_for_user(request.user, round_code)
    return cached_response(request, round, lambda: _national_factor(request, round, csf))


def _national_factor(request: AuthedRequest, round, csf: str) -> HttpResponse:
    _round, factor, conclusion = pages.conclusion_named(round.code, csf)
    picture, previous = _pictures(request, round)
    context = {**pages.picture_page(picture, previous=previous, only=factor.code if factor else None),
               **pages.factor_page(round, factor, conclusion, evidence=may(request.user, Action.SUBJECT_DETAIL))}
    if factor is not None:
        # The factor's map: its judgment or one of its indicators.
        choices = pages.map_choices(picture, only=factor.code)
        context.update(_map(request, picture, previous, default=factor.code, choices=choices))
        context["fp"] = context["factors"].get(factor.code)
    if context["evidence"] and conclusion:
        context["citation_form"] = forms.CitationForm(findings=pages.conclusion_finding_choices(conclusion))
    return render(request, "national/national_factor.html", context)


@require_POST
def preview_share(request: AuthedRequest, round_code: str) -> HttpResponse:
    require(request.user, Action.NATIONAL_EDIT)
    round = round_named(round_code)
    attempt(request, lambda: services.preview_share(round=round, by=request.user),
            _("Het voorlopige landelijk beeld is gedeeld met het ministerie."))
    return redirect("national:round", round_code=round.code)


@require_POST
def preview_withdraw(request: AuthedRequest, round_code: str) -> HttpResponse:
    require(request.user, Action.NATIONAL_EDIT)
    round = round_named(round_code)
    services.preview_withdraw(round=round, by=request.user)
    messages.success(request, _("Het ministerie ziet het voorlopige landelijk beeld niet meer."))
    return redirect("national:round", round_code=round.code)


def conclusion_edit(request: AuthedRequest, round_code: str, csf: str) -> HttpResponse:
    require(request.user, Action.NATIONAL_EDIT)
    round, factor, conclusion = pages.conclusion_named(round_code, csf)
    initial = {"revision": 0} if conclusion is None else {
        "text": conclusion.text, "text_en": conclusion.text_en, "judgment": conclusion.judgment,
        "reason": conclusion.reason, "reason_en": conclusion.reason_en, "revision": conclusion.revision}
    form = forms.ConclusionForm(request.POST or None, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = attempt(request, lambda: services.conclusion_save(
            round=round, success_factor=factor, by=request.user, base_revision=data.pop("revision"), **data,
        ), _("Conclusie opgeslagen."))
        if saved.ok:
            return redirect(_conclusion_url(saved.value))
        stale = saved.stale
    context = {"round": round, "factor": factor, "form": form, "stale": stale, "csf": csf,
               **pages.proposal_context(round, factor)}
    return render(request, "national/conclusion_edit.html", context)


def context_edit(request: AuthedRequest, round_code: str) -> HttpResponse:
    """The context of the round (research question 4): its text and its figures with their sources, saved
    together (`national.context.round_context_save`). Inspectors only; a stale save shows both versions."""
    require(request.user, Action.NATIONAL_EDIT)
    round = round_named(round_code)
    current = context_for_edit(round)
    initial = {"text": current.text if current else "", "text_en": current.text_en if current else "",
               "revision": current.revision if current else 0}
    form = RoundContextForm(request.POST or None, initial=initial)
    formset = ContextFigureFormSet(request.POST or None, initial=figures_of(current), prefix="figures")
    stale = None
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        saved = attempt(request, lambda: round_context_save(
            round=round, by=request.user, text=form.cleaned_data["text"], text_en=form.cleaned_data["text_en"],
            figures=figures_from(formset), base_revision=form.cleaned_data["revision"],
        ), _("Context van de meting opgeslagen."))
        if saved.ok:
            return redirect(reverse("national:round", args=[round.code]) + "#q4")
        if saved.stale:
            # Both versions are shown; saving again from this page is a choice made with the current one in view.
            stale, data = saved.stale, request.POST.copy()
            data["revision"] = str(stale.current_revision)
            form = RoundContextForm(data)
    context = {"round": round, "form": form, "formset": formset, "stale": stale, "current": current,
               "history": current.history.select_related("history_user")[:10] if current else [],
               "stale_versions": [(_("Nu opgeslagen"), stale.current), (_("Uw versie"), stale.proposed)] if stale else []}
    return render(request, "national/context_edit.html", context)


@require_POST
def rule_edit(request: AuthedRequest, round_code: str, csf: str) -> HttpResponse:
    """The rule that proposes the national judgment of one success factor, set by an inspector."""
    require(request.user, Action.NATIONAL_EDIT)
    round, factor, _conclusion = pages.conclusion_named(round_code, csf)
    if factor is None:
        raise Http404(_("De slotconclusie heeft geen regel."))
    form = forms.JudgmentRuleForm(request.POST)
    if form.is_valid():
        attempt(request, lambda: services.judgment_rule_save(
            round=round, success_factor=factor, by=request.user, **form.cleaned_data,
        ), _("Regel voor het landelijk oordeel opgeslagen."))
    else:
        flash_form_errors(request, form)
    return redirect(reverse("national:conclusion_edit", args=[round.code, factor.code]))


def publish(request: AuthedRequest, round_code: str) -> HttpResponse:
    require(request.user, Action.NATIONAL_EDIT)
    round = round_named(round_code)
    form = forms.PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: services.round_publish(round=round, by=request.user, **form.cleaned_data),
                   _("De meting is gepubliceerd.")).ok:
            return redirect("national:round", round_code=round.code)
    return render(request, "national/publish.html", {"form": form, **pages.publish_context(round)})


# --- recommendations -------------------------------------------------------------------------


def recommendations(request: AuthedRequest) -> HttpResponse:
    require(request.user, Action.RECOMMENDATIONS)
    round = reader_round_from_query(request.user, request.GET.get("round"))
    if round is None:
        return _nothing_released(request)
    context = {"round": round, **pages.recommendations_page(round, user=request.user)}
    return render(request, "national/recommendations.html", context)


def _recommendations_url(round) -> str:
    return reverse("national:recommendations") + f"?round={round.code}"


def recommendation_create(request: AuthedRequest, round_code: str) -> HttpResponse:
    require(request.user, Action.RECOMMENDATIONS_EDIT)
    round = round_named(round_code)
    form = forms.RecommendationForm(request.POST or None, round=round)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: services.recommendation_save(round=round, by=request.user, **_recommendation_data(form)),
                   _("Aanbeveling opgeslagen.")).ok:
            return redirect(_recommendations_url(round))
    return render(request, "national/recommendation_form.html", {"round": round, "form": form})


def _recommendation_data(form) -> dict:
    data = dict(form.cleaned_data)
    data["success_factors"] = list(data["success_factors"])
    return data


def recommendation_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    require(request.user, Action.RECOMMENDATIONS_EDIT)
    recommendation = pages.recommendation_by_pk(pk)
    initial = {"text": recommendation.text, "addressee": recommendation.addressee, "region": recommendation.region_id,
               "success_factors": list(recommendation.success_factors.all())}
    form = forms.RecommendationForm(request.POST or None, initial=initial, round=recommendation.round)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: services.recommendation_save(
            recommendation=recommendation, round=recommendation.round, by=request.user, **_recommendation_data(form),
        ), _("Aanbeveling opgeslagen.")).ok:
            return redirect(_recommendations_url(recommendation.round))
    return render(request, "national/recommendation_form.html",
                  {"round": recommendation.round, "form": form, "recommendation": recommendation,
                   "history": pages.history_of(recommendation)})


@require_POST
def recommendation_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    require(request.user, Action.RECOMMENDATIONS_EDIT)
    recommendation = pages.recommendation_by_pk(pk)
    attempt(request, lambda: services.recommendation_decide(
        recommendation=recommendation, by=request.user, accept=request.POST.get("decision") == "accept",
    ), lambda decided: _("Concept vastgesteld.") if decided.status == RecommendationStatus.ACCEPTED
        else _("Concept verworpen."))
    return redirect(_recommendations_url(recommendation.round))


def follow_up(request: AuthedRequest, pk: int, round_code: str) -> HttpResponse:
    require(request.user, Action.RECOMMENDATIONS_EDIT)
    recommendation = pages.recommendation_by_pk(pk)
    round = round_named(round_code)
    existing = pages.follow_up_of(recommendation, round)
    initial = {"status": existing.status, "explanation": existing.explanation} if existing else {}
    form = forms.FollowUpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if attempt(request, lambda: services.follow_up_save(
            recommendation=recommendation, round=round, by=request.user, **form.cleaned_data,
        ), _("Opvolging opgeslagen.")).ok:
            return redirect(_recommendations_url(round))
    return render(request, "national/follow_up.html", {"recommendation": recommendation, "round": round, "form": form})


def draft_rules(request: AuthedRequest, round_code: str) -> HttpResponse:
    require(request.user, Action.RECOMMENDATIONS_EDIT)
    round = round_named(round_code)
    form = forms.DraftRuleForm(request.POST or None, round=round)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        data["min_regions"] = data["min_regions"] or 1
        if attempt(request, lambda: services.draft_rule_create(round=round, by=request.user, **data),
                   _("Regel opgeslagen.")).ok:
            return redirect("national:draft_rules", round_code=round.code)
    return render(request, "national/draft_rules.html", {"round": round, "form": form, "rules": pages.rules_of(round)})


@require_POST
def drafts_generate(request: AuthedRequest, round_code: str) -> HttpResponse:
    require(request.user, Action.RECOMMENDATIONS_EDIT)
    round = round_named(round_code)
    generated = attempt(request, lambda: services.drafts_generate(round=round, by=request.user))
    if generated.ok:
        created = generated.value
        messages.info(request, ngettext(
            "%(count)s conceptaanbeveling voorgesteld.", "%(count)s conceptaanbevelingen voorgesteld.", len(created)
        ) % {"count": len(created)})
    return redirect(_recommendations_url(round))
