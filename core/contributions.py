"""Pages that collect what the apps contribute: the home page's work list and the sections of a
subject's page. An app registers its contributor in its AppConfig.ready(); the collecting page
imports nothing of the app, so no module reaches upward."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NotRequired, TypedDict


class WorkItem(TypedDict):
    label: str
    url: str
    detail: str
    # Work that waits on others (shown, never the subject of a reminder e-mail).
    waiting: NotRequired[bool]


class Section(TypedDict):
    title: str
    url: str
    detail: str


WorkItemsContributor = Callable[[Any, Any], list[WorkItem]]  # (user, round) -> items
SectionsContributor = Callable[[Any, Any], list[Section]]  # (user, subject) -> sections

_work_items: list[WorkItemsContributor] = []
_sections: list[SectionsContributor] = []


def register_work_items(contributor: WorkItemsContributor) -> WorkItemsContributor:
    if contributor not in _work_items:
        _work_items.append(contributor)
    return contributor


def register_sections(contributor: SectionsContributor) -> SectionsContributor:
    if contributor not in _sections:
        _sections.append(contributor)
    return contributor


def work_items(user, round) -> list[WorkItem]:
    return [item for contribute in _work_items for item in contribute(user, round)]


def sections(user, subject) -> list[Section]:
    return [section for contribute in _sections for section in contribute(user, subject)]
