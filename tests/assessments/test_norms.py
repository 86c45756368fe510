from django.utils import translation

from assessments.models import Answer, Choice, Question
from assessments.norms import describe_norm, meets_norm, suggest_judgment


def question(kind="yes_no", norm=None, choices=()):
    q = Question(pk=1, kind=kind, norm=norm, text=f"Vraag {kind}?")
    q._prefetched_objects_cache = {"choices": [Choice(code=c, label=c, order=i) for i, c in enumerate(choices)]}
    return q


def answer(q, value):
    return Answer(question=q, value=value)


def test_a_number_norm_has_a_minimum():
    q = question("number", {"min": 3})
    assert meets_norm(q, "3") is True
    assert meets_norm(q, "2") is False
    assert meets_norm(q, "") is None


def test_a_multiple_choice_meets_the_norm_when_any_selected_choice_is_accepted():
    q = question("multiple_choice", ["rot"], ["copi", "rot"])
    assert meets_norm(q, "copi|rot") is True
    assert meets_norm(q, "copi") is False


def test_all_norms_met_suggests_voldoet_with_reasons():
    suggestion = suggest_judgment([answer(question(norm=["ja"]), "ja"), answer(question(norm=["nee"]), "nee")])
    assert suggestion.judgment == "voldoet"
    assert len(suggestion.reasons) == 2 and all(r.startswith("✓") for r in suggestion.reasons)


def test_some_norms_missed_suggests_voldoet_gedeeltelijk_and_names_the_norm():
    suggestion = suggest_judgment([answer(question(norm=["ja"]), "ja"), answer(question(norm=["ja"]), "nee")])
    assert suggestion.judgment == "voldoet_gedeeltelijk"
    assert any("norm: ja" in reason for reason in suggestion.reasons)


def test_no_norm_met_suggests_voldoet_niet_and_no_normed_answer_niet_beoordeeld():
    assert suggest_judgment([answer(question(norm=["ja"]), "nee")]).judgment == "voldoet_niet"
    assert suggest_judgment([answer(question(), "ja"), answer(question(norm=["ja"]), "")]).judgment == "niet_beoordeeld"


def test_the_reasons_read_in_the_interface_language():
    q = question(norm=["ja"])
    q.text_en = "Question yes_no?"
    with translation.override("en"):
        met = suggest_judgment([answer(q, "ja")])
        missed = suggest_judgment([answer(q, "nee")])
        nothing = suggest_judgment([])
    assert met.reasons == ["✓ Question yes_no? — yes (meets the norm)"]
    assert missed.reasons == ["✗ Question yes_no? — no (norm: yes)"]
    assert nothing.reasons == ["No answered questions with a norm for this success factor."]


def test_a_number_norm_is_described_in_the_interface_language():
    q = question("number", {"min": 3, "max": 5})
    assert describe_norm(q) == "minimaal 3 en maximaal 5"
    with translation.override("en"):
        assert describe_norm(q) == "at least 3 and at most 5"
