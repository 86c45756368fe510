"""Context builders for the questionnaire pages: what a page shows, loaded in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_lazy

from assessments.access import AssessmentAccess, may_start
from assessments.models import Answer, Assessment, AssessmentStatus, Choice, Evidence, Question
from assessments.progress import Progress, is_visible, percent_of, progress
from assessments.querysets import fieldwork_assessments, with_choices
from assessments.reconstruction import is_reconstructed
from assessments.services import SIGNER_NAMES, problems_for, stale_answer
from assessments.values import display_value
from core.errors import StaleEdit
from core.i18n import change_reason
from framework.models import Criterion, Round, Theme, round_parties
from regions.models import Subject
from regions.policy import SIGNING_ROLES

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from accounts.models import User
    from assessments.forms import AnswerForm
    from assessments.querysets import AssessmentWithProgress
    from framework.models import Party

S = AssessmentStatus

def url_for(assessment: Assessment, name: str, **kwargs) -> str:
    """The URL of one of an assessment's pages."""
    return assessment.url(name, **kwargs)


@dataclass
class Card:
    """One question as the page shows it: stored, freshly saved, refused (errors) or in conflict."""

    question: Question
    answer: Answer | None
    visible: bool
    editable: bool
    answer_url: str
    value: str = ""
    comment: str = ""
    diverging_view: str = ""
    revision: int = 0
    orig_value: str = ""
    orig_comment: str = ""
    orig_diverging_view: str = ""
    errors: list[str] = field(default_factory=list)
    conflict: StaleEdit | None = None
    # The user's save went through, but another save committed after it (the conflict shows that one).
    overtaken: bool = False
    just_saved: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    # When the question is asked, in words ("alleen als u ‘ja’ antwoordde op ‘Is er een OVR …?’"); empty: always.
    condition: str = ""
    # The subject's answer to the question this one continues, in that question's round (`previous_answers`).
    previous: str = ""
    previous_year: int | None = None

    @property
    def code(self) -> str:
        return self.question.code

    @property
    def selected(self) -> list[str]:
        return self.value.split("|") if self.value else []

    @property
    def display(self) -> str:
        return display_value(self.question, self.value)

    @property
    def carried(self) -> bool:
        return bool(self.answer and self.answer.carried and not self.conflict)

    @property
    def stored_display(self) -> str:
        return display_value(self.question, self.conflict.current["value"]) if self.conflict else ""

    @property
    def submitted_display(self) -> str:
        return display_value(self.question, self.conflict.proposed["value"]) if self.conflict else ""

    @property
    def state(self) -> str:
        if self.conflict:
            return "conflict"
        if self.errors:
            return "error"
        if self.just_saved:
            return "saved"
        return "answered" if self.answer and self.answer.pk and (self.answer.value or self.answer.comment) else "empty"


def condition_in_words(question: Question, questions_by_code: dict[str, Question]) -> str:
    """The question's condition as a reader understands it, in the interface language: the condition question's
    text (shortened) and the label of the answer that shows this question, never their codes."""
    source = questions_by_code.get(question.condition_code) if question.condition_code else None
    if source is None:
        return ""
    return gettext("alleen als u ‘%(answer)s’ antwoordde op ‘%(question)s’") % {
        "answer": display_value(source, question.condition_value),
        "question": Truncator(source.display_text).chars(70),
    }


def stored_card(question: Question, answer: Answer | None, *, assessment: Assessment, values: dict, editable: bool,
                evidence: list[Evidence] | None = None, just_saved: bool = False,
                questions_by_code: dict[str, Question] | None = None) -> Card:
    return Card(
        question=question,
        answer=answer,
        visible=is_visible(question, values),
        editable=editable,
        answer_url=url_for(assessment, "answer", question=question.code),
        value=answer.value if answer else "",
        comment=answer.comment if answer else "",
        diverging_view=answer.diverging_view if answer else "",
        revision=answer.revision if answer else 0,
        orig_value=answer.value if answer else "",
        orig_comment=answer.comment if answer else "",
        orig_diverging_view=answer.diverging_view if answer else "",
        just_saved=just_saved,
        evidence=evidence or [],
        condition=condition_in_words(question, questions_by_code or {}),
    )


def posted_card(card: Card, form: AnswerForm, *, conflict: StaleEdit | None = None,
                errors: list[str] | None = None) -> Card:
    """The card showing what the user posted (nothing typed is lost), with errors or a conflict."""
    data = form.data
    prefix = form.prefix
    raw = data.getlist(f"{prefix}-value") if hasattr(data, "getlist") else [data.get(f"{prefix}-value", "")]
    card.value = "|".join(v for v in raw if v) if form.question.kind == "multiple_choice" else (raw[-1] if raw else "")
    if conflict is not None:
        card.value = conflict.proposed["value"]
    card.comment = data.get(f"{prefix}-comment", card.comment)
    card.diverging_view = data.get(f"{prefix}-diverging_view", card.diverging_view)
    card.revision = _int(data.get(f"{prefix}-revision"), card.revision)
    card.orig_value = data.get(f"{prefix}-orig_value", card.orig_value)
    card.orig_comment = data.get(f"{prefix}-orig_comment", card.orig_comment)
    card.orig_diverging_view = data.get(f"{prefix}-orig_diverging_view", card.orig_diverging_view)
    card.conflict = conflict
    card.errors = errors or []
    return card


