"""The map of the national picture: a server-rendered choropleth whose colour is never the only carrier, a
table that says the same, and what each viewer may see named on it."""

import re

import pytest

from national import pages
from national import picture as picture_doc
from national.pages import MapMode
from national.services import preview_share
from regions.models import Region
from regions.policy import Action, may
from tests.national.sample_picture import sample_detail_picture, sample_picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def pictures(monkeypatch):
    def picture_for(round, *, user):
        make = sample_detail_picture if may(user, Action.SUBJECT_DETAIL) else sample_picture
        return make(round=round.year, previous_round=round.predecessor.year if round.predecessor_id else None)

    monkeypatch.setattr(picture_doc, "picture_for", picture_for, raising=False)


def test_inspectors_see_every_region_named_and_coloured_by_its_judgment():
    regions = pages.map_regions()
    context = pages.map_context(sample_detail_picture(), "3.2.1", mode=MapMode.REGIONS, regions=regions)
    assert len(context["shapes"]) == len(regions) == 25
    vr13 = next(s for s in context["shapes"] if s["code"] == "VR13")
    assert vr13["css"] == "judgment-voldoet"
    assert vr13["symbol"] == "✓"  # the label on the shape: colour is not the only carrier
    assert vr13["title"] == "VR13 Amsterdam-Amstelland: voldoet"
    assert vr13["url"] == "/findings/icms-2013/VR13/3.2.1/"
    assert {"name": "VR13 Amsterdam-Amstelland", "label": "voldoet", "symbol": "✓"} in context["rows"]


def test_an_ovr_sees_their_own_region_named_and_the_others_unnamed(vr13):
    context = pages.map_context(sample_detail_picture(), "3.2.1", mode=MapMode.OWN, regions=pages.map_regions(),
                                own_codes=frozenset({"VR13"}))
    named = [s for s in context["shapes"] if s["code"]]
    assert [s["code"] for s in named] == ["VR13"]
    others = [s for s in context["shapes"] if not s["code"]]
    assert all(s["title"].startswith("Andere regio") and not s["url"] for s in others)
    assert [row["name"] for row in context["rows"]] == ["VR13 Amsterdam-Amstelland", "Andere regio's (24)"]


def test_the_ministry_sees_brigade_areas_coloured_by_the_brigades_most_frequent_value():
    context = pages.map_context(sample_picture(), "2.1.4", mode=MapMode.BRIGADES, regions=pages.map_regions())
    assert len(context["shapes"]) == 3
    by_name = {row["name"]: row for row in context["rows"]}
    assert by_name["11 Luchtmobiele Brigade"]["label"] == "binnen de eigen regio 3, per brigade 5"
    assert by_name["11 Luchtmobiele Brigade"]["symbol"] == "2"  # "per brigade" is the legend's second value
    assert all(not shape["code"] and not shape["url"] for shape in context["shapes"])
    names = set(Region.objects.values_list("name", flat=True))
    assert not any(name in str(context) for name in names)


def test_the_map_is_chosen_by_a_get_form_and_has_a_legend_and_a_table(client_for, inspector, pictures):
    html = client_for(inspector).get("/national/icms-2013/?map=2.1.7").content.decode()
    assert '<select id="map-select" name="map"' in html
    assert '<option value="2.1.7" selected>' in html
    assert 'aria-label="Legenda"' in html
    assert "De kaart als tabel" in html


def test_links_on_the_map_are_never_inside_an_image(client_for, inspector, ministry, pictures):
    html = client_for(inspector).get("/national/icms-2013/").content.decode()
    for svg in re.findall(r"<svg[^>]*national-map.*?</svg>", html, flags=re.S):
        if "<a " in svg:
            assert 'role="img"' not in svg.split(">", 1)[0]
    assert "<a href=\"/findings/icms-2013/VR13/3.2.1/\">" in html


def test_one_small_map_per_round_shows_the_trend(client_for, inspector, pictures):
    html = client_for(inspector).get("/national/icms-2013/?map=3.2.1").content.decode()
    assert 'id="trend-2009-title"' in html or 'aria-label="3.2.1' in html
    assert html.count("national-map-small") == 2


def test_the_ministrys_map_names_no_region(client_for, ministry, inspector, pictures):
    from framework.models import Round

    preview_share(round=Round.objects.get(year=2013), by=inspector)
    html = client_for(ministry).get("/national/icms-2013/?map=3.4.1").content.decode()
    assert "per brigadegebied" in html
    assert "43 Gemechaniseerde Brigade" in html
    for code in Region.objects.values_list("code", flat=True):
        assert code not in html
