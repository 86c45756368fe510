"""The dashboard on the demo (`load_demo`): the report's figures in sentences, as the ministry reads them, with no
region named anywhere."""

import re
from html import unescape

import pytest

from framework.models import Round
from national.models import Preview
from regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry_client(demo_data, client_for, ministry, inspector):
    round = Round.objects.get(year=2013)
    Preview.objects.get_or_create(round=round, defaults={"shared_by": inspector})
    return client_for(ministry)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_ministry_reads_the_reports_figures_in_sentences(ministry_client):
    text = text_of(ministry_client.get("/national/icms-2013/").content.decode())
    assert "voorlopig — nog niet vastgesteld" in text
    assert "In 6 van de 25 veiligheidsregio's" in text
    assert "3. Voortgang sinds 2009" in text


@pytest.mark.parametrize("url", ["/national/icms-2013/", "/national/icms-2013/3.4.1/", "/national/icms-2013/?map=3.4.2",
                                 "/national/icms-2013/overall/"])
def test_no_region_is_named_on_the_ministrys_pages(ministry_client, url):
    html = ministry_client.get(url).content.decode()
    text = text_of(html)
    for code, name in Region.objects.values_list("code", "name"):
        assert code not in html, code
        assert name not in text, name


@pytest.mark.parametrize("url", ["/national/icms-2013/", "/national/icms-2013/3.4.1/", "/national/icms-2013/?map=3.4.2"])
def test_inspectors_see_every_region_on_the_map(demo_data, client_for, inspector, url):
    html = client_for(inspector).get(url).content.decode()
    assert "VR13 Amsterdam-Amstelland" in html


def test_every_count_beside_an_indicator_bar_fits_inside_its_chart(ministry_client):
    # A bar of 25 of 25 ends near the right edge; its count must still be read whole ("25", not "2").
    html = ministry_client.get("/national/icms-2013/").content.decode()
    charts = re.findall(r'<svg class="indicator-chart"[^>]*viewBox="0 0 (\d+) \d+"(.*?)</svg>', html, re.S)
    assert charts
    for width, body in charts:
        for x, count in re.findall(r'<text x="(\d+)"[^>]*>(\d+)</text>', body):
            # 10 px digits are about 6 px wide.
            assert int(x) + 6 * len(count) <= int(width), (x, count, width)


def test_a_question_asked_with_other_answer_options_shows_no_trend(ministry_client):
    """The 2013 questions reworded from 2009 with other answer options compare counts side by side, without an
    arrow, saying they are not directly comparable; a question that kept its options keeps its arrows."""
    from national.picture import picture_document

    indicators = picture_document(Round.objects.get(code="icms-2013"), detail=False)["indicators"]
    other_options = [i for i in indicators.values() if i["previous"] and i["previous"]["relation"] == "reworded"
                     and i["previous"]["change"] is None]
    assert other_options, "the demo has reworded questions with other answer options"
    html = unescape(ministry_client.get("/national/icms-2013/").content.decode())
    # The progress table's rows, one group per question (its header cell spans the question's values).
    groups = html.split('scope="rowgroup"')[1:]
    for indicator in other_options:
        question = indicator["question"][:60]
        block = next(group.split("</tbody>")[0] for group in groups if question in group.split("</th>")[0])
        assert "anders gesteld, met andere antwoordmogelijkheden; niet rechtstreeks vergelijkbaar" in block, question
        assert "↑" not in block and "↓" not in block, question


def test_the_picture_says_how_many_regions_verified_their_findings(ministry_client):
    from national.picture import picture_document

    verified = picture_document(Round.objects.get(code="icms-2013"), detail=False)["verified"]
    assert (verified["regions"], verified["of"]) == (23, 25)
    assert "23 van 25 regio's hebben hun bevindingen geverifieerd" in text_of(
        ministry_client.get("/national/icms-2013/").content.decode())
