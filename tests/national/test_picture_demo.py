"""The demo's national picture (`load_demo`): the 2013 report's figures in sentences, 2009 as the trend, the
national judgments of the report with their reasons, and nothing of one region in what the ministry reads."""

import json
import re

import pytest

from framework.models import Round
from national.picture import picture_for
from regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo as `load_demo` loads it, once for this module."""


def sentence(picture, code):
    return picture["indicators"][code]["sentence"]


def test_the_2013_picture_has_the_reports_figures_in_its_sentences(demo, ministry):
    picture = picture_for(Round.objects.get(year=2013), user=ministry)
    assert sentence(picture, "piket_arrangement") == (
        "In 6 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio; in 19 per brigade."
    )
    assert sentence(picture, "attendance_needs_ol_consent").startswith("In 3 van de 25 veiligheidsregio's")
    assert sentence(picture, "structural_place_policy_team").startswith("In 3 van de 25 veiligheidsregio's")
    assert "in de overige 22" in sentence(picture, "structural_place_policy_team")
    assert sentence(picture, "exercise_calendars_aligned").startswith("In 10 van de 25 veiligheidsregio's")
    assert sentence(picture, "ovr_observer_at_exercises").startswith("In 17 van de 25 veiligheidsregio's")
    assert sentence(picture, "reservists_in_exercises").startswith("In 23 van de 25 veiligheidsregio's")
    assert sentence(picture, "lcms_defence_tab").startswith("In 2 veiligheidsregio's")
    assert picture["indicators"]["piket_arrangement"]["by_brigade"]["13"]["own_region"] == 6
    assert (picture["status"], picture["preview"], picture["previous_round"]) == ("voorlopig", True, 2009)


def test_the_2013_picture_shows_the_trend_since_2009(demo, ministry):
    picture = picture_for(Round.objects.get(year=2013), user=ministry)
    calendars = picture["indicators"]["exercise_calendars_aligned"]["previous"]
    assert (calendars["round"], calendars["counts"], calendars["relation"]) == (2009, {"ja": 7, "nee": 18}, "same")
    assert calendars["sentence"].startswith("In 18 van de 25 veiligheidsregio's")
    # 2009: the contact persons "die voldoende tijd hebben voor hun taken" (3.1.1): every region met it.
    assert picture["success_factors"]["3.1.1"]["previous_counts"]["voldoet"] == 25
    assert picture["previous_reconstructed"] is True
    assert picture["follow_up"]["round"] == 2009 and picture["follow_up"]["total"] == 7
    assert picture["follow_up"]["by_status"]["opgevolgd"] == 3


def test_the_national_judgments_are_the_reports_with_their_reasons(demo, ministry):
    factors = picture_for(Round.objects.get(year=2013), user=ministry)["success_factors"]
    judged = {code: factor["national_judgment"] for code, factor in factors.items()}
    assert judged == {code: "voldoet_gedeeltelijk" if code == "3.4.1" else "voldoet" for code in factors}
    assert factors["3.4.1"]["proposed_judgment"] == "voldoet_gedeeltelijk" and factors["3.4.1"]["reason"] == ""
    # 3.4.2: the control room's recognition of military radios is a signal (a recommendation), not a norm.
    assert factors["3.4.2"]["proposed_judgment"] == "voldoet" and factors["3.4.2"]["reason"] == ""
    assert all(factor["rule"] for factor in factors.values())


def test_the_ministrys_document_names_no_region(demo, client_for, ministry, inspector):
    body = client_for(ministry).get("/api/national/icms-2013/").content.decode()
    names = list(Region.objects.values_list("code", "name"))
    found = [value for code, name in names for value in (code, name) if re.search(rf"\b{re.escape(value)}\b", body)]
    assert not found, found
    assert "subjects" not in json.loads(body)
    # The inspectors' document does name them: the scan would find them.
    detail = client_for(inspector).get("/api/national/icms-2013/").content.decode()
    assert "VR13" in detail and "Amsterdam-Amstelland" in detail


def test_the_ministry_reads_the_published_2009_picture(demo, client_for, ministry):
    response = client_for(ministry).get("/api/national/icms-2009/")
    assert response.status_code == 200
    assert response.json()["status"] == "gepubliceerd"


def test_anonymous_callers_get_401_as_json(client):
    response = client.get("/api/national/icms-2013/")
    assert response.status_code == 401 and response["Content-Type"].startswith("application/json")
