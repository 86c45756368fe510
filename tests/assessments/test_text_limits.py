"""The free texts of a questionnaire are limited the same in the form, the service and the import."""

import pytest
from django.core.exceptions import ValidationError

from assessments import values
from assessments.exchange import ImportRefused, answers_import_file
from assessments.forms import AnswerForm, TransitionForm
from assessments.models import Answer, AssessmentStatus
from assessments.services import answer_save, assessment_transition

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.parametrize("field", ["comment", "diverging_view"])
def test_the_answer_form_and_the_service_refuse_a_comment_over_the_limit(assessment, question, ovr_vr13, field):
    item = question("ovr_assigned")
    form = AnswerForm({f"ovr_assigned-{field}": "x" * (values.MAX_TEXT + 1)}, question=item)
    assert not form.is_valid() and field in form.errors
    with pytest.raises(ValidationError, match="De tekst is te lang"):
        answer_save(assessment=assessment, question=item, value="ja", base_revision=0, by=ovr_vr13,
                    **{field: "x" * (values.MAX_TEXT + 1)})
    assert not Answer.objects.exists()


def test_a_text_answer_over_the_limit_is_refused_by_the_endpoint(assessment, client_for, ovr_vr13):
    code = assessment.questionnaire.questions.filter(kind="text").first().code
    response = client_for(ovr_vr13).post(
        f"/assessments/icms-2013/VR13/answers/{code}/",
        {f"{code}-value": "x" * (values.MAX_TEXT + 1), f"{code}-revision": "0"}, **HTMX,
    )
    assert "De tekst is te lang" in response.content.decode()
    assert not Answer.objects.exists()


def test_an_answers_import_refuses_a_comment_over_the_limit(db, inspector):
    from framework.models import Round

    body = f"region_code,question_code,value,comment\nVR13,ovr_assigned,ja,{'x' * (values.MAX_TEXT + 1)}\n".encode()
    with pytest.raises(ImportRefused) as refusal:
        answers_import_file(name="antwoorden.csv", data=body, round=Round.objects.get(year=2013), by=inspector)
    assert [error.line for error in refusal.value.errors] == [2]
    assert "te lang" in refusal.value.errors[0].message
    assert not Answer.objects.exists()


def test_a_transition_reason_is_limited_in_the_form_and_the_service(assessment, inspector):
    form = TransitionForm({"to": "submitted", "reason": "x" * (values.MAX_REASON + 1)}, current=assessment.status)
    assert "reason" in form.errors
    assessment.status = AssessmentStatus.FINAL
    assessment.save(update_fields=["status"])
    with pytest.raises(ValidationError, match="De tekst is te lang"):
        assessment_transition(assessment=assessment, to=AssessmentStatus.IN_REVIEW, by=inspector,
                              reason="x" * (values.MAX_REASON + 1))
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.FINAL
