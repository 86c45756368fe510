"""The questionnaire workflow as one table: states, the steps between them, their labels, who may take
them and which need a reason. Services, forms and pages all read it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from assessments.models import AssessmentStatus as S
from core import workflow
from core.workflow import Step
from regions.policy import Action

STEPS: tuple[Step, ...] = (
    Step(S.DRAFT, S.SUBMITTED, _("Indienen"), Action.SUBMIT),
    Step(S.SUBMITTED, S.IN_REVIEW, _("In beoordeling nemen"), Action.REVIEW),
    Step(S.IN_REVIEW, S.VERIFICATION, _("Ter verificatie voorleggen"), Action.REVIEW),
    Step(S.VERIFICATION, S.FINAL, _("Definitief maken"), Action.REVIEW),
    Step(S.IN_REVIEW, S.DRAFT, _("Terugsturen naar de respondenten"), Action.REVIEW, needs_reason=True),
    Step(S.FINAL, S.IN_REVIEW, _("Heropenen"), Action.REVIEW, needs_reason=True),
)

# The state in which answers, evidence and signatures may change.
EDITABLE = S.DRAFT


def step_between(source: str, target: str) -> Step | None:
    return workflow.step_between(STEPS, source, target)


def steps_from(source: str, action: Action | None = None) -> list[Step]:
    return workflow.steps_from(STEPS, source, action)
