"""Answer values: one parser for the form, the import and the API.

Values are kept in their exchange form: yes_no as "ja"/"nee", choices by
choice code, multiple choice as codes joined by "|", numbers plain, dates
ISO, text as typed. "" means unanswered.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

YES = {"ja", "yes", "true", "1", "j", "y"}
NO = {"nee", "no", "false", "0", "n"}
MAX_TEXT = 10_000


def choice_codes(question) -> list[str]:
    # Uses the prefetch cache when the caller prefetched `choices`.
    return [choice.code for choice in question.choices.all()]


def parse_value(question, raw: object, *, codes: list[str] | None = None) -> str:
    """The canonical value for `raw` given `question`, or ValidationError with a Dutch message."""
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
        raise ValidationError(f"‘{_short(text)}’ is geen geldig ja/nee-antwoord; gebruik ja of nee.", code="yes_no")
    if kind in ("single_choice", "multiple_choice"):
        allowed = codes if codes is not None else choice_codes(question)
        if kind == "single_choice":
            if text not in allowed:
                raise ValidationError(
                    f"‘{_short(text)}’ is geen toegestane keuze; kies uit: {', '.join(allowed)}.", code="choice"
                )
            return text
        picked = {part.strip() for part in text.split("|") if part.strip()}
        unknown = sorted(picked - set(allowed))
        if unknown:
            raise ValidationError(
                f"‘{_short(', '.join(unknown))}’ is geen toegestane keuze; kies uit: {', '.join(allowed)}.",
                code="choice",
            )
        return "|".join(code for code in allowed if code in picked)
    if kind == "number":
        try:
            number = Decimal(text.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            raise ValidationError(f"‘{_short(text)}’ is geen getal.", code="number") from None
        if not number.is_finite() or abs(number) >= Decimal("1e12"):
            raise ValidationError(f"‘{_short(text)}’ is geen bruikbaar getal.", code="number")
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
                f"‘{_short(text)}’ is geen geldige datum; gebruik de vorm JJJJ-MM-DD.", code="date"
            ) from None
    if kind == "text":
        if len(text) > MAX_TEXT:
            raise ValidationError(f"De tekst is te lang (maximaal {MAX_TEXT} tekens).", code="text")
        if "\x00" in text:
            raise ValidationError("De tekst bevat ongeldige tekens.", code="text")
        return text
    raise ValidationError(f"Onbekende soort vraag: {kind}.", code="kind")


def display_value(question, value: str) -> str:
    """A value as a reader sees it: labels for choices, 'ja'/'nee', the number with its unit."""
    if value == "":
        return ""
    if question.kind in ("single_choice", "multiple_choice"):
        labels = {choice.code: choice.label for choice in question.choices.all()}
        return ", ".join(labels.get(code, code) for code in value.split("|"))
    if question.kind == "number" and question.unit:
        return f"{value} {question.unit}"
    if question.kind == "date":
        try:
            return datetime.date.fromisoformat(value).strftime("%d-%m-%Y")
        except ValueError:
            return value
    return value


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
