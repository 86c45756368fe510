"""The main menu: one list, filtered by role; entries whose view does not exist yet are skipped."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role

INSPECTORS = {Role.INSPECTOR, Role.ADMIN}
RESPONDENTS = {Role.OVR, Role.CONTACT, Role.RMC}

MENU = [
    ("home", _("Start"), None),
    ("regions:list", _("Regio's"), INSPECTORS | RESPONDENTS),
    ("assessments:fieldwork", _("Veldwerk"), INSPECTORS),
    ("findings:overview", _("Bevindingen"), INSPECTORS),
    ("findings:national", _("Landelijk beeld"), INSPECTORS | {Role.MINISTRY}),
    ("findings:recommendations", _("Aanbevelingen"), INSPECTORS | {Role.MINISTRY}),
    ("assessments:exchange", _("Uitwisseling"), INSPECTORS),
]


def menu(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    role = Role.ADMIN if user.is_superuser else user.role
    entries = []
    for name, label, roles in MENU:
        if roles is not None and role not in roles:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        entries.append({"url": url, "label": label, "active": False})
    # The entry with the longest URL that the current path starts with is the active one.
    matches = [e for e in entries if request.path == e["url"] or (e["url"] != "/" and request.path.startswith(e["url"]))]
    if matches:
        max(matches, key=lambda e: len(e["url"]))["active"] = True
    return {"menu": entries}
