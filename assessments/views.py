"""Questionnaire pages: fill in (autosave and plain submit), sign, submit, review, history, evidence, fieldwork.

Every view names the audited party by its code (`VR13`, `B11`); access is the policy's
(`regions.policy`), looked up through `assessments.access`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import AuthedRequest, HtmxRequest
from assessments import services
from assessments.access import (
    assessment_access,
    assessment_for_user,
    assessment_of,
    evidence_for_user,
    question_of,
    questionnaire_subject,
    round_from_query,
)
from assessments.forms import AnswerForm, EvidenceForm, TransitionForm
from assessments.models import Answer, Assessment, Question
from assessments.pages import (
    Card,
    answer_of,
    fieldwork_context,
    history_context,
    merge_refused,
    not_started_context,
    posted_card,
    saved_card,
    sheet_context,
    single_card,
    stored_card,
    url_for,
)
from core.messages import attempt, flash_form_errors, form_messages
from framework.models import Round
from regions.policy import Action, require


@require_http_methods(["GET", "POST"])
def fill(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    """A theme of the questionnaire; a plain POST (no JavaScript) saves every answer the user changed."""
    round, subject = questionnaire_subject(request.user, round_code, code,
                                           action=Action.ANSWER if request.method == "POST" else None)
    assessment = assessment_of(round, subject)
    if assessment is None:
        return _not_started(request, round, subject)
    access = assessment_access(request.user, assessment)
    theme = request.GET.get("theme")
    refused = None
    if request.method == "POST":
        refused = _theme_save(request, assessment)
        if not refused:
            messages.success(request, _("Uw antwoorden zijn opgeslagen."))
            return redirect(f"{url_for(assessment, 'fill')}?theme={theme or ''}")
        messages.error(request, _("Niet alle antwoorden zijn opgeslagen; zie de meldingen bij de vragen."))
    return render(request, "assessments/fill.html", sheet_context(assessment, request.user, access, theme, refused))


def _theme_save(request: AuthedRequest, assessment: Assessment) -> dict[str, Card]:
    """Save each posted answer the user changed; return the cards that were refused (errors, conflicts)."""
    refused: dict[str, Card] = {}
    for question in assessment.questionnaire.questions.prefetch_related("choices"):
        if f"{question.code}-revision" not in request.POST:
            continue
        form = AnswerForm(request.POST, question=question)
        _saved, card = _answer_post(request, assessment, question, form, only_changed=True)
        if card is not None and (card.errors or card.conflict):
            refused[question.code] = card
    return refused


def _answer_post(request, assessment: Assessment, question: Question, form: AnswerForm, *,
                 only_changed: bool = False) -> tuple[Answer | None, Card | None]:
    """Validate and save one answer: the answer as this save left it, or the card showing why it was refused
    (errors, conflict); both None when there was nothing to save."""
    blank = stored_card(question, None, assessment=assessment, values={}, editable=True)
    if not form.is_valid():
        return None, posted_card(blank, form, errors=form_messages(form))
    if only_changed and not form.changed_by_user():
        return None, None
    data = form.cleaned_data
    # The card shows the refusal where the answer is (no message): a conflict beside both values, or the errors.
    saved = attempt(request, lambda: services.answer_save(
        assessment=assessment, question=question, value=data["value"], comment=data["comment"],
        diverging_view=data["diverging_view"], base_revision=form.base_revision, by=request.user,
    ), flash=False)
    if saved.stale:
        return None, posted_card(blank, form, conflict=saved.stale)
    if not saved.ok:
        return None, posted_card(blank, form, errors=saved.refusal_messages)
    return saved.value, None


def _not_started(request: AuthedRequest, round: Round, subject) -> HttpResponse:
    """A questionnaire that was never started: who may answer it starts it with a POST (reads never write)."""
    context = not_started_context(request.user, round, subject)
    return render(request, "assessments/not_started.html", context, status=200 if context["can_start"] else 404)


@require_POST
def start(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    round, subject = questionnaire_subject(request.user, round_code, code, action=Action.ANSWER)
    started = attempt(request, lambda: services.assessment_start(round=round, subject=subject, by=request.user))
    if not started.ok:
        return redirect(reverse("assessments:fill", args=[round.code, subject.code]))
    return redirect(started.value.url("fill"))


@login_not_required
@require_http_methods(["GET", "POST"])
def answer(request: HtmxRequest, round_code: str, question: str, code: str) -> HttpResponse:
    """Autosave endpoint: POST saves one answer and returns its card; GET returns the stored card."""
    if not request.user.is_authenticated:
        return _session_expired(request)
    assessment = assessment_for_user(request.user, round_code, code, action=Action.ANSWER if request.method == "POST" else None)
    item = question_of(assessment, question)
    saved = refused = None
    if request.method == "POST":
        saved, refused = _answer_post(request, assessment, item, AnswerForm(request.POST, question=item))
        if not request.htmx:
            return _after_plain_answer(request, assessment, item, refused)
    card, progress = single_card(assessment, assessment_access(request.user, assessment), item,
                                 just_saved=request.method == "POST")
    if refused is not None:
        card = merge_refused(card, refused)
    elif saved is not None:
        # The card is read after the save committed: it answers with what this save stored, not with a later one.
        card = saved_card(card, saved)
    return render(request, "assessments/_answer.html", {"card": card, "assessment": assessment, "oob": True, **progress})


def _after_plain_answer(request, assessment, question, refused: Card | None) -> HttpResponse:
    if refused is None:
        messages.success(request, _("Uw antwoord is opgeslagen."))
    else:
        messages.error(request, "; ".join(refused.errors) or _("Dit antwoord is intussen door een ander gewijzigd."))
    return redirect(f"{url_for(assessment, 'fill')}?theme={question.success_factor.theme.number}#q-{question.code}")


def _session_expired(request: HtmxRequest) -> HttpResponse:
    """An htmx save after the session expired: 401 with a message, so the page keeps the typed answer."""
    if request.htmx:
        return render(request, "assessments/_session_expired.html", status=401)
    return redirect_to_login(request.get_full_path())


@require_POST
def sign(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    assessment = assessment_for_user(request.user, round_code, code, action=Action.SIGN)
    attempt(request, lambda: services.assessment_sign(assessment=assessment, by=request.user),
             _("U heeft de vragenlijst ondertekend."))
    return redirect(url_for(assessment, "fill"))


@require_POST
def submit(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    assessment = assessment_for_user(request.user, round_code, code, action=Action.SUBMIT)
    attempt(request, lambda: services.assessment_submit(assessment=assessment, by=request.user),
             _("De vragenlijst is ingediend. De inspecteurs nemen hem in beoordeling."))
    return redirect(url_for(assessment, "fill"))


@require_POST
def transition(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    assessment = assessment_for_user(request.user, round_code, code, action=Action.REVIEW)
    form = TransitionForm(request.POST, current=assessment.status)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect(url_for(assessment, "fill"))
    attempt(request, lambda: services.assessment_transition(
        assessment=assessment, to=form.cleaned_data["to"], reason=form.cleaned_data["reason"], by=request.user,
    ), _("De status van de vragenlijst is gewijzigd."))
    return redirect(url_for(assessment, "fill"))


@require_POST
def carry_over(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    assessment = assessment_for_user(request.user, round_code, code, action=Action.ANSWER)
    attempt(request, lambda: services.assessment_carry_over(assessment=assessment, by=request.user),
            lambda count: ngettext(
                "%(count)s antwoord overgenomen uit de vorige meting; bevestig het bij de vraag.",
                "%(count)s antwoorden overgenomen uit de vorige meting; bevestig ze per vraag.",
                count,
            ) % {"count": count})
    return redirect(url_for(assessment, "fill"))


@require_POST
def evidence_upload(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    assessment = assessment_for_user(request.user, round_code, code, action=Action.ANSWER)
    form = EvidenceForm(request.POST, request.FILES)
    target = url_for(assessment, "fill")
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect(target)
    question_code = form.cleaned_data["question"]
    answer = answer_of(assessment, question_code) if question_code else None
    if question_code and answer is None:
        messages.error(request, _("Beantwoord de vraag eerst; daarna kunt u er een document bij voegen."))
        return redirect(target)
    attempt(request, lambda: services.evidence_add(
        assessment=assessment, upload=form.cleaned_data["file"], answer=answer,
        description=form.cleaned_data["description"], by=request.user,
    ), _("Het document is toegevoegd."))
    return redirect(target)


@require_GET
def evidence_download(request: AuthedRequest, round_code: str, pk: int, code: str) -> FileResponse:
    assessment = assessment_for_user(request.user, round_code, code)
    evidence = evidence_for_user(request.user, assessment, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Het bestand van dit document ontbreekt.")) from None
    response = FileResponse(handle, as_attachment=True, filename=evidence.original_name,
                            content_type=evidence.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def history(request: AuthedRequest, round_code: str, code: str) -> HttpResponse:
    assessment = assessment_for_user(request.user, round_code, code)
    return render(request, "assessments/history.html", history_context(assessment))


@require_GET
def fieldwork(request: AuthedRequest) -> HttpResponse:
    """All 25 regions and the brigades in one round: status, answered, deadline, last activity."""
    require(request.user, Action.FIELDWORK)
    round = round_from_query(request.GET.get("round"))
    return render(request, "assessments/fieldwork.html", fieldwork_context(round))

