import datetime

import pytest

from assessments.exchange import (
    ImportRefused,
    answers_export,
    answers_import,
    answers_import_file,
    parse_answer_file,
)
from assessments.models import Answer, Assessment, AssessmentStatus
from regions.models import Subject
from tests.exchange.conftest import as_exported, csv_bytes, snapshot, xlsx_bytes, xlsx_rows
from tests.factories import AnswerFactory, AssessmentFactory

pytestmark = pytest.mark.django_db


def refused(data: bytes, round, by, name: str = "antwoorden.csv") -> list:
    with pytest.raises(ImportRefused) as refusal:
        answers_import_file(name=name, data=data, round=round, by=by)
    return refusal.value.errors


def test_importing_the_demo_file_and_exporting_it_gives_back_the_same_file(imported, round_2013, demo_answers):
    assert imported.created == demo_answers.count(b"\n") - 1
    assert answers_export(round=round_2013, subjects=Subject.objects.all()) == as_exported(demo_answers)


def test_export_import_export_as_csv_is_byte_identical(imported, round_2013, inspector):
    first = answers_export(round=round_2013, subjects=Subject.objects.all())
    again = answers_import_file(name="export.csv", data=first, round=round_2013, by=inspector)
    assert again.written == 0
    assert answers_export(round=round_2013, subjects=Subject.objects.all()) == first


def test_export_import_export_as_xlsx_gives_the_same_answers(imported, round_2013, inspector):
    before = snapshot()
    first = answers_export(round=round_2013, subjects=Subject.objects.all(), fmt="xlsx")
    again = answers_import_file(name="export.xlsx", data=first, round=round_2013, by=inspector)
    assert (again.written, again.unchanged) == (0, imported.created)
    assert snapshot() == before
    second = answers_export(round=round_2013, subjects=Subject.objects.all(), fmt="xlsx")
    assert xlsx_rows(second) == xlsx_rows(first)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(imported, round_2013, demo_answers, inspector):
    before = snapshot()
    again = answers_import_file(name="2013-region-answers.csv", data=demo_answers, round=round_2013, by=inspector)
    assert (again.created, again.changed, again.unchanged) == (0, 0, imported.created)
    assert snapshot() == before


def test_an_import_creates_the_missing_assessments_as_drafts_of_the_latest_questionnaire(imported, round_2013):
    assert len(imported.assessments_created) == 25
    assessment = Assessment.objects.get(round=round_2013, subject__code="VR13")
    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.questionnaire.version == round_2013.questionnaires.filter(audience="region").order_by("-version").first().version


def test_history_records_the_importing_user_and_the_file_name(imported, inspector):
    record = Answer.history.filter(question__code="ovr_assigned", assessment__subject__code="VR13").get()
    assert record.history_user == inspector
    assert record.history_change_reason == "import 2013-region-answers.csv"


def test_a_changed_answer_gets_a_new_revision_and_one_history_row(imported, round_2013, inspector):
    answers_import_file(name="fix.csv", data=csv_bytes("VR13,ovr_term_sufficient,ja,na gesprek"), round=round_2013, by=inspector)
    answer = Answer.objects.get(assessment__subject__code="VR13", question__code="ovr_term_sufficient")
    assert (answer.value, answer.comment, answer.revision) == ("ja", "na gesprek", 2)
    assert [h.value for h in answer.history.order_by("history_date")] == [answer.history.earliest().value, "ja"]
    assert answer.history.latest().history_change_reason == "import fix.csv"


def test_values_are_stored_in_their_canonical_form(round_2013, inspector):
    answers_import_file(
        name="a.csv",
        data=csv_bytes("VR13,ovr_assigned,Yes,", "VR13,ovr_workplace,0,", "VR13,reservists_count,4.0,"),
        round=round_2013,
        by=inspector,
    )
    stored = dict(Answer.objects.filter(assessment__subject__code="VR13").values_list("question__code", "value"))
    assert stored == {"ovr_assigned": "ja", "ovr_workplace": "nee", "reservists_count": "4"}


