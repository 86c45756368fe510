"""Naming a round: by its code (`icms-2013`) in URLs, queries and commands.

A bare year is a name of the past: the year addresses of earlier versions redirect permanently to the round of
the first framework with that year, and a command's `--round 2013` is taken only while one round has that year.
"""

from __future__ import annotations

from django.core.management.base import CommandError
from django.http import Http404
from django.urls import path, register_converter
from django.utils.translation import gettext as _
from django.views.generic.base import RedirectView

from framework.models import Round

ROUND_CODE = r"[a-z][a-z0-9]*-[0-9]{4}"


class RoundCodeConverter:
    regex = ROUND_CODE

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return getattr(value, "code", value)


# Imported by every urls module that names a round; a module is imported once, so this runs once.
register_converter(RoundCodeConverter, "round")


def round_named(value: str | int | None) -> Round:
    """The round with code `value`, or (for the `?round=` of earlier links) the first round of year `value`;
    404 when there is none."""
    text = str(value or "").strip()
    round = Round.objects.filter(code=text).first() if text else None
    if round is None and text.isdigit() and len(text) == 4:
        round = Round.objects.of_year(int(text)).first()
    if round is None:
        raise Http404(_("Deze meting bestaat niet."))
    return round


def command_round(value: str | int) -> Round:
    """The round a command's `--round` names: a code, or a year while exactly one round has that year."""
    text = str(value).strip()
    round = Round.objects.filter(code=text).first()
    if round is not None:
        return round
    if text.isdigit():
        candidates = list(Round.objects.of_year(int(text)).values_list("code", flat=True))
        if len(candidates) == 1:
            return Round.objects.get(code=candidates[0])
        if candidates:
            raise CommandError(
                f"Meting {text} is niet eenduidig: noem de code van de meting ({', '.join(candidates)})."
            )
    known = ", ".join(Round.objects.order_by("year", "framework_id").values_list("code", flat=True))
    raise CommandError(f"Meting {text} bestaat niet" + (f" (bekend: {known})." if known else "."))


class YearMoved(RedirectView):
    """`<mount><year>/…` of earlier versions, permanently to `<mount><code>/…` (the first framework's round)."""

    permanent = True
    mount = ""

    def get_redirect_url(self, *args, year: int, rest: str = "", number: int | None = None, **kwargs) -> str:
        round = Round.objects.of_year(year).first()
        if round is None:
            raise Http404(_("Deze meting bestaat niet."))
        # `<year>/brigades/<n>/…`, older still: the brigade is named by its code (B11).
        subject = f"B{number}/" if number is not None else ""
        query = self.request.META.get("QUERY_STRING", "")
        return f"{self.mount}{round.code}/{subject}{rest}" + (f"?{query}" if query else "")


def year_paths_moved(mount: str, *, brigades: bool = True) -> list:
    """The URL patterns that send the year addresses of earlier versions (and the brigade addresses before those,
    `<year>/brigades/<n>/…`) permanently to the round's code."""
    view = YearMoved.as_view(mount=mount)
    return [
        *(
            [
                path("<int:year>/brigades/<int:number>/", view, name="brigade_moved_root"),
                path("<int:year>/brigades/<int:number>/<path:rest>", view, name="brigade_moved"),
            ]
            if brigades
            else []
        ),
        path("<int:year>/", view, name="year_moved_root"),
        path("<int:year>/<path:rest>", view, name="year_moved"),
    ]
