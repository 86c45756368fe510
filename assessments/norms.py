"""Suggested judgments from the questions' norms.

The inspector's judgment is what counts; this only proposes one, with its reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from assessments.values import display_value


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


@dataclass
class Suggestion:
    judgment: str
    reasons: list[str] = field(default_factory=list)
    met: int = 0
    missed: int = 0


def suggest_judgment(answers: Iterable) -> Suggestion:
    """voldoet when every normed answer meets its norm, voldoet_niet when none does,
    voldoet_gedeeltelijk in between, niet_beoordeeld when no answer has a norm."""
    met = missed = 0
    reasons = []
    for answer in answers:
        question = answer.question
        outcome = meets_norm(question, answer.value)
        if outcome is None:
            continue
        shown = display_value(question, answer.value)
        if outcome:
            met += 1
            reasons.append(_("✓ %(question)s — %(answer)s (voldoet aan de norm)")
                           % {"question": question.display_text, "answer": shown})
        else:
            missed += 1
            reasons.append(_("✗ %(question)s — %(answer)s (norm: %(norm)s)")
                           % {"question": question.display_text, "answer": shown, "norm": describe_norm(question)})
    if met + missed == 0:
        return Suggestion("niet_beoordeeld", [_("Geen beantwoorde vragen met een norm voor deze succesfactor.")])
    if missed == 0:
        judgment = "voldoet"
    elif met == 0:
        judgment = "voldoet_niet"
    else:
        judgment = "voldoet_gedeeltelijk"
    return Suggestion(judgment, reasons, met, missed)