def test_a_blank_template_row_changes_nothing(imported, round_2013, inspector):
    before = snapshot()
    result = answers_import_file(name="t.csv", data=csv_bytes("VR13,ovr_assigned,,", "VR13,ovr_workplace,,"), round=round_2013, by=inspector)
    assert result.skipped == 2
    assert snapshot() == before


def test_importing_a_blank_template_creates_no_assessments(round_2013, inspector):
    template = answers_export(round=round_2013, subjects=Subject.objects.all(), blank=True)
    answers_import_file(name="sjabloon.csv", data=template, round=round_2013, by=inspector)
    assert not Assessment.objects.exists()


def test_an_assessment_in_review_is_corrected_by_an_import(round_2013, inspector):
    assessment = AssessmentFactory(status=AssessmentStatus.IN_REVIEW)
    answers_import_file(name="a.csv", data=csv_bytes("VR13,ovr_assigned,nee,"), round=round_2013, by=inspector)
    assert assessment.answers.get().value == "nee"


def test_the_service_imports_already_read_rows_for_the_demo_loader(round_2013, demo_answers):
    table = parse_answer_file("2013-region-answers.csv", demo_answers)
    result = answers_import(rows=table.rows, round=round_2013, by=None, source="demo")
    assert result.created == len(table.rows)
    assert Answer.history.filter(history_change_reason="import demo").count() == len(table.rows)


# --- refused files: nothing written, every error named with its line ---------------------------------------


