"""The ministry's dashboard on the demo stays light and its charts readable (issues 16 and 20): under 120 kB of
HTML, a compact bar per indicator with every answer it counts named beside it, the long tables (indicators per
brigade, the indicators' bars with their full answers) on the factor pages, the map's table in words."""

import re
from html import unescape

import pytest

from framework.models import Round
from national.models import Preview
from national.picture import picture_document

pytestmark = pytest.mark.django_db

DASHBOARD = "/national/icms-2013/"


@pytest.fixture
def ministry_client(demo_data, client_for, ministry, inspector):
    Preview.objects.get_or_create(round=Round.objects.get(year=2013), defaults={"shared_by": inspector})
    return client_for(ministry)


@pytest.fixture
def picture(demo_data, db):
    return picture_document(Round.objects.get(code="icms-2013"), detail=False)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_ministrys_dashboard_weighs_less_than_120_kB(ministry_client):
    assert len(ministry_client.get(DASHBOARD).content) < 120_000


def test_every_indicator_on_the_dashboard_names_each_answer_its_bar_counts(ministry_client, picture):
    html = unescape(ministry_client.get(DASHBOARD).content.decode())
    items = re.findall(r'<li>([^<]*)<br><svg class="indicator-chart"[^>]*>(.*?)</svg>(.*?)</li>', html, re.S)
    assert len(items) == len(picture["indicators"])
    by_sentence = {indicator["sentence"]: indicator for indicator in picture["indicators"].values()}
    for sentence, bars, key in items:
        indicator = by_sentence[sentence]
        counted = {value: n for value, n in indicator["counts"].items() if n}
        assert bars.count("<rect") == len(counted), sentence
        named = text_of(key)
        for value, n in counted.items():
            assert f"{indicator['labels'][value]}: {n}" in named, sentence


def test_the_long_tables_are_on_the_factor_pages(ministry_client, picture):
    dashboard = ministry_client.get(DASHBOARD).content.decode()
    assert "Indicatoren per brigade" not in dashboard
    assert 'class="indicator-bars' not in dashboard
    page = unescape(ministry_client.get("/national/icms-2013/3.1.1/").content.decode())
    assert "Indicatoren per brigade" in page
    for key in picture["success_factors"]["3.1.1"]["indicators"]:
        for label in picture["indicators"][key]["labels"].values():
            assert f'<th scope="row">{label}</th>' in page, label  # in full, never cut off


def test_the_map_table_of_the_brigade_areas_says_it_in_words(ministry_client, picture):
    html = ministry_client.get(DASHBOARD + "?map=3.4.1").content.decode()
    table = text_of(html.split("De kaart als tabel", 1)[1].split("</table>", 1)[0])
    counts = picture["success_factors"]["3.4.1"]["by_brigade"]["43"]
    labels = {"voldoet": "voldoet", "voldoet_gedeeltelijk": "voldoet gedeeltelijk", "voldoet_niet": "voldoet niet",
              "niet_beoordeeld": "niet beoordeeld"}
    said = "; ".join(f"{labels[value]}: {n} " + ("regio" if n == 1 else "regio's") for value, n in counts.items() if n)
    assert "43 Gemechaniseerde Brigade" in table
    assert said and said in table
