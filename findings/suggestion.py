"""The judgment the answers suggest for one subject and success factor (`assessments.norms.suggest_judgment`), as
the findings page shows it beside the finding: the rule a departing judgment is held to (`finding_save`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assessments.models import Answer, Question
from assessments.norms import Suggestion, suggest_judgment

if TYPE_CHECKING:
    from framework.models import Round, SuccessFactor
    from regions.models import Subject


def suggestion_for(*, round: Round, subject: Subject, success_factor: SuccessFactor) -> Suggestion:
    """The suggestion of the subject's answers in `round` for `success_factor`: over the factor's questions of the
    subject's questionnaire, with the whole questionnaire's answers deciding which conditional questions apply."""
    questions = list(
        Question.objects.filter(questionnaire__assessments__subject=subject, questionnaire__assessments__round=round)
        .select_related("criterion").prefetch_related("choices").order_by("order")
    )
    by_pk = {question.pk: question for question in questions}
    answers = [answer for answer in Answer.objects.filter(assessment__subject=subject, assessment__round=round)
               if answer.question_id in by_pk]
    for answer in answers:
        answer.question = by_pk[answer.question_id]
    values = {answer.question.code: answer.value for answer in answers}
    answers.sort(key=lambda answer: answer.question.order)
    return suggest_judgment(
        [answer for answer in answers if answer.question.success_factor_id == success_factor.pk],
        [question for question in questions if question.success_factor_id == success_factor.pk],
        values=values,
    )
