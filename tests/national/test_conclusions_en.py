"""The national conclusions in English: the demo's 2013 deelconclusies and slotconclusie read in English when the
interface is English, in Dutch otherwise; inspectors enter the English text beside the Dutch one."""

import re
from html import unescape

import pytest
from django.urls import reverse

from findings.models import NationalConclusion
from framework.models import Round
from national.models import Preview

pytestmark = pytest.mark.django_db

# From findings/demo/national.yaml (2013, 3.4.1).
DEELCONCLUSIE_341_NL = "Slechts drie regio's geven Defensie een structurele plaats in het GBT of het RBT."
DEELCONCLUSIE_341_EN = "Only three regions give Defence a structural place in the GBT or the RBT."
OVERALL_NL = "In dit opzicht wordt Defensie nog niet overal gezien als een structurele partner."
OVERALL_EN = "In this respect Defence is not yet seen everywhere as a structural partner."


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def in_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


@pytest.fixture
def ministry_client(demo_data, client_for, ministry, inspector):
    Preview.objects.get_or_create(round=Round.objects.get(year=2013), defaults={"shared_by": inspector})
    return client_for(ministry)


def test_the_dashboard_shows_the_english_conclusions_in_english(ministry_client):
    text = text_of(in_english(ministry_client).get("/national/icms-2013/").content.decode())
    assert DEELCONCLUSIE_341_EN in text
    assert DEELCONCLUSIE_341_NL not in text
    assert OVERALL_EN in text
    assert OVERALL_NL not in text


def test_the_dashboard_shows_the_dutch_conclusions_in_dutch(ministry_client):
    text = text_of(ministry_client.get("/national/icms-2013/").content.decode())
    assert DEELCONCLUSIE_341_NL in text
    assert DEELCONCLUSIE_341_EN not in text
    assert OVERALL_NL in text


def test_the_api_carries_the_english_conclusions_in_english(ministry_client):
    document = in_english(ministry_client).get("/api/national/icms-2013/").json()
    assert DEELCONCLUSIE_341_EN in document["success_factors"]["3.4.1"]["deelconclusie"]
    assert OVERALL_EN in document["overall_conclusion"]


def test_the_api_carries_the_dutch_conclusions_in_dutch(ministry_client):
    document = ministry_client.get("/api/national/icms-2013/").json()
    assert DEELCONCLUSIE_341_NL in document["success_factors"]["3.4.1"]["deelconclusie"]


def test_an_inspector_saves_an_english_deelconclusie(demo_data, client_for, inspector):
    client = client_for(inspector)
    url = reverse("national:conclusion_edit", args=["icms-2013", "3.3.2"])
    conclusion = NationalConclusion.objects.get(round__year=2013, success_factor__code="3.3.2")
    page = client.get(url).content.decode()
    assert 'name="text_en"' in page
    response = client.post(url, {"text": conclusion.text, "text_en": "Defence has described its processes.",
                                 "judgment": conclusion.judgment, "reason": "", "reason_en": "",
                                 "revision": conclusion.revision})
    assert response.status_code == 302
    conclusion.refresh_from_db()
    assert conclusion.text_en == "Defence has described its processes."
    assert conclusion.history.latest().history_user == inspector
    text = text_of(in_english(client).get("/national/icms-2013/3.3.2/").content.decode())
    assert "Defence has described its processes." in text


def test_a_deelconclusie_without_english_reads_dutch_in_english(demo_data, client_for, inspector):
    conclusion = NationalConclusion.objects.get(round__year=2013, success_factor__code="3.3.2")
    NationalConclusion.objects.filter(pk=conclusion.pk).update(text_en="")
    client = in_english(client_for(inspector))
    text = text_of(client.get("/national/icms-2013/3.3.2/").content.decode())
    assert "Deze processen zijn bekend bij de functionarissen" in text
