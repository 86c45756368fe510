"""A second audit beside ICMS in the same year (the test package tests/packages/ws): loaded as a package, its
answers and judgments imported by round code, its national picture counted exactly with its own factor 3.1.1,
while ICMS 2013's picture stays as it was."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from framework.models import Framework, Round, SuccessFactor
from national.picture import picture_document
from tests.packages import WS, package_copy, yaml_edit

ANSWERS = """region_code,question_code,value,comment
VR01,ws_plan_current,ja,
VR02,ws_plan_current,ja,
VR03,ws_plan_current,nee,Plan uit 2008.
VR01,ws_exercise,yearly,
VR02,ws_exercise,sometimes,
VR03,ws_exercise,yearly,
VR01,ws_pumps,12,
VR02,ws_pumps,3,
VR03,ws_pumps,0,
"""

JUDGMENTS = """region_code,csf,judgment,finding
VR01,3.1.1,voldoet,Het plan is van 2012.
VR02,3.1.1,voldoet,Het plan is van 2011.
VR03,3.1.1,voldoet_niet,Het plan is van 2008.
"""


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def ws(db, tmp_path, inspector):
    icms_before = picture_document(Round.objects.get(code="icms-2013"), detail=True)
    run("load_framework", str(WS))
    (tmp_path / "answers.csv").write_text(ANSWERS, encoding="utf-8")
    (tmp_path / "judgments.csv").write_text(JUDGMENTS, encoding="utf-8")
    run("import_answers", str(tmp_path / "answers.csv"), "--round", "ws-2013", "--user", inspector.username)
    run("import_judgments", str(tmp_path / "judgments.csv"), "--round", "ws-2013", "--user", inspector.username)
    return icms_before


def test_the_package_creates_its_framework_and_round_with_codes_of_its_own(ws):
    assert Round.objects.get(code="ws-2013").framework.code == "ws"
    own = SuccessFactor.objects.get(framework__code="ws", code="3.1.1")
    assert own.name == "Een actueel hoogwaterplan"
    assert SuccessFactor.objects.get(framework__code="icms", code="3.1.1").name != own.name


def test_the_national_picture_counts_the_second_audit_exactly(ws):
    picture = json.loads(run("national_picture", "--round", "ws-2013"))
    assert picture["round_code"] == "ws-2013"
    assert set(picture["success_factors"]) == {"3.1.1", "3.1.2", "5.1"}
    factor = picture["success_factors"]["3.1.1"]
    assert factor["name"] == "Een actueel hoogwaterplan"
    assert factor["counts"] == {"voldoet": 2, "voldoet_gedeeltelijk": 0, "voldoet_niet": 1, "niet_beoordeeld": 0}
    # The package's rule: two "voldoet" make the proposal "voldoet".
    assert factor["proposed_judgment"] == "voldoet"
    indicators = picture["indicators"]
    assert indicators["ws_plan_current"]["counts"] == {"ja": 2, "nee": 1}
    assert indicators["ws_exercise"]["counts"] == {"yearly": 2, "sometimes": 1, "never": 0}
    assert indicators["ws_pumps"]["counts"] == {"none": 1, "some": 1, "many": 1}


def test_icms_2013_is_unchanged_by_the_second_audit(ws):
    assert picture_document(Round.objects.get(code="icms-2013"), detail=True) == ws


def test_a_bare_year_is_refused_naming_both_rounds(ws):
    with pytest.raises(CommandError, match=r"icms-2013, ws-2013"):
        run("national_picture", "--round", "2013")


def test_the_dashboard_of_the_second_audit_shows_its_sentences_to_an_inspector(ws, client_for, inspector):
    page = client_for(inspector).get("/national/ws-2013/").content.decode()
    assert "In 2 van de 25 regio&#x27;s is het hoogwaterplan actueel." in page
    assert "Een actueel hoogwaterplan" in page
    api = client_for(inspector).get("/api/national/ws-2013/").json()
    assert api["success_factors"]["3.1.1"]["counts"]["voldoet"] == 2


def test_the_findings_of_the_second_audit_are_named_by_its_code(ws, client_for, inspector):
    page = client_for(inspector).get("/findings/ws-2013/VR01/3.1.1/")
    assert page.status_code == 200
    assert "Het plan is van 2012." in page.content.decode()


def test_a_package_with_an_unknown_success_factor_is_refused_whole_with_file_and_line(db, tmp_path):
    copy = package_copy(tmp_path, WS)
    yaml_edit(copy / "questionnaires" / "2013-region.yaml",
              lambda data: data["questions"][1].update(success_factor="9.9"))
    with pytest.raises(CommandError) as refused:
        run("load_framework", str(copy))
    assert "questionnaires/2013-region.yaml, regel " in str(refused.value)
    assert "onbekende succesfactor '9.9'" in str(refused.value)
    assert not Framework.objects.filter(code="ws").exists()
    assert not Round.objects.filter(code="ws-2013").exists()