BAD_FILES = {
    "unknown region": (csv_bytes("VR13,ovr_assigned,ja,", "VR99,ovr_assigned,ja,"), 3, "Onbekende regiocode ‘VR99’"),
    "unknown question": (csv_bytes("VR13,ovr_assigned,ja,", "VR13,ovr_bestaat_niet,ja,"), 3, "Onbekende vraagcode"),
    "bad choice": (csv_bytes("VR13,ovr_days_per_week,7,"), 2, "‘7’ is geen toegestane keuze"),
    "bad yes/no": (csv_bytes("VR13,ovr_assigned,ja,", "VR13,ovr_workplace,misschien,"), 3, "geen geldig ja/nee-antwoord"),
    "bad number": (csv_bytes("VR13,reservists_count,veel,"), 2, "‘veel’ is geen getal"),
    "bad date": (csv_bytes("VR13,last_joint_exercise_date,14-03-2013,"), 2, "geen geldige datum"),
    "duplicate row": (csv_bytes("VR13,ovr_assigned,ja,", "VR13,ovr_assigned,nee,"), 3, "staat ook al op regel 2"),
    "bad header": (csv_bytes("VR13,ovr_assigned,ja,", header="regio,vraag,antwoord\n"), 1, "De kopregel moet precies"),
    "empty file": (b"", 1, "Het bestand is leeg"),
    "header only": (csv_bytes(), 2, "alleen de kopregel"),
    "not UTF-8": (csv_bytes("VR13,ovr_assigned,ja,") + "VR13,ovr_workplace,ja,geïmporteerd\n".encode("cp1252"), 3, "niet in UTF-8"),
    "too many columns": (csv_bytes("VR13,ovr_assigned,ja,,extra"), 2, "5 kolommen"),
    "NUL in a cell": (csv_bytes("VR13,ovr_assigned,ja,a\x00b"), 2, "ongeldige tekens"),
    "garbage bytes": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", 1, ""),
    "broken xlsx": (b"PK\x03\x04" + b"\x00" * 40, 0, "geen geldig Excel-bestand"),
    "xlsx with a bad value": (
        xlsx_bytes([["region_code", "question_code", "value", "comment"], ["VR13", "ovr_assigned", "ja"], ["VR13", "ovr_workplace", "soms"]]),
        3,
        "‘soms’ is geen geldig ja/nee-antwoord",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_is_refused_whole_names_the_line_and_leaves_the_data_as_it_was(case, imported, round_2013, inspector):
    data, line, message = BAD_FILES[case]
    before = snapshot()
    errors = refused(data, round_2013, inspector, name="bad.xlsx" if data.startswith(b"PK") else "bad.csv")
    assert any(error.line == line and message in error.message for error in errors), errors
    assert snapshot() == before


def test_a_good_row_before_a_bad_one_is_not_written_either(round_2013, inspector):
    refused(csv_bytes("VR13,ovr_assigned,ja,", "VR14,ovr_assigned,ja,", "VR15,ovr_assigned,wellicht,"), round_2013, inspector)
    assert not Answer.objects.exists()
    assert not Assessment.objects.exists()


def test_every_error_in_a_file_is_listed_not_only_the_first(round_2013, inspector):
    errors = refused(
        csv_bytes("VR99,ovr_assigned,ja,", "VR13,onbekend,ja,", "VR13,ovr_assigned,misschien,", "VR13,ovr_days_per_week,7,"),
        round_2013,
        inspector,
    )
    assert [error.line for error in errors] == [2, 3, 4, 5]


def test_a_region_whose_assessment_is_final_refuses_the_file(round_2013, inspector):
    final = AssessmentFactory(status=AssessmentStatus.FINAL)
    AnswerFactory(assessment=final, question=final.questionnaire.questions.get(code="ovr_assigned"), value="ja")
    before = snapshot()
    errors = refused(csv_bytes("VR14,ovr_assigned,ja,", "VR13,ovr_assigned,nee,"), round_2013, inspector)
    assert [(e.line, e.message) for e in errors] == [
        (3, "De vragenlijst van VR13 (2013) is definitief; daarin mag niets meer worden gewijzigd.")
    ]
    assert snapshot() == before


def test_a_semicolon_separated_file_from_a_dutch_spreadsheet_is_read(round_2013, inspector):
    data = "\ufeffregion_code;question_code;value;comment\r\nVR13;ovr_assigned;ja;met ; erin?\r\n".encode()
    with pytest.raises(ImportRefused):
        # the unquoted ";" in the comment makes a fifth column: refused, not misread
        answers_import_file(name="a.csv", data=data, round=round_2013, by=inspector)
    data = "\ufeffregion_code;question_code;value;comment\r\nVR13;ovr_assigned;ja;\"met ; erin\"\r\n".encode()
    answers_import_file(name="a.csv", data=data, round=round_2013, by=inspector)
    assert Answer.objects.get().comment == "met ; erin"


def test_spreadsheet_cells_are_read_in_exchange_form(round_2013, inspector):
    data = xlsx_bytes([
        ["region_code", "question_code", "value", "comment"],
        ["VR13", "ovr_assigned", True, None],
        ["VR13", "reservists_count", 4.0, None],
        ["VR13", "last_joint_exercise_date", datetime.datetime(2013, 3, 14), None],  # noqa: DTZ001 - cells have no zone
        [],
        ["VR13", "ovr_workplace", "nee", 12],
    ])
    answers_import_file(name="a.xlsx", data=data, round=round_2013, by=inspector)
    stored = dict(Answer.objects.values_list("question__code", "value"))
    assert stored == {"ovr_assigned": "ja", "reservists_count": "4", "last_joint_exercise_date": "2013-03-14", "ovr_workplace": "nee"}
    assert Answer.objects.get(question__code="ovr_workplace").comment == "12"


def test_a_brigade_questionnaire_is_imported_and_exported_by_its_code(round_2013, inspector):
    result = answers_import_file(name="b.csv", data=csv_bytes("b11,rmc_replacement_arranged,Yes,"), round=round_2013, by=inspector)
    assert result.assessments_created == ["B11"]
    assessment = Assessment.objects.get(round=round_2013, subject__code="B11")
    assert assessment.questionnaire.audience == "brigade"
    exported = answers_export(round=round_2013, subjects=Subject.objects.filter(code="B11"))
    assert exported == as_exported(csv_bytes("B11,rmc_replacement_arranged,ja,"))
