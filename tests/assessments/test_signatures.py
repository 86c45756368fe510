"""A signature covers the answers as they were signed: any change to an answer's content withdraws the
signatures, whether typed (value, comment or diverging view) or imported; a change to nothing keeps them."""

import pytest

from accounts.models import Role
from assessments.exchange import answers_import_file
from assessments.models import Answer
from assessments.services import answer_save, assessment_sign, assessment_start, submission_problems
from framework.models import Round
from tests.exchange.conftest import csv_bytes
from tests.factories import subject


@pytest.fixture
def signed_vr14(db, ovr_vr14, contact_vr14):
    """VR14's 2013 questionnaire with one answer (ja, comment, diverging view), signed by its OVR and contact person."""
    assessment = assessment_start(round=Round.objects.get(year=2013), subject=subject("VR14"), by=ovr_vr14)
    question = assessment.questionnaire.questions.get(code="ovr_assigned")
    answer_save(assessment=assessment, question=question, value="ja", comment="Sinds 2011",
                diverging_view="Alleen op papier", base_revision=0, by=ovr_vr14)
    assessment_sign(assessment=assessment, by=ovr_vr14)
    assessment_sign(assessment=assessment, by=contact_vr14)
    assert signed_roles(assessment) == {Role.OVR, Role.CONTACT}
    return assessment


def signed_roles(assessment) -> set[str]:
    return set(assessment.signatures.values_list("role", flat=True))


def stored(assessment) -> Answer:
    return Answer.objects.get(assessment=assessment, question__code="ovr_assigned")


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("comment", {"comment": "Sinds 2012"}),
        ("diverging_view", {"diverging_view": "Ook in de praktijk niet"}),
    ],
    ids=["comment", "diverging view"],
)
def test_changing_only_the_comment_or_diverging_view_of_a_signed_answer_withdraws_both_signatures(
    signed_vr14, contact_vr14, field, change
):
    answer = stored(signed_vr14)
    answer_save(assessment=signed_vr14, question=answer.question, value="ja", base_revision=answer.revision,
                by=contact_vr14, **change)
    after = stored(signed_vr14)
    assert after.value == "ja" and getattr(after, field) == change[field]
    assert signed_roles(signed_vr14) == set()
    problems = submission_problems(signed_vr14)
    assert "Ondertekening door de OVR ontbreekt." in problems
    assert "Ondertekening door de contactpersoon van de veiligheidsregio ontbreekt." in problems


def test_saving_a_signed_answer_unchanged_keeps_both_signatures(signed_vr14, contact_vr14):
    answer = stored(signed_vr14)
    answer_save(assessment=signed_vr14, question=answer.question, value="ja", comment="Sinds 2011",
                diverging_view="Alleen op papier", base_revision=answer.revision, by=contact_vr14)
    assert signed_roles(signed_vr14) == {Role.OVR, Role.CONTACT}


def test_an_import_that_changes_a_signed_answer_withdraws_both_signatures(signed_vr14, inspector):
    result = answers_import_file(name="correctie.csv", data=csv_bytes("VR14,ovr_assigned,nee,Sinds 2011"),
                                 round=signed_vr14.round, by=inspector)
    assert result.changed == 1
    assert stored(signed_vr14).value == "nee"
    assert signed_roles(signed_vr14) == set()


def test_an_import_that_changes_only_the_comment_of_a_signed_answer_withdraws_both_signatures(signed_vr14, inspector):
    result = answers_import_file(name="correctie.csv", data=csv_bytes("VR14,ovr_assigned,ja,Sinds 2012"),
                                 round=signed_vr14.round, by=inspector)
    assert result.changed == 1
    assert signed_roles(signed_vr14) == set()


def test_an_import_that_changes_nothing_keeps_both_signatures(signed_vr14, inspector):
    result = answers_import_file(name="zelfde.csv", data=csv_bytes("VR14,ovr_assigned,ja,Sinds 2011"),
                                 round=signed_vr14.round, by=inspector)
    assert (result.changed, result.created, result.unchanged) == (0, 0, 1)
    assert signed_roles(signed_vr14) == {Role.OVR, Role.CONTACT}


def test_a_carry_over_that_fills_in_answers_withdraws_the_signatures(signed_vr14, ovr_vr14):
    from assessments.models import AssessmentStatus
    from assessments.services import assessment_carry_over
    from tests.factories import AnswerFactory, AssessmentFactory

    previous = AssessmentFactory(round=Round.objects.get(year=2009), subject=subject("VR14"), status=AssessmentStatus.FINAL)
    AnswerFactory(assessment=previous, question=previous.questionnaire.questions.get(code="reservists_count"), value="4")
    assert assessment_carry_over(assessment=signed_vr14, by=ovr_vr14) == 1
    assert Answer.objects.get(assessment=signed_vr14, question__code="reservists_count").value == "4"
    assert signed_roles(signed_vr14) == set()


def test_a_carry_over_that_finds_nothing_to_fill_in_keeps_the_signatures(signed_vr14, ovr_vr14):
    from assessments.models import AssessmentStatus
    from assessments.services import assessment_carry_over
    from tests.factories import AssessmentFactory

    AssessmentFactory(round=Round.objects.get(year=2009), subject=subject("VR14"), status=AssessmentStatus.FINAL)
    assert assessment_carry_over(assessment=signed_vr14, by=ovr_vr14) == 0
    assert signed_roles(signed_vr14) == {Role.OVR, Role.CONTACT}
