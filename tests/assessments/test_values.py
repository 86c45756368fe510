import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.models import Choice, Question
from assessments.values import display_value, parse_value


def question(kind, choices=(), unit=""):
    q = Question(pk=1, kind=kind, unit=unit)
    # An unsaved question with its choices in the prefetch cache.
    q._prefetched_objects_cache = {
        "choices": [Choice(code=c, label=c.upper(), label_en=f"{c} (en)", order=i) for i, c in enumerate(choices)]
    }
    return q


@pytest.mark.parametrize("raw", ["ja", "JA", "yes", "true", "1", " Ja "])
def test_yes_is_stored_as_ja(raw):
    assert parse_value(question("yes_no"), raw) == "ja"


@pytest.mark.parametrize("raw", ["nee", "no", "false", "0", "FALSE"])
def test_no_is_stored_as_nee(raw):
    assert parse_value(question("yes_no"), raw) == "nee"


def test_a_bad_yes_no_is_refused_in_dutch():
    with pytest.raises(ValidationError, match="geen geldig ja/nee-antwoord"):
        parse_value(question("yes_no"), "misschien")


def test_a_choice_outside_the_list_names_the_allowed_choices():
    with pytest.raises(ValidationError, match="kies uit: grip1, grip2"):
        parse_value(question("single_choice", ["grip1", "grip2"]), "grip3")


def test_multiple_choices_are_stored_in_definition_order_without_duplicates():
    q = question("multiple_choice", ["copi", "rot", "gbt", "rbt"])
    assert parse_value(q, "rbt|copi|rbt") == "copi|rbt"
    assert display_value(q, "copi|rbt") == "COPI, RBT"


def test_choices_read_in_the_interface_language():
    q = question("multiple_choice", ["copi", "rot"])
    with translation.override("en"):
        assert display_value(q, "copi|rot") == "copi (en), rot (en)"


def test_yes_and_no_read_in_the_interface_language_but_are_stored_in_dutch():
    q = question("yes_no")
    assert (display_value(q, "ja"), display_value(q, "nee")) == ("ja", "nee")
    with translation.override("en"):
        assert (display_value(q, "ja"), display_value(q, "nee")) == ("yes", "no")
        assert parse_value(q, "yes") == "ja"


def test_dates_read_in_the_local_short_form():
    q = question("date")
    assert display_value(q, "2013-03-04") == "04-03-2013"
    with translation.override("en"):
        assert display_value(q, "2013-03-04") == "03/04/2013"
    assert display_value(q, "not a date") == "not a date"


def test_refusals_are_in_the_interface_language():
    with translation.override("en"), pytest.raises(ValidationError, match="is not a valid yes/no answer"):
        parse_value(question("yes_no"), "misschien")


def test_numbers_accept_a_dutch_decimal_comma_and_are_stored_plainly():
    q = question("number", unit="dagen")
    assert parse_value(q, "2,5") == "2.5"
    assert parse_value(q, "3.0") == "3"
    assert display_value(q, "3") == "3 dagen"
    with pytest.raises(ValidationError, match="geen getal"):
        parse_value(q, "drie")


def test_dates_must_be_iso():
    assert parse_value(question("date"), "2013-03-14") == "2013-03-14"
    with pytest.raises(ValidationError, match="JJJJ-MM-DD"):
        parse_value(question("date"), "14-03-2013")


def test_empty_means_unanswered_for_every_kind():
    for kind in ["yes_no", "single_choice", "multiple_choice", "number", "text", "date"]:
        assert parse_value(question(kind, ["a"]), "  ") == ""


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["yes_no", "single_choice", "multiple_choice", "number", "text", "date"]), raw=st.text())
def test_any_text_is_either_accepted_or_refused_with_a_validation_error(kind, raw):
    q = question(kind, ["a", "b_c", "1"])
    try:
        value = parse_value(q, raw)
    except ValidationError as error:
        assert error.messages and all(isinstance(m, str) for m in error.messages)
    else:
        # A canonical value parses to itself.
        assert parse_value(q, value) == value
