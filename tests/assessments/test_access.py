"""One access answer per questionnaire and request (`assessments.access.assessment_access`): what each role may do
with VR13's questionnaire, and the fill-in page that reads it."""

import pytest
from django.utils import timezone

from assessments.access import assessment_access
from assessments.models import AssessmentStatus
from assessments.workflow import steps_from
from framework.models import RoundStatus
from regions.policy import Action

FILL = "/assessments/icms-2013/VR13/"
READS_ONLY = "U kunt deze vragenlijst inzien; invullen doen de respondenten en de inspectie."

# Per persona, on VR13's draft in the open round: respondent, answer, sign, submit, on behalf, export, regions list.
DRAFT = {
    "inspector": (False, True, False, False, True, True, True),
    "ovr_vr13": (True, True, True, True, False, False, True),
    "contact_vr13": (True, True, True, True, False, False, True),
    "ovr_vr14": (False, False, False, False, False, False, True),
    "rmc_11": (False, False, False, False, False, False, True),  # reads the brigade's regions, answers for B11 only
    "ministry": (False, False, False, False, False, False, False),
}


def _answer(access) -> tuple:
    return (access.respondent, access.can_answer, access.can_sign, access.can_submit, access.on_behalf,
            access.can_exchange, access.sees_region_list)


@pytest.mark.parametrize("persona", list(DRAFT))
def test_each_role_gets_its_answer_on_a_draft_of_an_open_round(persona, assessment, request):
    access = assessment_access(request.getfixturevalue(persona), assessment)
    assert _answer(access) == DRAFT[persona]
    assert access.can_upload == access.can_answer
    assert access.review_steps == ()  # a draft waits for the respondents, not for a review step
    assert access.read_only_reason == ("" if access.can_answer else READS_ONLY)


def test_a_submitted_questionnaire_is_read_only_for_everyone_and_offers_the_inspectors_their_steps(
    assessment, inspector, ovr_vr13, contact_vr13
):
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.save(update_fields=["status"])
    inspectors = assessment_access(inspector, assessment)
    assert inspectors.review_steps == tuple(steps_from(AssessmentStatus.SUBMITTED, Action.REVIEW))
    assert [step.target for step in inspectors.review_steps] == [AssessmentStatus.IN_REVIEW]
    for user in (inspector, ovr_vr13, contact_vr13):
        access = assessment_access(user, assessment)
        assert not (access.can_answer or access.can_sign or access.can_submit or access.on_behalf)
        assert access.read_only_reason == "Deze vragenlijst heeft de status ‘ingediend’ en kan niet meer worden gewijzigd."
    assert assessment_access(ovr_vr13, assessment).review_steps == ()


def test_a_published_round_is_read_only_and_offers_no_step_to_anyone(assessment, inspector, ovr_vr13):
    round = assessment.round
    round.status, round.published_at = RoundStatus.CLOSED, timezone.now()
    round.save(update_fields=["status", "published_at"])
    for user in (inspector, ovr_vr13):
        access = assessment_access(user, assessment)
        assert not access.can_answer and access.review_steps == ()
        assert access.read_only_reason == "Deze meting is gepubliceerd; de vragenlijst ligt vast."


def test_the_answer_is_frozen(assessment, ovr_vr13):
    access = assessment_access(ovr_vr13, assessment)
    with pytest.raises(AttributeError):
        access.can_answer = False


@pytest.mark.parametrize(("persona", "status"), [("ovr_vr14", 404), ("ministry", 404), ("rmc_43", 404)])
def test_who_may_not_see_the_questionnaire_gets_a_404_not_an_answer(persona, status, assessment, client_for, request):
    assert client_for(request.getfixturevalue(persona)).get(FILL).status_code == status


def test_the_fill_page_shows_what_the_answer_allows_an_inspector(assessment, client_for, inspector):
    html = client_for(inspector).get(FILL).content.decode()
    assert 'id="on-behalf"' in html and 'id="read-only-reason"' not in html
    assert 'id="save-bar"' in html and "Download (Excel)" in html
    assert ">Ondertekenen</button>" not in html and ">Indienen</button>" not in html
    assert "Ondertekenen en indienen doen de respondenten." in html


def test_the_fill_page_shows_what_the_answer_allows_a_respondent(assessment, client_for, ovr_vr13):
    html = client_for(ovr_vr13).get(FILL).content.decode()
    assert 'id="on-behalf"' not in html and 'id="read-only-reason"' not in html
    assert ">Ondertekenen</button>" in html and ">Indienen</button>" in html
    assert "Download (Excel)" not in html


def test_the_fill_page_shows_what_the_answer_allows_the_rmc_reading_a_region_of_the_brigade(
    assessment, client_for, rmc_11
):
    html = client_for(rmc_11).get(FILL).content.decode()
    assert f'id="read-only-reason">{READS_ONLY}' in html
    assert 'id="save-bar"' not in html and ">Ondertekenen</button>" not in html
    assert 'name="ovr_assigned-value"' not in html  # every card is read-only


def test_a_respondent_who_signed_is_not_offered_to_sign_again(assessment, client_for, ovr_vr13):
    from assessments.services import assessment_sign

    assessment_sign(assessment=assessment, by=ovr_vr13)
    html = client_for(ovr_vr13).get(FILL).content.decode()
    assert ">Ondertekenen</button>" not in html and ">Indienen</button>" in html


def _answers(assessment, by, count: int) -> None:
    from assessments.models import Answer

    for q in assessment.questionnaire.questions.filter(kind="yes_no").order_by("order")[:count]:
        Answer.objects.create(assessment=assessment, question=q, value="ja", answered_by=by, revision=1)


@pytest.mark.parametrize("answered", [1, 40])
def test_the_fill_page_an_inspector_fills_in_on_behalf_takes_a_fixed_number_of_queries(
    assessment, inspector, ovr_vr13, client_for, answered, django_assert_max_num_queries
):
    _answers(assessment, ovr_vr13, answered)
    client = client_for(inspector)
    # The respondent's pin (test_views.py) less the menu's respondent entries, which an inspector has none of.
    with django_assert_max_num_queries(13):
        assert client.get(FILL).status_code == 200


@pytest.mark.parametrize("answered", [1, 40])
def test_an_autosave_takes_a_fixed_number_of_queries(assessment, ovr_vr13, client_for, answered,
                                                     django_assert_max_num_queries):
    from django.urls import reverse

    _answers(assessment, ovr_vr13, answered)
    client = client_for(ovr_vr13)
    url = reverse("assessments:answer", kwargs={"round_code": "icms-2013", "code": "VR13", "question": "ovr_assigned"})
    current = assessment.answers.filter(question__code="ovr_assigned").first()
    data = {"ovr_assigned-value": "nee", "ovr_assigned-revision": current.revision if current else 0}
    # 23: the session and user, the lookup (round, subject, the user's own parties once), the question, the save
    # (the locked assessment, the round's guard, the answer, its history, the signatures, the last activity), and
    # the card read back (questions, choices, answers, evidence).
    with django_assert_max_num_queries(23):
        response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="q-ovr_assigned"' in response.content.decode()
    assert assessment.answers.get(question__code="ovr_assigned").value == "nee"
