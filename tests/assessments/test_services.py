"""The questionnaire services: answers, stale saves, history, signing, submitting, the workflow, carry-over."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assessments.models import Answer, Assessment, AssessmentStatus, Transition
from assessments.services import (
    answer_save,
    assessment_carry_over,
    assessment_sign,
    assessment_start,
    assessment_submit,
    assessment_transition,
    submission_problems,
)
from core.errors import StaleEdit
from framework.models import Round
from tests.assessments.helpers import answer_all_required
from tests.factories import AnswerFactory, AssessmentFactory, subject

S = AssessmentStatus


def test_a_new_assessment_uses_the_latest_questionnaire_version(assessment, round_2013):
    latest = round_2013.questionnaires.filter(audience="region").order_by("-version").first()
    assert assessment.questionnaire == latest
    assert assessment.status == S.DRAFT


def test_an_answer_is_kept_in_exchange_form_with_who_gave_it(assessment, question, contact_vr13):
    answer = answer_save(assessment=assessment, question=question("ovr_assigned"), value="Yes", base_revision=0,
                         by=contact_vr13)
    answer.refresh_from_db()
    assert (answer.value, answer.answered_by, answer.revision) == ("ja", contact_vr13, 1)


def test_a_value_the_import_would_refuse_is_refused_in_dutch(assessment, question, ovr_vr13):
    with pytest.raises(ValidationError) as error:
        answer_save(assessment=assessment, question=question("ovr_days_per_week"), value="3", base_revision=0,
                    by=ovr_vr13)
    assert "geen toegestane keuze" in error.value.messages[0]
    assert not Answer.objects.filter(assessment=assessment).exists()


def test_a_stale_save_with_another_value_is_refused_and_carries_both_values(assessment, question, ovr_vr13,
                                                                            contact_vr13):
    q = question("alert_level")
    answer_save(assessment=assessment, question=q, value="grip1", base_revision=0, by=ovr_vr13)
    with pytest.raises(StaleEdit) as stale:
        answer_save(assessment=assessment, question=q, value="grip2", base_revision=0, by=contact_vr13)
    assert (stale.value.current["value"], stale.value.proposed["value"]) == ("grip1", "grip2")
    assert Answer.objects.get(assessment=assessment, question=q).value == "grip1"


def test_a_stale_save_of_the_same_value_is_not_a_conflict(assessment, question, ovr_vr13, contact_vr13):
    q = question("ovr_assigned")
    answer_save(assessment=assessment, question=q, value="ja", base_revision=0, by=ovr_vr13)
    answer = answer_save(assessment=assessment, question=q, value="ja", base_revision=0, by=contact_vr13)
    assert answer.value == "ja" and answer.answered_by == ovr_vr13


def test_every_change_is_kept_with_who_and_when(assessment, question, ovr_vr13, contact_vr13):
    q = question("ovr_assigned")
    first = answer_save(assessment=assessment, question=q, value="ja", base_revision=0, by=ovr_vr13)
    answer_save(assessment=assessment, question=q, value="nee", comment="Vacature sinds januari",
                base_revision=first.revision, by=contact_vr13)
    records = list(Answer.history.filter(id=first.pk).order_by("history_date"))
    assert [(r.value, r.history_user) for r in records] == [("ja", ovr_vr13), ("nee", contact_vr13)]
    assert records[-1].comment == "Vacature sinds januari"
    assert records[-1].history_date >= records[0].history_date


def test_saving_an_unchanged_answer_adds_no_history(assessment, question, ovr_vr13):
    q = question("ovr_assigned")
    first = answer_save(assessment=assessment, question=q, value="ja", base_revision=0, by=ovr_vr13)
    answer_save(assessment=assessment, question=q, value="ja", base_revision=first.revision, by=ovr_vr13)
    assert Answer.history.filter(id=first.pk).count() == 1


def test_a_diverging_view_is_kept_with_who_holds_it(assessment, question, ovr_vr13, contact_vr13):
    q = question("ovr_assigned")
    first = answer_save(assessment=assessment, question=q, value="ja", base_revision=0, by=ovr_vr13)
    answer = answer_save(assessment=assessment, question=q, value="ja", diverging_view="Alleen op papier",
                         base_revision=first.revision, by=contact_vr13)
    assert (answer.diverging_view, answer.diverging_by, answer.answered_by) == (
        "Alleen op papier", contact_vr13, ovr_vr13)


def test_answers_of_a_submitted_questionnaire_cannot_change(assessment, question, ovr_vr13):
    Assessment.objects.filter(pk=assessment.pk).update(status=S.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        answer_save(assessment=assessment, question=question("ovr_assigned"), value="ja", base_revision=0,
                    by=ovr_vr13)
    assert "kan niet meer worden gewijzigd" in error.value.messages[0]


def test_submitting_is_refused_while_required_answers_are_missing(assessment, ovr_vr13, contact_vr13):
    assessment_sign(assessment=assessment, by=ovr_vr13)
    assessment_sign(assessment=assessment, by=contact_vr13)
    with pytest.raises(ValidationError) as error:
        assessment_submit(assessment=assessment, by=ovr_vr13)
    assert "verplichte vragen onbeantwoord" in error.value.messages[0]
    assessment.refresh_from_db()
    assert assessment.status == S.DRAFT


def test_submitting_is_refused_until_both_ovr_and_contact_person_signed(assessment, ovr_vr13, contact_vr13):
    answer_all_required(assessment, ovr_vr13)
    assessment_sign(assessment=assessment, by=ovr_vr13)
    with pytest.raises(ValidationError) as error:
        assessment_submit(assessment=assessment, by=ovr_vr13)
    assert error.value.messages == ["Ondertekening door de contactpersoon van de veiligheidsregio ontbreekt."]
    assessment_sign(assessment=assessment, by=contact_vr13)
    assessment_submit(assessment=assessment, by=contact_vr13)
    assessment.refresh_from_db()
    assert assessment.status == S.SUBMITTED


def test_changing_an_answer_after_signing_withdraws_the_signatures(assessment, question, ovr_vr13, contact_vr13):
    answer_all_required(assessment, ovr_vr13)
    assessment_sign(assessment=assessment, by=ovr_vr13)
    assessment_sign(assessment=assessment, by=contact_vr13)
    answer = Answer.objects.get(assessment=assessment, question=question("request_feedback_secured"))
    answer_save(assessment=assessment, question=answer.question, value="nee" if answer.value == "ja" else "ja",
                base_revision=answer.revision, by=contact_vr13)
    assert not assessment.signatures.exists()
    with pytest.raises(ValidationError):
        assessment_submit(assessment=assessment, by=contact_vr13)
    assessment.refresh_from_db()
    assert assessment.status == S.DRAFT


def test_a_question_hidden_by_its_condition_is_not_required(assessment, question, ovr_vr13):
    answer_all_required(assessment, ovr_vr13)
    assigned = Answer.objects.get(assessment=assessment, question=question("ovr_assigned"))
    Answer.objects.filter(assessment=assessment, question__code="ovr_workplace").delete()
    # The problem names the question by its words, as the respondent reads it.
    workplace = question("ovr_workplace").text[:40]
    assert any(workplace in p for p in submission_problems(assessment))
    answer_save(assessment=assessment, question=assigned.question, value="nee", base_revision=assigned.revision,
                by=ovr_vr13)
    assert not any(workplace in p for p in submission_problems(assessment))


def test_a_brigade_questionnaire_needs_the_rmc_signature(brigade_assessment, rmc_11):
    answer_all_required(brigade_assessment, rmc_11)
    assert submission_problems(brigade_assessment) == ["Ondertekening door de RMC ontbreekt."]
    assessment_sign(assessment=brigade_assessment, by=rmc_11)
    assessment_submit(assessment=brigade_assessment, by=rmc_11)
    assert Assessment.objects.get(pk=brigade_assessment.pk).status == S.SUBMITTED


@pytest.mark.parametrize("persona", ["inspector", "rmc_11", "ovr_vr14"])
def test_only_the_regions_respondents_sign_and_submit(assessment, persona, request):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        assessment_sign(assessment=assessment, by=user)
    with pytest.raises(PermissionDenied):
        assessment_submit(assessment=assessment, by=user)


STEPS = [
    (S.SUBMITTED, S.IN_REVIEW, ""),
    (S.IN_REVIEW, S.VERIFICATION, ""),
    (S.VERIFICATION, S.FINAL, ""),
    (S.IN_REVIEW, S.DRAFT, "Vraag 3.2.1 is onvolledig"),
    (S.FINAL, S.IN_REVIEW, "Nieuwe informatie over de GMK"),
]


@pytest.mark.parametrize(("start", "to", "reason"), STEPS)
@pytest.mark.parametrize("persona", ["inspector", "admin_user", "ovr_vr13", "contact_vr13", "rmc_11", "ministry"])
def test_only_inspectors_move_a_questionnaire_through_review(db, start, to, reason, persona, request):
    user = request.getfixturevalue(persona)
    assessment = AssessmentFactory(status=start)
    if persona in ("inspector", "admin_user"):
        assessment_transition(assessment=assessment, to=to, reason=reason, by=user)
        assert Assessment.objects.get(pk=assessment.pk).status == to
        step = Transition.objects.get(assessment=assessment)
        assert (step.from_status, step.to_status, step.by, step.reason) == (start, to, user, reason)
    else:
        with pytest.raises(PermissionDenied):
            assessment_transition(assessment=assessment, to=to, reason=reason, by=user)
        assert Assessment.objects.get(pk=assessment.pk).status == start


@pytest.mark.parametrize(("start", "to"), [(S.IN_REVIEW, S.DRAFT), (S.FINAL, S.IN_REVIEW)])
def test_sending_back_and_reopening_need_a_reason(start, to, inspector):
    assessment = AssessmentFactory(status=start)
    with pytest.raises(ValidationError) as error:
        assessment_transition(assessment=assessment, to=to, reason="  ", by=inspector)
    assert error.value.messages == ["Geef een reden op voor deze stap."]
    assert Assessment.objects.get(pk=assessment.pk).status == start


@pytest.mark.parametrize(("start", "to"), [(S.DRAFT, S.IN_REVIEW), (S.SUBMITTED, S.FINAL), (S.FINAL, S.DRAFT)])
def test_steps_outside_the_workflow_are_refused(start, to, inspector):
    assessment = AssessmentFactory(status=start)
    with pytest.raises(ValidationError):
        assessment_transition(assessment=assessment, to=to, by=inspector)
    assert not Transition.objects.filter(assessment=assessment).exists()


def test_sending_back_clears_the_signatures_so_respondents_sign_again(assessment, ovr_vr13, contact_vr13, inspector):
    answer_all_required(assessment, ovr_vr13)
    assessment_sign(assessment=assessment, by=ovr_vr13)
    assessment_sign(assessment=assessment, by=contact_vr13)
    assessment_submit(assessment=assessment, by=ovr_vr13)
    assessment_transition(assessment=assessment, to=S.IN_REVIEW, by=inspector)
    assessment_transition(assessment=assessment, to=S.DRAFT, reason="Aanvullen", by=inspector)
    assert not assessment.signatures.exists()
    assert [t.to_status for t in assessment.transitions.all()] == [S.SUBMITTED, S.IN_REVIEW, S.DRAFT]


def test_carry_over_prefills_unchanged_questions_from_the_previous_round(vr13, ovr_vr13):
    previous = AssessmentFactory(round=Round.objects.get(year=2009), status=S.FINAL)
    for code, value in [("ovr_assigned", "ja"), ("reservists_count", "4"), ("ovr_days_per_week", "1")]:
        AnswerFactory(assessment=previous, question=previous.questionnaire.questions.get(code=code), value=value)
    assessment = assessment_start(round=Round.objects.get(year=2013), subject=subject("VR13"), by=ovr_vr13)
    count = assessment_carry_over(assessment=assessment, by=ovr_vr13)
    carried = {a.question.code: (a.value, a.carried) for a in assessment.answers.select_related("question")}
    assert count == 3
    assert carried == {"ovr_assigned": ("ja", True), "reservists_count": ("4", True), "ovr_days_per_week": ("1", True)}
    assert any("niet bevestigd" in p for p in submission_problems(assessment))

    answer = assessment.answers.get(question__code="ovr_assigned")
    confirmed = answer_save(assessment=assessment, question=answer.question, value="ja", base_revision=answer.revision,
                            by=ovr_vr13)
    assert (confirmed.carried, confirmed.answered_by) == (False, ovr_vr13)
    assert Answer.history.filter(id=answer.pk).first().history_change_reason == "bevestigd"


def test_carry_over_without_a_previous_questionnaire_says_so(assessment, ovr_vr13):
    with pytest.raises(ValidationError) as error:
        assessment_carry_over(assessment=assessment, by=ovr_vr13)
    assert "geen vragenlijst uit de vorige meting" in error.value.messages[0]


def test_a_published_round_refuses_every_change_to_its_questionnaires(assessment, question, ovr_vr13, contact_vr13,
                                                                      vr14, ovr_vr14):
    answered = answer_save(assessment=assessment, question=question("ovr_assigned"), value="ja", base_revision=0,
                           by=ovr_vr13)
    Round.objects.filter(year=2013).update(published_at=timezone.now(), status="closed")
    assessment.refresh_from_db()
    attempts = {
        "answer": lambda: answer_save(assessment=assessment, question=answered.question, value="nee",
                                      base_revision=answered.revision, by=ovr_vr13),
        "sign": lambda: assessment_sign(assessment=assessment, by=contact_vr13),
        "start": lambda: assessment_start(round=Round.objects.get(year=2013), subject=subject("VR14"), by=ovr_vr14),
    }
    for name, attempt in attempts.items():
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.code == "published", name
        assert "Meting 2013 is gepubliceerd en ligt vast" in error.value.messages[0], name
    assert Answer.objects.get(pk=answered.pk).value == "ja"
    assert not assessment.signatures.exists()
    assert not Assessment.objects.filter(subject__code="VR14").exists()


def test_an_inspector_fills_in_on_behalf_of_the_respondents_but_does_not_sign(assessment, question, inspector):
    answer = answer_save(assessment=assessment, question=question("ovr_assigned"), value="ja", base_revision=0,
                         by=inspector)
    assert (answer.value, answer.answered_by) == ("ja", inspector)
    with pytest.raises(PermissionDenied):
        assessment_sign(assessment=assessment, by=inspector)
