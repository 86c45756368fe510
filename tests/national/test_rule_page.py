"""An inspector states the rule for a factor, sees the judgment it proposes beside the conclusion form, and
gives a reason when deciding otherwise; the reason is shown beside the national judgment."""

import pytest

from findings.models import NationalConclusion
from framework.models import Round, SuccessFactor
from national.models import JudgmentRule
from tests.factories import FindingFactory, subject

pytestmark = pytest.mark.django_db

EDIT = "/national/icms-2013/3.4.1/edit/"


@pytest.fixture
def judged():
    for code in ["VR01", "VR02", "VR03"]:
        FindingFactory(subject=subject(code), success_factor=SuccessFactor.objects.get(code="3.4.1"), judgment="voldoet")
    FindingFactory(subject=subject("VR04"), success_factor=SuccessFactor.objects.get(code="3.4.1"),
                   judgment="voldoet_gedeeltelijk")


def test_the_rule_set_on_the_page_proposes_a_judgment(judged, client_for, inspector):
    client = client_for(inspector)
    response = client.post("/national/icms-2013/3.4.1/rule/", {"meets_min": "3", "partly_min": "4"})
    assert response.status_code == 302
    rule = JudgmentRule.objects.get(round__year=2013, success_factor__code="3.4.1")
    assert (rule.meets_min, rule.partly_min) == (3, 4)
    html = client.get(EDIT).content.decode()
    assert "voldoet wanneer ten minste 3 van de" in html
    assert "Voorgesteld landelijk oordeel: <strong>voldoet</strong>" in html


def test_deciding_otherwise_needs_a_reason_which_the_factor_page_shows(judged, client_for, inspector):
    client = client_for(inspector)
    client.post("/national/icms-2013/3.4.1/rule/", {"meets_min": "3", "partly_min": "4"})
    refused = client.post(EDIT, {"text": "Structurele plaats ontbreekt.", "judgment": "voldoet_gedeeltelijk",
                                 "reason": "", "revision": "0"})
    assert refused.status_code == 200
    assert not NationalConclusion.objects.filter(round=Round.objects.get(year=2013)).exists()
    client.post(EDIT, {"text": "Structurele plaats ontbreekt.", "judgment": "voldoet_gedeeltelijk",
                       "reason": "Drie regio's is te weinig voor een landelijk 'voldoet'.", "revision": "0"})
    conclusion = NationalConclusion.objects.get(round__year=2013, success_factor__code="3.4.1")
    assert conclusion.reason.startswith("Drie regio's")
    assert "Drie regio&#x27;s is te weinig" in client.get("/national/icms-2013/3.4.1/").content.decode()
