import pytest

from assessments.models import Question
from assessments.services import assessment_start
from framework.models import Round
from tests.factories import subject


@pytest.fixture
def round_2013(db) -> Round:
    return Round.objects.get(year=2013)


@pytest.fixture
def assessment(round_2013, vr13, ovr_vr13):
    """VR13's 2013 region questionnaire, started by its OVR."""
    return assessment_start(round=round_2013, subject=subject("VR13"), by=ovr_vr13)


@pytest.fixture
def brigade_assessment(round_2013, rmc_11):
    return assessment_start(round=round_2013, subject=subject("B11"), by=rmc_11)


@pytest.fixture
def question(assessment):
    def get(code: str) -> Question:
        return assessment.questionnaire.questions.get(code=code)

    return get
