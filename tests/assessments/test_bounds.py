"""Bounds from the definition: a number question's `min`, `max` and `whole` travel from the YAML file to the
Question and are enforced by `parse_value`, so the page, the autosave endpoint and the import refuse the same
numbers with the same Dutch message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from assessments.definitions import read_definition, validate_definition
from assessments.exchange import ImportRefused, answers_import_file
from assessments.models import Answer, Question
from assessments.values import parse_value
from framework.models import SuccessFactor
from tests.packages import icms_questionnaires

HTMX = {"HTTP_HX_REQUEST": "true"}
FILL = "/assessments/icms-2013/VR13/"
IMPOSSIBLE = {
    "-3": "‘-3’ is te klein; het kleinste toegestane getal is 0 personen.",
    "3.5": "‘3.5’ is geen geheel getal; vul een geheel aantal in.",
    "99999": "‘99999’ is te groot; het grootste toegestane getal is 100 personen.",
}


def answer_url(code: str) -> str:
    return reverse("assessments:answer", kwargs={"round_code": "icms-2013", "code": "VR13", "question": code})


def test_every_number_question_of_the_bundled_definitions_has_a_minimum_and_a_maximum():
    numbers = [
        (path.name, spec["code"], spec)
        for path in icms_questionnaires()
        for spec in read_definition(path)["questions"]
        if spec["kind"] == "number"
    ]
    assert numbers
    for name, code, spec in numbers:
        assert "min" in spec and "max" in spec, f"{name} {code} has no bounds"


def test_the_loaded_questions_carry_the_bounds_of_their_definition(db):
    for question in Question.objects.filter(code="reservists_count"):
        assert (question.min_value, question.max_value, question.whole) == (0, 100, True)
    posting = Question.objects.get(code="ovr_posting_years")
    assert (posting.min_value, posting.max_value, posting.whole) == (Decimal("0.5"), 10, False)
    assert not Question.objects.exclude(kind="number").filter(min_value__isnull=False).exists()


def _definition(**rules) -> dict:
    question = {"code": "count", "success_factor": "3.1.1", "kind": "number", "text": "Hoeveel?", **rules}
    return {"round": 2013, "audience": "region", "title": "T", "questions": [question]}


@pytest.mark.parametrize(("rules", "fragment"), [
    ({"min": 10, "max": 5}, "min (10) is groter dan max (5)"),
    ({"min": "drie"}, "min moet een getal zijn"),
    ({"max": True}, "max moet een getal zijn"),
    ({"whole": "ja"}, "whole moet true of false zijn"),
    ({"min": 0, "max": 10, "norm": {"min": 20}}, "de norm (min 20) ligt buiten min–max"),
    ({"kind": "text", "max": 5}, "alleen getalvragen hebben max"),
])
def test_a_definition_with_wrong_number_rules_is_refused(rules, fragment):
    errors = validate_definition(_definition(**rules), success_factors={"3.1.1"})
    assert any(fragment in error for error in errors), errors


def test_a_definition_with_sound_number_rules_is_accepted():
    sound = _definition(min=0, max=100, whole=True, norm={"min": 3}, norm_section="3.1.1")
    assert validate_definition(sound, success_factors={"3.1.1"}) == []


@pytest.mark.parametrize(("raw", "message"), IMPOSSIBLE.items())
def test_parse_value_refuses_what_the_definition_rules_out_with_a_dutch_message(db, raw, message):
    question = Question.objects.filter(code="reservists_count").first()
    with pytest.raises(ValidationError) as error:
        parse_value(question, raw)
    assert error.value.messages == [message]


def test_the_refusal_reads_in_english_in_the_english_interface(db):
    question = Question.objects.filter(code="reservists_count").first()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        parse_value(question, "99999")
    # The unit too is English (the definition's unit_en).
    assert error.value.messages == ["‘99999’ is too large; the largest number allowed is 100 people."]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        parse_value(question, "3,5")
    assert error.value.messages == ["‘3,5’ is not a whole number; enter a whole number."]


@pytest.mark.parametrize(("raw", "value"), [("0", "0"), ("100", "100"), (" 4 ", "4"), ("4,0", "4")])
def test_numbers_within_the_bounds_are_accepted(db, raw, value):
    assert parse_value(Question.objects.filter(code="reservists_count").first(), raw) == value


@pytest.mark.parametrize(("raw", "accepted"), [("2,5", True), ("0.5", True), ("10", True), ("0", False), ("11", False)])
def test_a_fractional_number_question_takes_fractions_within_its_bounds(db, raw, accepted):
    question = Question.objects.get(code="ovr_posting_years")
    if accepted:
        assert parse_value(question, raw)
    else:
        with pytest.raises(ValidationError):
            parse_value(question, raw)


def test_a_question_without_rules_takes_any_usable_number(db):
    question = Question(kind="number", success_factor=SuccessFactor.objects.first())
    assert parse_value(question, "-99999.5") == "-99999.5"


@pytest.mark.parametrize(("raw", "message"), IMPOSSIBLE.items())
def test_the_autosave_endpoint_refuses_an_impossible_number(assessment, client_for, ovr_vr13, raw, message):
    response = client_for(ovr_vr13).post(
        answer_url("reservists_count"), {"reservists_count-value": raw, "reservists_count-revision": "0"}, **HTMX
    )
    html = response.content.decode()
    assert message in html and "Niet opgeslagen" in html
    assert f'value="{raw}"' in html  # what was typed stays
    assert not Answer.objects.filter(assessment=assessment).exists()


@pytest.mark.parametrize(("raw", "message"), IMPOSSIBLE.items())
def test_the_theme_page_refuses_an_impossible_number(assessment, client_for, ovr_vr13, raw, message):
    response = client_for(ovr_vr13).post(f"{FILL}?theme=1", {
        "reservists_count-value": raw, "reservists_count-revision": "0", "reservists_count-orig_value": "",
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert "Niet alle antwoorden zijn opgeslagen" in html and message in html
    assert not Answer.objects.filter(assessment=assessment).exists()


def test_the_import_refuses_impossible_numbers_on_their_lines(db, inspector):
    from framework.models import Round

    data = (
        b"region_code,question_code,value,comment\n"
        b"VR13,reservists_count,-3,\n"
        b"VR14,reservists_count,3.5,\n"
        b"VR15,reservists_count,99999,\n"
        b"VR16,reservists_count,4,\n"
    )
    with pytest.raises(ImportRefused) as refusal:
        answers_import_file(name="antwoorden.csv", data=data, round=Round.objects.get(year=2013), by=inspector)
    errors = {error.line: error.message for error in refusal.value.errors}
    assert errors == {line: f"reservists_count: {message}" for line, message in zip((2, 3, 4), IMPOSSIBLE.values(),
                                                                                      strict=True)}
    assert not Answer.objects.exists()


def test_the_page_says_which_numbers_a_question_takes(assessment, client_for, ovr_vr13):
    response = client_for(ovr_vr13).get(answer_url("reservists_count"))
    html = response.content.decode()
    assert "Van 0 tot en met 100, een geheel getal." in html
    assert 'aria-describedby="id-reservists_count-bounds"' in html

