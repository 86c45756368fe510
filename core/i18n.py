"""Small pure helpers for the English translation of a Dutch interface.

Interface texts go through gettext with Dutch source strings. Two things do not fit that:
content kept in the database in both languages (`name`/`name_en`), and texts stored once
and shown later (history change reasons), which are stored in Dutch and translated on display.
"""

from __future__ import annotations

import re
from functools import cache

from django.utils.translation import get_language, gettext, gettext_noop

# Change reasons with a value in them, stored in Dutch; the exact ones translate as they are.
PARAMETRISED_REASONS = [
    gettext_noop("overgenomen uit %(year)s"),
]


def in_english() -> bool:
    return (get_language() or "").startswith("en")


def localized(dutch: str, english: str) -> str:
    """The English text when the interface is English and there is one; the Dutch text otherwise."""
    return english if english and in_english() else dutch


def change_reason(stored: str | None) -> str:
    """A history change reason, stored in Dutch, in the active language.

    "gewijzigd" → "changed"; "overgenomen uit 2009" → "carried over from 2009"; anything
    unknown (a reason typed by a user, "import antwoorden.csv") is shown as it was stored.
    """
    if not stored:
        return ""
    translated = gettext(stored)
    if translated != stored:
        return translated
    for template in PARAMETRISED_REASONS:
        match = _pattern(template).fullmatch(stored)
        if match:
            return gettext(template) % match.groupdict()
    return stored


@cache
def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"%\((\w+)\)s", template)
    # re.split alternates literal text and placeholder names.
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)" for i, part in enumerate(parts))
    return re.compile(regex)
