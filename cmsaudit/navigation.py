"""The main menu: one list; each entry is shown to those the access policy lets take its action."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.policy import Action, may

MENU = [
    ("home", _("Start"), None),
    ("regions:list", _("Regio's"), Action.REGION_LIST),
    ("assessments:fieldwork", _("Veldwerk"), Action.FIELDWORK),
    ("findings:overview", _("Bevindingen"), Action.FINDINGS_DRAFT),
    ("national:dashboard", _("Landelijk beeld"), Action.NATIONAL),
    ("national:recommendations", _("Aanbevelingen"), Action.RECOMMENDATIONS),
    ("assessments:exchange", _("Uitwisseling"), Action.EXCHANGE),
]


def menu(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    entries = [
        {"url": reverse(name), "label": label, "active": False}
        for name, label, action in MENU
        if action is None or may(user, action)
    ]
    # The entry with the longest URL that the current path starts with is the active one.
    matches = [e for e in entries if request.path == e["url"] or (e["url"] != "/" and request.path.startswith(e["url"]))]
    if matches:
        max(matches, key=lambda e: len(e["url"]))["active"] = True
    return {"menu": entries}
