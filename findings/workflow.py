"""The statuses of a verification and of a recommendation as tables of steps (see core.workflow)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core import workflow
from core.workflow import Step
from findings.models import RecommendationStatus as R
from findings.models import VerificationStatus as V
from regions.policy import Action

# A verification is sent by the inspectors; its later states follow from the responses and replies.
VERIFICATION_STEPS: tuple[Step, ...] = (
    Step(V.NOT_SENT, V.AWAITING, _("Ter verificatie voorleggen"), Action.FINDINGS_EDIT),
    Step(V.AWAITING, V.COMMENTS_OPEN, _("Opmerking van een respondent"), Action.VERIFY),
    Step(V.AWAITING, V.VERIFIED, _("Alle onderdelen akkoord"), Action.VERIFY),
    # Answered by the inspectors, or a respondent who turned their comment into agreement.
    Step(V.COMMENTS_OPEN, V.AWAITING, _("Opmerkingen beantwoord"), Action.VERIFY_REPLY),
    Step(V.COMMENTS_OPEN, V.VERIFIED, _("Opmerkingen beantwoord, alles gereageerd"), Action.VERIFY_REPLY),
)

# The inspectors close a verification a respondent leaves unanswered (say, one stays silent), with a reason.
# Kept apart from VERIFICATION_STEPS: it is taken by hand, the steps above follow from the responses.
# An open comment is answered first (COMMENTS_OPEN has no close step): hoor en wederhoor stays complete.
CLOSE_STEP = Step(V.AWAITING, V.VERIFIED, _("Verificatie afsluiten"), Action.VERIFY_REPLY, needs_reason=True)

# Who may respond: while the verification is open for responses.
OPEN_FOR_RESPONSES = (V.AWAITING, V.COMMENTS_OPEN)

# A drafted recommendation is decided by an inspector; nothing drafted is published without one.
RECOMMENDATION_STEPS: tuple[Step, ...] = (
    Step(R.DRAFT, R.ACCEPTED, _("Vaststellen"), Action.RECOMMENDATIONS_EDIT),
    Step(R.DRAFT, R.DISMISSED, _("Verwerpen"), Action.RECOMMENDATIONS_EDIT),
)


def verification_step(source: str, target: str) -> Step | None:
    return workflow.step_between(VERIFICATION_STEPS, source, target)


def recommendation_step(source: str, target: str) -> Step | None:
    return workflow.step_between(RECOMMENDATION_STEPS, source, target)
