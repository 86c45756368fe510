"""Dates read with the month's full name in the interface language ("28 november 2013", "28 November 2013"),
never as an abbreviation ("28 nov", "28 Nov"): no template or Python format abbreviates a month."""

import re
from pathlib import Path

from django.utils import translation
from django.utils.formats import date_format

ROOT = Path(__file__).resolve().parents[1]
# `M` (Nov), `b` (nov) and `N` (Nov.) abbreviate the month; backslash-escaped letters are literal text.
ABBREVIATED = re.compile(r"(?<!\\)[MbN]")
TEMPLATE_FORMAT = re.compile(r"\|date:\"([^\"]*)\"")
PYTHON_FORMAT = re.compile(r"date_format\([^,]+,\s*\"([^\"]*)\"")


def _formats():
    for path in (ROOT / "templates").rglob("*.html"):
        yield from ((path, fmt) for fmt in TEMPLATE_FORMAT.findall(path.read_text(encoding="utf-8")))
    for app in ("accounts", "assessments", "cmsaudit", "core", "findings", "national", "regions"):
        for path in (ROOT / app).rglob("*.py"):
            yield from ((path, fmt) for fmt in PYTHON_FORMAT.findall(path.read_text(encoding="utf-8")))


def test_no_date_format_abbreviates_the_month():
    formats = list(_formats())
    assert len(formats) > 10
    abbreviated = [
        f"{path.relative_to(ROOT)}: {fmt}" for path, fmt in formats
        if not fmt.isupper() and ABBREVIATED.search(fmt)  # named formats (SHORT_DATE_FORMAT) are checked below
    ]
    assert not abbreviated, abbreviated


def test_a_date_reads_with_the_dutch_month_name_and_the_english_one_in_english():
    import datetime

    day = datetime.datetime(2013, 11, 28, 14, 5, tzinfo=datetime.UTC)
    with translation.override("nl"):
        assert date_format(day, "j F Y H:i") == "28 november 2013 14:05"
        assert date_format(day.date(), "SHORT_DATE_FORMAT") == "28-11-2013"
    with translation.override("en"):
        assert date_format(day, "j F Y H:i") == "28 November 2013 14:05"
