"""The home page's work list per role.

Each app contributes the items that wait for a user; this module only
collects them, so the home view stays a recipe.
"""

from __future__ import annotations

from typing import TypedDict

from accounts.models import Role, User
from assessments.models import Round
from regions.models import Brigade, Region


class WorkItem(TypedDict):
    label: str
    url: str
    detail: str


class Worklist(TypedDict):
    role: str
    round: Round | None
    regions: list[Region]
    brigade: Brigade | None
    items: list[WorkItem]


def worklist_for(user: User) -> Worklist:
    round = Round.objects.current()
    regions = list(Region.objects.for_user(user).select_related("brigade")) if user.role != Role.INSPECTOR else []
    items: list[WorkItem] = []
    for contribute in _contributors():
        items.extend(contribute(user, round))
    return {
        "role": user.role,
        "round": round,
        "regions": regions,
        "brigade": user.brigade if user.role == Role.RMC else None,
        "items": items,
    }


def _contributors():
    from assessments.worklist import work_items as assessment_items
    from findings.worklist import work_items as finding_items

    return [assessment_items, finding_items]
