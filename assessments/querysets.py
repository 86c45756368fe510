"""Composed reads for the questionnaire overviews (the counts are computed in the database)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from assessments.models import Answer, Assessment, Choice, Question
from core.prefetch import attach
from framework.models import Round


class Progress(TypedDict):
    """What `with_visible_progress` adds to each assessment."""

    applicable: int
    answered: int


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # An assessment read with its progress (`with_visible_progress`).
    AssessmentWithProgress = WithAnnotations[Assessment, Progress]


def with_choices(questions: Iterable[Question]) -> list[Question]:
    """`questions` with their choices in order (`question.choices.all()` reads no query): one query, and none of
    the per-question bookkeeping of `prefetch_related` (`core.prefetch`)."""
    questions = list(questions)
    return attach(questions, "choices", Choice.objects.filter(question_id__in=[q.pk for q in questions])
                  .order_by("question_id", "order"), "question_id")


def _condition_met(code_ref: str, value_ref: str) -> Exists:
    """The assessment (two levels out) has the answer a condition asks for."""
    return Exists(
        Answer.objects.filter(
            assessment=OuterRef(OuterRef("pk")), question__code=OuterRef(code_ref), value=OuterRef(value_ref)
        )
    )


def with_visible_progress(assessments: QuerySet[Assessment]) -> QuerySet[AssessmentWithProgress]:
    """Annotate `applicable` (questions whose condition holds) and `answered` (of those, answered):
    the same rule as `assessments.progress.is_visible`, in SQL."""
    applicable = (
        Question.objects.filter(questionnaire=OuterRef("questionnaire"))
        .filter(Q(condition_code="") | Q(_condition_met("condition_code", "condition_value")))
        .order_by()
        .values("questionnaire")
        .annotate(n=Count("pk"))
        .values("n")
    )
    answered = (
        Answer.objects.filter(assessment=OuterRef("pk"))
        .exclude(value="")
        .filter(
            Q(question__condition_code="")
            | Q(_condition_met("question__condition_code", "question__condition_value"))
        )
        .order_by()
        .values("assessment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return assessments.annotate(
        applicable=Coalesce(Subquery(applicable, output_field=IntegerField()), Value(0)),
        answered=Coalesce(Subquery(answered, output_field=IntegerField()), Value(0)),
    )


def fieldwork_assessments(round: Round) -> QuerySet[AssessmentWithProgress]:
    """Every assessment of a round with its subject and progress: the fieldwork overview in one query."""
    return with_visible_progress(
        Assessment.objects.filter(round=round).select_related("round", "subject", "questionnaire")
    )
