from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from assessments.definitions import DefinitionError, questionnaire_load, read_definition
from assessments.models import Answer, Question, Questionnaire
from framework.models import Framework, Round
from tests.factories import AssessmentFactory
from tests.packages import icms_questionnaires

REQUIRED_REGION_QUESTIONS = {
    "ovr_assigned": ("3.1.1", "yes_no", []),
    "ovr_workplace": ("3.1.1", "yes_no", []),
    "ovr_days_per_week": ("3.1.1", "single_choice", ["less_than_1", "1", "2_or_more"]),
    "decentral_agreements": ("3.1.2", "yes_no", []),
    "ovr_translates_request": ("3.1.2", "yes_no", []),
    "ovr_planning_role": ("3.2.1", "single_choice", ["permanent_member", "on_invitation"]),
    "alert_level": ("3.2.1", "single_choice", ["grip1", "grip2"]),
    "attendance_needs_ol_consent": ("3.2.1", "yes_no", []),
    "piket_arrangement": ("3.2.1", "single_choice", ["own_region", "brigade"]),
    "request_procedure_known": ("3.2.2", "yes_no", []),
    "request_feedback_secured": ("3.2.2", "yes_no", []),
    "structural_place_policy_team": ("3.4.1", "yes_no", []),
    "gmk_recognises_military_radios": ("3.4.2", "single_choice", ["tested_yes", "unclear", "no"]),
    "ovr_nis_access": ("3.4.2", "single_choice", ["read_write", "read_only", "none"]),
    "ovr_nis_access_piket_regions": ("3.4.2", "yes_no", []),
    "lcms_defence_tab": ("3.4.2", "yes_no", []),
    "weapons_legal_knowledge": ("3.4.3", "single_choice", ["sufficient", "limited"]),
    "moto_role": ("3.5.1", "single_choice", ["permanent_member", "on_invitation"]),
    "exercise_calendars_aligned": ("3.5.1", "yes_no", []),
    "ovr_observer_at_exercises": ("3.5.1", "yes_no", []),
    "reservists_in_exercises": ("3.5.1", "yes_no", []),
    "field_units_in_exercises": ("3.5.1", "single_choice", ["structural", "incidental", "never"]),
    "evaluation_method": ("3.6.1", "yes_no", []),
    "defence_in_evaluations": ("3.6.1", "single_choice", ["always", "only_when_deployed"]),
    "lessons_into_actions": ("3.6.1", "yes_no", []),
}


def region_2013():
    return Questionnaire.objects.latest_for(Round.objects.get(year=2013), "region")


def test_every_database_has_the_questionnaires_of_all_three_rounds(db):
    assert {(q.round.year, q.audience) for q in Questionnaire.objects.all()} == {
        (2006, "region"),
        (2009, "region"),
        (2013, "region"),
        (2013, "brigade"),
    }
    # The report publishes no questionnaire: every one of them, 2013 included, is a reconstruction.
    assert all(q.reconstructed for q in Questionnaire.objects.all())


def test_the_2013_region_questionnaire_has_the_agreed_codes_kinds_and_choices(db):
    questions = {q.code: q for q in region_2013().questions.prefetch_related("choices").select_related("success_factor")}
    for code, (factor, kind, choices) in REQUIRED_REGION_QUESTIONS.items():
        question = questions[code]
        assert (question.success_factor.code, question.kind) == (factor, kind), code
        assert set(choices) <= {c.code for c in question.choices.all()}, code


def test_the_region_questionnaire_has_three_questions_for_every_region_factor_and_none_for_defence_internals(db):
    per_factor = {}
    for question in region_2013().questions.select_related("success_factor"):
        per_factor[question.success_factor.code] = per_factor.get(question.success_factor.code, 0) + 1
    assert "3.3.1" not in per_factor and "3.3.2" not in per_factor
    for factor in ["3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.4.1", "3.4.2", "3.4.3", "3.5.1", "3.6.1"]:
        assert per_factor[factor] >= 3, factor
    brigade = Questionnaire.objects.latest_for(Round.objects.get(year=2013), "brigade")
    assert brigade.questions.filter(success_factor__code="3.3.1").count() >= 3
    assert brigade.questions.filter(success_factor__code="3.3.2").count() >= 3


