"""The rules an inspector sets (national/services.py): a draft recommendation never names regions in the text the
ministry reads, draft rules are bounded like every other text, and a judgment rule is sane."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError

from assessments.models import Round, SuccessFactor
from assessments.values import MAX_RECOMMENDATION
from findings.models import DraftRule, RuleKind
from national.models import JudgmentRule
from national.services import draft_rule_create, drafts_generate, judgment_rule_save
from tests.factories import DraftRuleFactory
from tests.findings.helpers import write_all

pytestmark = pytest.mark.django_db


def _round():
    return Round.objects.get(year=2013)


def _factor(code: str = "3.4.1"):
    return SuccessFactor.objects.get(code=code)


def _rule(inspector, **overrides):
    data = {"round": _round(), "success_factor": _factor(), "kind": RuleKind.JUDGMENT_BELOW, "min_regions": 2,
            "addressee": "minister_venj", "text_template": "Veranker Defensie ({aantal} regio's).", "by": inspector}
    return draft_rule_create(**{**data, **overrides})


# --- {regios} ---------------------------------------------------------------------------------------------


def test_a_draft_rule_naming_the_regions_in_its_text_is_refused(inspector):
    with pytest.raises(ValidationError, match=r"\{regios\}.*ministerie"):
        _rule(inspector, text_template="Veranker Defensie in de hoofdstructuur ({regios}).")
    assert not DraftRule.objects.exists()


def test_a_draft_from_an_older_rule_with_regios_gets_their_number_not_their_codes(inspector):
    write_all(inspector, code="VR01", judgment="voldoet_gedeeltelijk")
    write_all(inspector, code="VR02", judgment="voldoet_niet")
    DraftRuleFactory(min_regions=2, text_template="Veranker Defensie in de hoofdstructuur ({regios}).")
    [draft] = drafts_generate(round=_round(), by=inspector)
    assert draft.text == "Veranker Defensie in de hoofdstructuur (2 regio's)."
    assert "VR0" not in draft.text
    assert [r.code for r in draft.concerned_regions.all()] == ["VR01", "VR02"]  # the inspectors still see which


def test_the_draft_rule_page_refuses_regios_in_dutch(client_for, inspector):
    client = client_for(inspector)
    response = client.post("/national/recommendations/icms-2013/rules/", {
        "success_factor": _factor().pk, "kind": "judgment_below", "min_regions": "2", "addressee": "minister_venj",
        "text_template": "Veranker de positie van Defensie ({regios}).",
    })
    assert response.status_code == 200
    assert any("{regios}" in str(m) for m in get_messages(response.wsgi_request))
    assert "{regios}" not in str(response.context["form"]["text_template"].help_text)


# --- limits --------------------------------------------------------------------------------------------------


def test_a_draft_rule_text_beyond_the_limit_is_refused(inspector):
    with pytest.raises(ValidationError, match="te lang"):
        _rule(inspector, text_template="x" * (MAX_RECOMMENDATION + 1))


@pytest.mark.parametrize("values", [["ja"] * 51, ["x" * 65]])
def test_draft_rule_values_are_bounded_in_number_and_length(inspector, values):
    with pytest.raises(ValidationError):
        _rule(inspector, kind=RuleKind.INDICATOR_BELOW, question_code="ovr_assigned", values=values, threshold_percent=80)
    assert not DraftRule.objects.exists()


def test_a_draft_rule_question_code_beyond_its_column_is_refused_not_a_database_error(inspector):
    with pytest.raises(ValidationError):
        _rule(inspector, kind=RuleKind.INDICATOR_BELOW, question_code="q" * 65, values=["ja"], threshold_percent=80)


@pytest.mark.parametrize(("min_regions", "threshold"), [(0, 80), (26, 80), (2, 101)])
def test_draft_rule_thresholds_stay_within_the_regions_and_percentages(inspector, min_regions, threshold):
    with pytest.raises(ValidationError):
        _rule(inspector, kind=RuleKind.INDICATOR_BELOW, question_code="ovr_assigned", values=["ja"],
              min_regions=min_regions, threshold_percent=threshold)


def test_the_draft_rule_values_field_is_bounded_on_the_form_too():
    from findings.forms import DraftRuleForm

    assert DraftRuleForm(round=_round()).fields["values"].max_length is not None


# --- judgment rules ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("meets", "partly"), [(0, 0), (0, 5), (5, 0), (26, 5), (5, 26)])
def test_a_judgment_rule_threshold_is_at_least_1_and_at_most_the_number_of_regions(inspector, meets, partly):
    with pytest.raises(ValidationError, match="tussen 1 en 25"):
        judgment_rule_save(round=_round(), success_factor=_factor(), meets_min=meets, partly_min=partly, by=inspector)
    assert not JudgmentRule.objects.exists()


def test_a_brigade_factor_rule_is_bounded_by_the_number_of_brigades(inspector):
    factor = SuccessFactor.objects.filter(subject_kind="brigade").first()
    if factor is None:
        pytest.skip("no brigade factor in the reference data")
    with pytest.raises(ValidationError, match="tussen 1 en 3"):
        judgment_rule_save(round=_round(), success_factor=factor, meets_min=4, partly_min=1, by=inspector)


def test_the_rule_page_refuses_a_rule_of_0_0_with_a_dutch_message(client_for, inspector):
    response = client_for(inspector).post("/national/icms-2013/3.4.1/rule/", {"meets_min": "0", "partly_min": "0"},
                                          follow=True)
    assert not JudgmentRule.objects.exists()
    assert "Een drempel ligt tussen 1 en 25." in response.content.decode()