def saved_card(card: Card, saved: Answer) -> Card:
    """The stored card (read after a save) as the answer to that save: the value and revision the save left.

    When another user's save committed between the save and the reading of `card`, the stored answer is newer
    than the save: the card then shows it as a conflict with the user's value and keeps the save's revision, so
    the page neither reports the other's answer as its own saved one nor takes over its revision (its next save
    would overwrite that answer unseen)."""
    stored = card.answer
    if stored is None or not stored.pk or stored.revision == saved.revision:
        return card
    card.conflict = stale_answer(stored, value=saved.value, comment=saved.comment)
    card.overtaken, card.just_saved = True, False
    card.value = card.orig_value = saved.value
    card.comment = card.orig_comment = saved.comment
    card.diverging_view = card.orig_diverging_view = saved.diverging_view
    card.revision = saved.revision
    return card


def merge_refused(stored: Card, refused: Card) -> Card:
    """A refused card (errors, conflict) with the stored answer's context: who answered, evidence, visibility."""
    refused.answer, refused.evidence, refused.visible = stored.answer, stored.evidence, stored.visible
    refused.editable, refused.answer_url, refused.condition = stored.editable, stored.answer_url, stored.condition
    refused.previous, refused.previous_year = stored.previous, stored.previous_year
    return refused


def _int(raw, default: int) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return default


def previous_answers(assessment: Assessment, questions) -> dict[int, tuple[int, str]]:
    """Per question that continues one of an earlier round, the subject's answer to that question there (its
    round's year and the answer as a reader sees it): one query, and one more for the choices' labels when there
    are answers."""
    # A question split in two is continued by both.
    wanted: dict[int, list[int]] = {}
    for question in questions:
        if question.continues_id:
            wanted.setdefault(question.continues_id, []).append(question.pk)
    if not wanted:
        return {}
    earlier = (
        Answer.objects.filter(assessment__subject_id=assessment.subject_id, question_id__in=list(wanted))
        .exclude(value="").select_related("question").annotate(year=F("question__questionnaire__round__year"))
        .prefetch_related(Prefetch("question__choices", queryset=Choice.objects.order_by("order")))
    )
    return {
        pk: (answer.year, display_value(answer.question, answer.value))
        for answer in earlier for pk in wanted[answer.question_id]
    }


def with_previous(card: Card, previous: dict[int, tuple[int, str]]) -> Card:
    if card.question.pk in previous:
        card.previous_year, card.previous = previous[card.question.pk]
    return card


def questions_of(assessment: Assessment) -> list[Question]:
    """The questionnaire's questions in order, with their success factor, theme and choices; two queries."""
    return with_choices(assessment.questionnaire.questions.select_related("success_factor__theme").order_by("order"))


def answers_of(assessment: Assessment) -> dict[int, Answer]:
    rows = Answer.objects.filter(assessment=assessment).select_related("answered_by", "diverging_by")
    return {answer.question_id: answer for answer in rows}


def values_by_code(questions, answers: dict[int, Answer]) -> dict[str, str]:
    return {q.code: answers[q.pk].value for q in questions if q.pk in answers}


@dataclass
class ThemeTab:
    theme: Theme
    progress: Progress
    active: bool
    url: str


def theme_tabs(assessment: Assessment, questions, values: dict, active: int | None) -> list[ThemeTab]:
    themes: dict[int, Theme] = {}
    for question in questions:
        themes.setdefault(question.success_factor.theme.number, question.success_factor.theme)
    base = url_for(assessment, "fill")
    return [
        ThemeTab(
            theme=theme,
            progress=progress([q for q in questions if q.success_factor.theme.number == number], values),
            active=number == active,
            url=f"{base}?theme={number}",
        )
        for number, theme in sorted(themes.items())
    ]


def active_theme(questions, requested: str | None) -> int | None:
    numbers = sorted({q.success_factor.theme.number for q in questions})
    try:
        wanted = int(requested) if requested else None
    except ValueError:
        wanted = None
    return wanted if wanted in numbers else (numbers[0] if numbers else None)


