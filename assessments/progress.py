"""Which questions apply and how far an assessment is: pure functions over loaded rows.

A question with a condition applies only while the answer to the question it names equals the
condition value; a question that does not apply is hidden, not required and not counted.
The same rule is written in SQL in `AssessmentQuerySet.with_visible_progress` for the overview.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def is_visible(question, values: Mapping[str, str]) -> bool:
    """`values` maps question code → stored value for one assessment."""
    if not question.condition_code:
        return True
    return values.get(question.condition_code, "") == question.condition_value


def percent_of(answered: int, total: int) -> int:
    return round(100 * answered / total) if total else 0


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return percent_of(self.answered, self.total)

    @property
    def complete(self) -> bool:
        return self.answered >= self.total


def progress(questions: Iterable, values: Mapping[str, str]) -> Progress:
    visible = [q for q in questions if is_visible(q, values)]
    return Progress(answered=sum(1 for q in visible if values.get(q.code, "") != ""), total=len(visible))


def missing_required(questions: Iterable, values: Mapping[str, str]) -> list:
    """Required questions that apply and have no answer, in questionnaire order."""
    return [q for q in questions if q.required and is_visible(q, values) and values.get(q.code, "") == ""]
