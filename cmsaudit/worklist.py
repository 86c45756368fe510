"""The home page's work list: what each app contributes (core.contributions), for the current round,
and the subjects the user responds for."""

from __future__ import annotations

from typing import TypedDict

from accounts.models import User
from core.contributions import WorkItem, work_items
from framework.models import Round
from regions.models import Subject
from regions.policy import respondent_filter


class Worklist(TypedDict):
    round: Round | None
    subjects: list[Subject]
    items: list[WorkItem]


def worklist_for(user: User) -> Worklist:
    round = Round.objects.current()
    own = respondent_filter(user)
    subjects = list(Subject.objects.filter(own).select_related("region__brigade", "brigade")) if own is not None else []
    return {"round": round, "subjects": subjects, "items": work_items(user, round)}
