"""The main menu: one list; each entry is shown to those the access policy lets take its action."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from findings.models import Verification, VerificationStatus
from framework.models import Round
from regions.models import Subject
from regions.policy import SIGNING_ROLES, Action, permitted, respondent_filter

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class MenuEntry(TypedDict):
    url: str
    label: str | StrPromise
    active: bool


MENU = [
    ("home", _("Start"), None),
    ("regions:list", _("Regio's"), Action.REGION_LIST),
    ("assessments:fieldwork", _("Veldwerk"), Action.FIELDWORK),
    ("findings:overview", _("Bevindingen"), Action.FINDINGS_DRAFT),
    ("national:dashboard", _("Landelijk beeld"), Action.NATIONAL),
    ("national:recommendations", _("Aanbevelingen"), Action.RECOMMENDATIONS),
    ("assessments:exchange", _("Uitwisseling"), Action.EXCHANGE),
]


def menu(request: HttpRequest) -> dict[str, list[MenuEntry]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    allowed = permitted(user)  # the policy asked once for the whole menu
    entries: list[MenuEntry] = [
        {"url": reverse(name), "label": label, "active": False}
        for name, label, action in MENU
        if action is None or action in allowed
    ]
    # A respondent's own work, right after "Start": their questionnaire and their findings of the current round.
    entries[1:1] = _respondent_entries(user)
    # The entry with the longest URL that the current path starts with is the active one.
    matches = [e for e in entries if request.path == e["url"] or (e["url"] != "/" and request.path.startswith(e["url"]))]
    if matches:
        max(matches, key=lambda e: len(e["url"]))["active"] = True
    return {"menu": entries}


# Respondents whose subjects are listed by name in the menu; more than this and "Regio's" lists them.
RESPONDENT_MENU_SUBJECTS = 2


def _respondent_entries(user) -> list[MenuEntry]:
    """One query: the subjects `user` responds for, each with the current round (the home page's,
    `Round.objects.current_first`) and whether its findings have been sent to them (before that, as on the region
    page, there is nothing to link to)."""
    own = respondent_filter(user)
    if own is None:
        return []
    current = Round.objects.current_first()
    sent = Verification.objects.filter(subject=OuterRef("pk"), round=Subquery(current.values("pk")[:1])).exclude(
        status=VerificationStatus.NOT_SENT
    )
    rows = list(
        Subject.objects.filter(own)
        .annotate(round_code=Subquery(current.values("code")[:1]), sent=Exists(sent))
        .values_list("code", "kind", "round_code", "sent")[: RESPONDENT_MENU_SUBJECTS + 1]
    )
    if not rows or len(rows) > RESPONDENT_MENU_SUBJECTS or rows[0][2] is None:
        return []
    named = len(rows) > 1
    entries: list[MenuEntry] = []
    for code, kind, round_code, findings_sent in rows:
        suffix = f" {code}" if named else ""
        if SIGNING_ROLES.get(kind):  # regions and brigades have a questionnaire, directorates do not
            entries.append({"url": reverse("assessments:fill", args=[round_code, code]),
                            "label": f"{_('Vragenlijst')}{suffix}", "active": False})
        if findings_sent:
            entries.append({"url": reverse("findings:subject", args=[round_code, code]),
                            "label": f"{_('Bevindingen')}{suffix}", "active": False})
    return entries
