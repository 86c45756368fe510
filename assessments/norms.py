"""Suggested judgments from the questions' norms.

The inspector's judgment is what counts; this only proposes one, with its reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from assessments.progress import is_visible
from assessments.values import display_value
from core.i18n import localized

if TYPE_CHECKING:
    from assessments.models import Answer
    from framework.models import Criterion


def meets_norm(question, value: str) -> bool | None:
    """True/False when the question has a norm and an answer; None otherwise."""
    norm = question.norm
    if not norm or value == "":
        return None
    if isinstance(norm, dict):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return False
        if "min" in norm and number < Decimal(str(norm["min"])):
            return False
        if "max" in norm and number > Decimal(str(norm["max"])):
            return False
        return True
    accepted = {str(item) for item in norm}
    if question.kind == "multiple_choice":
        return any(code in accepted for code in value.split("|"))
    return value in accepted


def describe_norm(question) -> str:
    norm = question.norm
    if not norm:
        return ""
    if isinstance(norm, dict):
        parts = []
        if "min" in norm:
            parts.append(_("minimaal %(number)s") % {"number": norm["min"]})
        if "max" in norm:
            parts.append(_("maximaal %(number)s") % {"number": norm["max"]})
        # Translators: joins "minimaal 3" and "maximaal 5" in a number norm.
        return _(" en ").join(parts)
    # Translators: joins the accepted answers of a norm ("ja of nee").
    return _(" of ").join(display_value(question, str(code)) for code in norm)


def raises_signal(question, value: str) -> bool:
    """Whether the answer `value` raises the question's signal (what the report notes without judging)."""
    signal = question.signal
    if not signal or value == "":
        return False
    if "values" in signal:
        raised = {str(item) for item in signal["values"]}
        if question.kind == "multiple_choice":
            return any(code in raised for code in value.split("|"))
        return value in raised
    try:
        number = Decimal(value)
    except InvalidOperation:
        return False
    return ("min" in signal and number < Decimal(str(signal["min"]))) or (
        "max" in signal and number > Decimal(str(signal["max"]))
    )


def signal_text(question) -> str:
    """The signal's sentence in the interface language."""
    signal = question.signal or {}
    return localized(signal.get("text", ""), signal.get("text_en", ""))


@dataclass
class ReasonGroup:
    """The reasons under one criterion of the factor (criterion None: questions that name no criterion)."""

    criterion: Criterion | None
    lines: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        if self.criterion is None:
            return ""
        return _("%(criterion)s (rapport §%(section)s)") % {
            "criterion": self.criterion.display_text, "section": self.criterion.section
        }


@dataclass
class Suggestion:
    judgment: str
    reasons: list[str] = field(default_factory=list)
    met: int = 0
    missed: int = 0
    # The reasons per criterion (in the criteria's order), the signals the answers raise (not counted), and the
    # normed questions that apply but have no answer yet.
    groups: list[ReasonGroup] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    unanswered: int = 0


def _norm_words(question) -> str:
    if question.norm_section:
        # Translators: a norm and the report section that applies it: "(norm: ja — 3.2.1)".
        return _("(norm: %(norm)s — %(section)s)") % {"norm": describe_norm(question), "section": question.norm_section}
    return _("(norm: %(norm)s)") % {"norm": describe_norm(question)}


def suggest_judgment(answers: Iterable, questions: Iterable | None = None, *, values: dict[str, str] | None = None) -> Suggestion:
    """voldoet when every normed answer meets its norm, voldoet_niet when none does,
    voldoet_gedeeltelijk in between, niet_beoordeeld when no answer has a norm.

    The reasons are grouped per criterion the questions measure (select the questions' `criterion`). `questions`
    (the factor's questions in the questionnaire) makes the normed ones that apply but have no answer show as
    "nog niet beantwoord"; `values` (question code → value, the whole questionnaire) decides whether a question
    with a condition applies. Signals are listed apart and never count."""
    met = missed = unanswered = 0
    groups: dict[object, ReasonGroup] = {}
    signals: list[str] = []
    answered: dict[int, Answer] = {}

    def group_of(question) -> ReasonGroup:
        criterion = getattr(question, "criterion", None) if question.criterion_id else None
        key = criterion.pk if criterion is not None else None
        if key not in groups:
            groups[key] = ReasonGroup(criterion)
        return groups[key]

    for answer in answers:
        question = answer.question
        answered[question.pk] = answer
        if raises_signal(question, answer.value):
            signals.append(_("Signaal: %(question)s — %(answer)s: %(signal)s") % {
                "question": question.display_text,
                "answer": display_value(question, answer.value),
                "signal": _with_section(signal_text(question), question.signal.get("section", "")),
            })
        outcome = meets_norm(question, answer.value)
        if outcome is None:
            if question.norm and answer.value == "" and questions is None:
                unanswered += 1
                group_of(question).lines.append(_unanswered_line(question))
            continue
        shown = display_value(question, answer.value)
        if outcome:
            met += 1
            if question.norm_section:
                line = _("✓ %(question)s — %(answer)s %(norm)s") % {
                    "question": question.display_text, "answer": shown, "norm": _norm_words(question)
                }
            else:
                line = _("✓ %(question)s — %(answer)s (voldoet aan de norm)") % {
                    "question": question.display_text, "answer": shown
                }
        else:
            missed += 1
            if question.norm_section:
                line = _("✗ %(question)s — %(answer)s %(norm)s") % {
                    "question": question.display_text, "answer": shown, "norm": _norm_words(question)
                }
            else:
                line = _("✗ %(question)s — %(answer)s (norm: %(norm)s)") % {
                    "question": question.display_text, "answer": shown, "norm": describe_norm(question)
                }
        group_of(question).lines.append(line)
    if questions is not None:
        known = values if values is not None else {a.question.code: a.value for a in answered.values()}
        for question in questions:
            answer = answered.get(question.pk)
            if not question.norm or (answer is not None and answer.value != "") or not is_visible(question, known):
                continue
            unanswered += 1
            group_of(question).lines.append(_unanswered_line(question))
    ordered = sorted(
        groups.values(),
        key=lambda group: (group.criterion is None, getattr(group.criterion, "order", 0), getattr(group.criterion, "code", "")),
    )
    reasons = [line for group in ordered for line in ([group.heading] if group.heading else []) + group.lines]
    if met + missed == 0:
        return Suggestion(
            "niet_beoordeeld",
            [_("Geen beantwoorde vragen met een norm voor deze succesfactor."), *reasons],
            groups=ordered, signals=signals, unanswered=unanswered,
        )
    if missed == 0:
        judgment = "voldoet"
    elif met == 0:
        judgment = "voldoet_niet"
    else:
        judgment = "voldoet_gedeeltelijk"
    return Suggestion(judgment, reasons, met, missed, groups=ordered, signals=signals, unanswered=unanswered)


def _with_section(text: str, section: str) -> str:
    """The signal's sentence with its report section, unless the sentence names it already."""
    return f"{text} ({section})" if section and section not in text else text


def _unanswered_line(question) -> str:
    return _("? %(question)s — nog niet beantwoord %(norm)s") % {
        "question": question.display_text, "norm": _norm_words(question)
    }
