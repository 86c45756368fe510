"""Answer values: one parser for the form, the import and the API.

Values are kept in their exchange form: yes_no as "ja"/"nee", choices by
choice code, multiple choice as codes joined by "|", numbers plain, dates
ISO, text as typed. "" means unanswered.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.i18n import localized

YES = {"ja", "yes", "true", "1", "j", "y"}
NO = {"nee", "no", "false", "0", "n"}

# The length of every free text, one limit per kind of text, the same in the forms (max_length) and in the
# services (`text_clean`), so a page, an htmx save and an import refuse the same over-long text.
MAX_TEXT = 10_000  # an answer to a text question, its comment and diverging view
MAX_FINDING = 10_000  # a finding (also a cell of the judgments import), a national conclusion (deelconclusie)
MAX_REPORT = 100_000  # an interview report (gespreksverslag)
MAX_PARTICIPANTS = 2_000  # who took part in the interview
MAX_VERIFICATION = 10_000  # a respondent's verification comment, the inspector's reply
MAX_RECOMMENDATION = 5_000  # a recommendation, a draft rule's text
MAX_EXPLANATION = 10_000  # the explanation of a follow-up
MAX_REASON = 2_000  # why a workflow step is taken, why a round is published without full verification
MAX_PASSAGE = 5_000  # a passage of the interview report cited as a source
# How a stored yes/no answer reads; the stored value itself is always "ja" or "nee".
YES_NO_LABELS = {"ja": gettext_lazy("ja"), "nee": gettext_lazy("nee")}


def choice_codes(question) -> list[str]:
    # Uses the prefetch cache when the caller prefetched `choices`.
    return [choice.code for choice in question.choices.all()]


def parse_value(question, raw: object, *, codes: list[str] | None = None) -> str:
    """The canonical value for `raw` given `question`, or ValidationError with a message in the active language."""
    text = "" if raw is None else str(raw)
    if isinstance(raw, list | tuple):
        text = "|".join(str(item) for item in raw)
    text = text.strip()
    if text == "":
        return ""
    kind = question.kind
    if kind == "yes_no":
        lowered = text.lower()
        if lowered in YES:
            return "ja"
        if lowered in NO:
            return "nee"
        raise ValidationError(
            _("‘%(value)s’ is geen geldig ja/nee-antwoord; gebruik ja of nee.") % {"value": _short(text)}, code="yes_no"
        )
    if kind in ("single_choice", "multiple_choice"):
        allowed = codes if codes is not None else choice_codes(question)
        if kind == "single_choice":
            if text not in allowed:
                raise ValidationError(
                    _("‘%(value)s’ is geen toegestane keuze; kies uit: %(allowed)s.")
                    % {"value": _short(text), "allowed": ", ".join(allowed)},
                    code="choice",
                )
            return text
        picked = {part.strip() for part in text.split("|") if part.strip()}
        unknown = sorted(picked - set(allowed))
        if unknown:
            raise ValidationError(
                _("‘%(value)s’ is geen toegestane keuze; kies uit: %(allowed)s.")
                % {"value": _short(", ".join(unknown)), "allowed": ", ".join(allowed)},
                code="choice",
            )
        return "|".join(code for code in allowed if code in picked)
    if kind == "number":
        try:
            number = Decimal(text.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            raise ValidationError(_("‘%(value)s’ is geen getal.") % {"value": _short(text)}, code="number") from None
        if not number.is_finite() or abs(number) >= Decimal("1e12"):
            raise ValidationError(_("‘%(value)s’ is geen bruikbaar getal.") % {"value": _short(text)}, code="number")
        _check_bounds(question, number, text)
        if number == number.to_integral_value():
            return str(int(number))
        return format(number.normalize(), "f")
    if kind == "date":
        try:
            if len(text) != 10:
                raise ValueError
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValidationError(
                _("‘%(value)s’ is geen geldige datum; gebruik de vorm JJJJ-MM-DD.") % {"value": _short(text)}, code="date"
            ) from None
    if kind == "text":
        return text_clean(text, limit=MAX_TEXT)
    raise ValidationError(_("Onbekende soort vraag: %(kind)s.") % {"kind": kind}, code="kind")


def _check_bounds(question, number: Decimal, text: str) -> None:
    """The number rules of the question's definition: a whole number, at least `min_value`, at most `max_value`."""
    low, high = getattr(question, "min_value", None), getattr(question, "max_value", None)
    unit = f" {_unit(question)}" if getattr(question, "unit", "") else ""
    if getattr(question, "whole", False) and number != number.to_integral_value():
        raise ValidationError(
            _("‘%(value)s’ is geen geheel getal; vul een geheel aantal in.") % {"value": _short(text)}, code="whole"
        )
    if low is not None and number < low:
        raise ValidationError(
            _("‘%(value)s’ is te klein; het kleinste toegestane getal is %(min)s%(unit)s.")
            % {"value": _short(text), "min": _plain(low), "unit": unit},
            code="min",
        )
    if high is not None and number > high:
        raise ValidationError(
            _("‘%(value)s’ is te groot; het grootste toegestane getal is %(max)s%(unit)s.")
            % {"value": _short(text), "max": _plain(high), "unit": unit},
            code="max",
        )


def _plain(number: Decimal) -> str:
    number = Decimal(number)
    return str(int(number)) if number == number.to_integral_value() else format(number.normalize(), "f")


def text_clean(text: object, *, limit: int) -> str:
    """A free text as it is stored: line breaks as "\n" (a browser posts a textarea with "\r\n", which would
    otherwise count as a change), no surrounding whitespace, at most `limit` characters and no NUL
    characters; ValidationError with a message in the active language otherwise. Every service that
    stores a free text calls this, so forms and imports refuse the same texts."""
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > limit:
        raise ValidationError(
            _("De tekst is te lang (%(length)s tekens; maximaal %(max)s).") % {"length": len(text), "max": limit},
            code="max_length",
        )
    if "\x00" in text:
        raise ValidationError(_("De tekst bevat ongeldige tekens."), code="text")
    return text


def display_value(question, value: str) -> str:
    """A value as a reader sees it, in the interface language: labels for choices, yes/no, the number
    with its unit, the date in the local short form. Only for showing; the stored value stays as it is."""
    if value == "":
        return ""
    if question.kind in ("single_choice", "multiple_choice"):
        labels = {choice.code: choice.display_label for choice in question.choices.all()}
        return ", ".join(labels.get(code, code) for code in value.split("|"))
    if question.kind == "yes_no":
        return str(YES_NO_LABELS.get(value, value))
    if question.kind == "number" and question.unit:
        return f"{value} {_unit(question)}"
    if question.kind == "date":
        try:
            return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    return value


def _unit(question) -> str:
    """The question's unit in the interface language (its English unit when the interface is English)."""
    return localized(question.unit, getattr(question, "unit_en", ""))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
