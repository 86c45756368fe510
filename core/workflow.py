"""A workflow as a table of steps: each step names its source and target state, its label, the access-policy
action whose holders may take it and whether it needs a reason. The apps declare their tables
(`assessments.workflow`, `findings.workflow`); services, forms and pages read them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    label: Promise
    action: str  # a regions.policy.Action
    needs_reason: bool = False


def step_between(steps: Iterable[Step], source: str, target: str) -> Step | None:
    return next((step for step in steps if step.source == source and step.target == target), None)


def steps_from(steps: Iterable[Step], source: str, action: str | None = None) -> list[Step]:
    """The steps out of `source` (taken under `action`, when given)."""
    return [step for step in steps if step.source == source and (action is None or step.action == action)]