def sheet_context(assessment: Assessment, user: User, access: AssessmentAccess, requested_theme: str | None,
                  overrides: dict[str, Card] | None = None) -> dict:
    """Everything the fill-in page shows for one theme, as `access` (the user's access answer) allows; `overrides`
    are cards from a refused submit."""
    questions = list(questions_of(assessment))
    answers = answers_of(assessment)
    values = values_by_code(questions, answers)
    evidence = _with_urls(assessment, assessment.evidence.select_related("uploaded_by").order_by("uploaded_at"))
    signatures = list(assessment.signatures.select_related("user"))
    transitions = list(assessment.transitions.select_related("by").order_by("-at", "-pk")[:5])
    editable = access.can_answer
    theme = active_theme(questions, requested_theme)
    tabs = theme_tabs(assessment, questions, values, theme)
    by_code = {q.code: q for q in questions}
    # What the inspectors hold each factor of the theme against, shown above its questions.
    criteria: dict[int | None, list[Criterion]] = {}
    # django-stubs refuses None here; Django reads it as IS NULL, which no theme is (a questionnaire without questions).
    for criterion in Criterion.objects.filter(framework_id=assessment.round.framework_id, success_factor__theme__number=theme):  # type: ignore[misc]
        criteria.setdefault(criterion.success_factor_id, []).append(criterion)
    by_answer: dict[int | None, list[Evidence]] = {}
    for item in evidence:
        by_answer.setdefault(item.answer_id, []).append(item)
    previous = previous_answers(assessment, [q for q in questions if q.success_factor.theme.number == theme])
    groups: list[dict] = []
    for question in questions:
        if question.success_factor.theme.number != theme:
            continue
        answer = answers.get(question.pk)
        card = stored_card(
            question, answer, assessment=assessment, values=values, editable=editable,
            evidence=by_answer.get(answer.pk, []) if answer else [], questions_by_code=by_code,
        )
        if overrides and question.code in overrides:
            card = merge_refused(card, overrides[question.code])
        card = with_previous(card, previous)
        if not groups or groups[-1]["factor"].pk != question.success_factor_id:
            groups.append({"factor": question.success_factor, "cards": [],
                           "criteria": criteria.get(question.success_factor_id, [])})
        groups[-1]["cards"].append(card)
    signed = {s.role: s for s in signatures}
    audience = assessment.questionnaire.audience
    position = [tab.theme.number for tab in tabs].index(theme) if theme in [t.theme.number for t in tabs] else 0
    return {
        "assessment": assessment,
        "round": assessment.round,
        "subject": assessment.subject,
        "questionnaire": assessment.questionnaire,
        "reconstructed": is_reconstructed(assessment.round, questionnaire=assessment.questionnaire),
        "tabs": tabs,
        "theme": theme,
        "next_tab": tabs[position + 1] if position + 1 < len(tabs) else None,
        "groups": groups,
        "overall": progress(questions, values),
        "access": access,
        "signatures": [
            {"role": role, "name": SIGNER_NAMES[role], "signature": signed.get(role)}
            for role in SIGNING_ROLES[audience]
        ],
        "signed_already": user.role in signed,
        "problems": problems_for(audience=audience, questions=questions, answers=list(answers.values()),
                                 signed_roles=set(signed)) if editable else [],
        "transitions": transitions,
        "evidence": [item for item in evidence if item.answer_id is None],
        "answered_questions": [q for q in questions if q.pk in answers and answers[q.pk].value],
        "can_carry_over": editable and _carry_over_possible(assessment, answers),
        "urls": {
            name: url_for(assessment, name)
            for name in ("fill", "sign", "submit", "transition", "history", "carry_over", "evidence_upload")
        },
    }


def _with_urls(assessment: Assessment, evidence) -> list[Evidence]:
    items = list(evidence)
    for item in items:
        item.download_url = url_for(assessment, "evidence_download", pk=item.pk)
    return items


def _carry_over_possible(assessment: Assessment, answers: dict[int, Answer]) -> bool:
    """Offered on a draft that has no answers yet, when the previous round has this subject's questionnaire."""
    if assessment.carried_from_id or not assessment.round.predecessor_id or any(a.value for a in answers.values()):
        return False
    return Assessment.objects.filter(round_id=assessment.round.predecessor_id, subject_id=assessment.subject_id).exists()


def single_card(assessment: Assessment, access: AssessmentAccess, question: Question, *,
                just_saved: bool = False) -> tuple[Card, dict]:
    """The card of one question (for the autosave endpoint) as `access` allows, and the progress block values."""
    questions = list(questions_of(assessment))
    answers = answers_of(assessment)
    values = values_by_code(questions, answers)
    editable = access.can_answer
    question = next(q for q in questions if q.pk == question.pk)
    answer = answers.get(question.pk)
    evidence = _with_urls(assessment, answer.evidence.select_related("uploaded_by")) if answer and answer.pk else []
    card = stored_card(question, answer, assessment=assessment, values=values, editable=editable,
                       evidence=evidence, just_saved=just_saved, questions_by_code={q.code: q for q in questions})
    card = with_previous(card, previous_answers(assessment, [question]))
    return card, {
        "overall": progress(questions, values),
        "tabs": theme_tabs(assessment, questions, values, question.success_factor.theme.number),
    }


