"""Indicator sentences and bands: how a question's answers become a sentence of the national picture.

A question's `indicator` is a sentence as the report writes it, with placeholders for counts:

- `{<value>}`: how many subjects gave that value: `{ja}`, `{nee}`, a choice code (`{own_region}`; of a
  multiple-choice question every chosen code counts), or a band code of a number question (`{gt_20}`);
- `{answered}`: how many answered the question; `{total}`: how many subjects of the questionnaire's kind
  there are (25 regions); `{unanswered}`: `{total}` minus `{answered}`.

"In {own_region} van de {total} veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio;
in {brigade} per brigade." A number question names its `bands`: each band takes the values up to and
including its `max` above the band before it; the last band may leave `max` out and takes the rest.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)\}")
FIXED = ("answered", "total", "unanswered")
YES_NO = ("ja", "nee")


def placeholders(template: str) -> list[str]:
    return PLACEHOLDER.findall(template or "")


# Where a sentence divides into clauses: "…; in {brigade} per brigade", "…, en in {both} beide", "… and {x} …".
CLAUSE = re.compile(r"(;\s*|,\s*(?:en|and)\s+|,\s+|\s+(?:en|and)\s+)")
# The word for "none" where a count would be 0, as the report writes it.
NONE = {"nl": "geen", "en": "none"}


def indicator_render(template: str, counts: dict[str, int], *, answered: int, total: int, language: str | None = None) -> str:
    """The sentence with its placeholders filled, as the report would write it: a clause after the first whose
    counts are all 0 is left out ("…, en in 0 beide" → "…"), and a count of 0 that stays reads "geen" ("In geen
    van de 3 brigades …"; "none" in English). `language` defaults to the active language."""
    if language is None:
        from django.utils.translation import get_language

        language = get_language() or "nl"
    numbers = {"answered": answered, "total": total, "unanswered": max(total - answered, 0)}

    def value(name: str) -> int:
        return numbers[name] if name in numbers else counts.get(name, 0)

    body, end = template.rstrip(), ""
    while body and body[-1] in ".!?":
        body, end = body[:-1], body[-1] + end
    parts = CLAUSE.split(body)
    clauses, separators = parts[0::2], parts[1::2]
    kept = [clauses[0]]
    kept_separators: list[str] = []
    for separator, clause in zip(separators, clauses[1:], strict=True):
        names = [name for name in placeholders(clause) if name not in FIXED]
        if names and all(value(name) == 0 for name in names):
            continue
        kept_separators.append(separator)
        kept.append(clause)
    text = kept[0] + "".join(separator + clause for separator, clause in zip(kept_separators, kept[1:], strict=True))
    none = NONE.get((language or "nl")[:2], NONE["nl"])

    def fill(match: re.Match) -> str:
        name = match.group(1)
        number = value(name)
        if number == 0 and name not in FIXED:
            return none.capitalize() if match.start() == 0 else none
        return str(number)

    return PLACEHOLDER.sub(fill, text) + end


def band_of(bands: list[dict], value: str) -> str | None:
    """The code of the band a number (as the exchange format writes it) falls in; None when it is no number
    or lies above the last closed band."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError):
        return None
    for band in bands:
        if band.get("max") is None or number <= Decimal(str(band["max"])):
            return str(band["code"])
    return None
