import pytest

from assessments.models import Question, Round
from assessments.services import assessment_get_or_create
from regions.models import Brigade


@pytest.fixture
def round_2013(db) -> Round:
    return Round.objects.get(year=2013)


@pytest.fixture
def assessment(round_2013, vr13, ovr_vr13):
    """VR13's 2013 region questionnaire, started by its OVR."""
    return assessment_get_or_create(round=round_2013, region=vr13, by=ovr_vr13)


@pytest.fixture
def brigade_assessment(round_2013, rmc_11):
    return assessment_get_or_create(round=round_2013, brigade=Brigade.objects.get(number=11), by=rmc_11)


@pytest.fixture
def question(assessment):
    def get(code: str) -> Question:
        return assessment.questionnaire.questions.get(code=code)

    return get
