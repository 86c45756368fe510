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


def indicator_render(template: str, counts: dict[str, int], *, answered: int, total: int) -> str:
    """The sentence with its placeholders filled; a value nobody gave counts 0."""
    numbers = {"answered": answered, "total": total, "unanswered": max(total - answered, 0)}
    return PLACEHOLDER.sub(lambda match: str(numbers.get(match.group(1), counts.get(match.group(1), 0))), template)


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