# Norms the 2013 report does not apply (issue 20): judged only where the report judges.
NOT_THE_REPORTS_NORMS = {
    "region": {"contact_frequency": "3.1.1", "ovr_days_per_week": None, "reservists_count": None,
               "exercise_calendars_aligned": "3.5.1", "request_feedback_secured": "3.2.2"},
    "brigade": {"ops_centre_accessibility": None},
}


def test_the_six_questions_whose_norm_the_report_does_not_apply_carry_none_and_signal_with_their_section(db):
    round_2013 = Round.objects.get(year=2013)
    for audience, codes in NOT_THE_REPORTS_NORMS.items():
        questions = Questionnaire.objects.latest_for(round_2013, audience).questions
        for code, signal_section in codes.items():
            question = questions.get(code=code)
            assert question.norm in (None, [], {}) and question.norm_section == "", code
            if signal_section:
                assert question.signal["section"] == signal_section and question.signal["text"], code


def test_lineage_links_2013_questions_to_the_2009_questions_they_continue(db):
    question = region_2013().questions.get(code="ovr_assigned")
    assert question.continues.questionnaire.round.year == 2009
    assert question.continues.code == "ovr_assigned"
    assert question.continues_relation == "same"
    assert Question.objects.filter(continues_relation="split").exists()


def test_loading_an_unchanged_file_changes_nothing(db):
    path = next(p for p in icms_questionnaires() if p.name == "2013-region.yaml")
    result = questionnaire_load(read_definition(path), framework=Framework.objects.get(code="icms"))
    assert result.action == "unchanged"
    assert Questionnaire.objects.filter(round__year=2013, audience="region").count() == 1


def _changed_2013_definition(tmp_path: Path) -> Path:
    data = read_definition(next(p for p in icms_questionnaires() if p.name == "2013-region.yaml"))
    data["questions"][0]["text"] = "Is er een beroeps-OVR aan de regio toegewezen?"
    path = tmp_path / "2013-region-v2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_changed_definition_with_answers_becomes_a_new_version_and_old_answers_keep_theirs(db, tmp_path):
    assessment = AssessmentFactory(questionnaire=region_2013())
    old_question = assessment.questionnaire.questions.get(code="ovr_assigned")
    Answer.objects.create(assessment=assessment, question=old_question, value="ja")

    call_command("load_questionnaire", str(_changed_2013_definition(tmp_path)))

    latest = region_2013()
    assert latest.version == 2
    assert latest.questions.get(code="ovr_assigned").text.startswith("Is er een beroeps-OVR")
    old_question.refresh_from_db()
    assert old_question.text == "Is aan de veiligheidsregio een beroeps-OVR toegewezen?"
    assert Answer.objects.get(assessment=assessment).question == old_question


def test_a_changed_definition_without_answers_is_updated_in_place(db, tmp_path):
    call_command("load_questionnaire", str(_changed_2013_definition(tmp_path)))
    latest = region_2013()
    assert latest.version == 1
    assert latest.questions.get(code="ovr_assigned").text.startswith("Is er een beroeps-OVR")


def test_a_broken_definition_is_refused_whole_with_every_problem_named(db, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "round": 2013,
                "audience": "region",
                "title": "Kapot",
                "questions": [
                    {"code": "a", "success_factor": "9.9.9", "kind": "yes_no", "text": "A?"},
                    {"code": "b", "success_factor": "3.1.1", "kind": "single_choice", "text": "B?"},
                    {"code": "c", "success_factor": "3.1.1", "kind": "yes_no", "text": "C?", "norm": ["misschien"]},
                    {"code": "d", "success_factor": "3.1.1", "kind": "yes_no", "text": "D?", "condition": {"question": "zz", "equals": "ja"}},
                ],
            }
        ),
        encoding="utf-8",
    )
    before = Question.objects.count()
    with pytest.raises(CommandError) as error:
        call_command("load_questionnaire", str(path))
    message = str(error.value)
    for fragment in ["onbekende succesfactor", "keuzes ontbreken", "misschien", "geen eerdere vraag"]:
        assert fragment in message
    assert Question.objects.count() == before


def test_a_file_that_is_not_yaml_gets_a_clear_error(db, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"round: [unclosed\n")
    with pytest.raises(DefinitionError) as error:
        read_definition(path)
    assert "Geen geldige YAML" in error.value.errors[0]