@dataclass
class FieldworkRow:
    code: str
    name: str
    url: str
    assessment: AssessmentWithProgress | None
    deadline: object
    overdue: bool

    @property
    def percent(self) -> int:
        return percent_of(self.assessment.answered, self.assessment.applicable) if self.assessment else 0


def fieldwork_context(round) -> dict:
    """The fieldwork overview of a round: a row per subject, and the rounds to choose from."""
    return {"round": round, "rows": fieldwork_rows(round, fieldwork_assessments(round)),
            "rounds": Round.objects.order_by("-year")}


def not_started_context(user: User, round, subject: Subject) -> dict:
    """The page of a questionnaire that was never started: whether `user` may start it now."""
    can_start = may_start(user, round, subject) and round.questionnaires.filter(audience=subject.kind).exists()
    return {"round": round, "subject": subject, "can_start": can_start,
            "reconstructed": is_reconstructed(round, audience=subject.kind),
            "start_url": reverse("assessments:start", args=[round.code, subject.code])}


def answer_of(assessment: Assessment, question_code: str) -> Answer | None:
    return assessment.answers.filter(question__code=question_code).first()


def fieldwork_rows(round, assessments) -> list[FieldworkRow]:
    """One row per party taking part in the round (every region and brigade unless the inspectors chose) with a
    questionnaire, with its assessment (or None: not started) and its own deadline."""
    from django.utils import timezone

    by_subject = {assessment.subject_id: assessment for assessment in assessments}
    kinds = set(round.questionnaires.values_list("audience", flat=True))
    today = timezone.localdate()
    return [
        _fieldwork_row(round, subject, by_subject.get(subject.pk), today)
        for subject in round_parties(round).filter(kind__in=kinds)
    ]


def _fieldwork_row(round, subject: Party, assessment: AssessmentWithProgress | None, today) -> FieldworkRow:
    status = assessment.status if assessment else S.DRAFT
    # `subject.deadline`: the party's own submission deadline, else the round's (framework.models.round_parties).
    deadlines: dict[str, datetime.date | None] = {S.DRAFT: subject.deadline, S.VERIFICATION: round.verification_deadline}
    deadline = deadlines.get(status)
    return FieldworkRow(
        code=subject.code,
        name=subject.name,
        url=url_for(assessment, "fill") if assessment else "",
        assessment=assessment,
        deadline=deadline,
        overdue=bool(deadline and deadline < today),
    )


@dataclass
class Change:
    at: object
    user: object
    question: Question
    action: str | StrPromise
    old: str
    new: str
    old_comment: str
    new_comment: str
    diverging_view: str
    carried: bool
    reason: str


def history_context(assessment: Assessment) -> dict:
    """Every change to the assessment's answers (who, when, old → new) and every workflow step."""
    records = (
        Answer.history.filter(assessment_id=assessment.pk)
        .select_related("history_user", "question")
        .prefetch_related(Prefetch("question__choices", queryset=Choice.objects.order_by("order")))
        .order_by("history_date", "history_id")
    )
    previous: dict[int, Any] = {}
    changes: list[Change] = []
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        old_value = before.value if before is not None else ""
        old_comment = before.comment if before is not None else ""
        new_value = "" if record.history_type == "-" else record.value
        if (
            before is not None
            and record.history_type == "~"
            and new_value == old_value
            and record.comment == old_comment
            and record.diverging_view == before.diverging_view
            and record.carried == before.carried
        ):
            continue
        changes.append(Change(
            at=record.history_date,
            user=record.history_user,
            question=record.question,
            action={"+": gettext_lazy("nieuw"), "~": gettext_lazy("gewijzigd"), "-": gettext_lazy("verwijderd")}[
                record.history_type
            ],
            old=display_value(record.question, old_value),
            new=display_value(record.question, new_value),
            old_comment=old_comment,
            new_comment=record.comment if record.comment != old_comment else "",
            diverging_view=record.diverging_view if before is None or record.diverging_view != before.diverging_view
            else "",
            carried=record.carried,
            reason=change_reason(record.history_change_reason),
        ))
    changes.reverse()
    return {
        "assessment": assessment,
        "round": assessment.round,
        "subject": assessment.subject,
        "reconstructed": is_reconstructed(assessment.round, questionnaire=assessment.questionnaire),
        "changes": changes,
        "transitions": list(assessment.transitions.select_related("by").order_by("-at", "-pk")),
        "signatures": list(assessment.signatures.select_related("user").order_by("signed_at")),
        "fill_url": url_for(assessment, "fill"),
    }
