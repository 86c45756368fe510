"""The national picture's pages: the dashboard of a round and the page of one success factor, who sees them,
the preview the ministry may read, and what the ministry never reads (a region's code or name)."""

import re
from html import unescape

import pytest

from framework.models import Round
from national import picture as picture_doc
from national.models import Preview
from national.services import preview_share, preview_withdraw
from regions.models import Region
from regions.policy import Action, may
from tests.national.sample_picture import PIKET_SENTENCE, sample_detail_picture, sample_picture

pytestmark = pytest.mark.django_db

DASHBOARD = "/national/icms-2013/"
FACTOR = "/national/icms-2013/3.4.2/"


@pytest.fixture
def pictures(monkeypatch):
    """The document as `picture_for` gives it, from the sample (until the real one is computed in the tree)."""

    def picture_for(round, *, user):
        make = sample_detail_picture if may(user, Action.SUBJECT_DETAIL) else sample_picture
        return make(round=round.year, status="gepubliceerd" if round.is_published else "voorlopig",
                    previous_round=round.predecessor.year if round.predecessor_id else None,
                    preview=Preview.objects.filter(round=round).exists())

    monkeypatch.setattr(picture_doc, "picture_for", picture_for, raising=False)


@pytest.fixture
def shared(inspector):
    return preview_share(round=Round.objects.get(year=2013), by=inspector)


def text_of(html: str) -> str:
    """What a reader reads: the markup stripped, the SVG titles and labels included."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_national_redirects_to_the_current_rounds_dashboard(client_for, inspector):
    response = client_for(inspector).get("/national/")
    assert response.status_code == 302
    assert response.url == f"/national/{Round.objects.current().code}/"


def test_the_old_address_with_a_round_ends_on_that_rounds_dashboard(client_for, inspector, pictures):
    response = client_for(inspector).get("/findings/national/?round=icms-2013", follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARD


def test_the_dashboard_answers_the_research_questions(client_for, inspector, pictures):
    html = client_for(inspector).get(DASHBOARD).content.decode()
    assert "<title>Landelijk beeld 2013 · cmsaudit</title>" in html
    html = text_of(html)
    assert PIKET_SENTENCE in html
    for heading in ("1. Waar staat elke succesfactor?", "2. Opvolging van de aanbevelingen", "3. Voortgang sinds 2009",
                    "4. Context van de meting", "Per brigade", "Kaart"):
        assert heading in html
    assert "voorlopig — nog niet vastgesteld" in html


def test_a_national_judgment_that_differs_from_the_proposal_shows_the_rule_and_the_reason(client_for, inspector, pictures):
    html = text_of(client_for(inspector).get(FACTOR).content.decode())
    assert "Reden van afwijken De communicatiemiddelen zijn overal beschikbaar" in html
    assert "voldoet wanneer ten minste 20 van de 25 regio's voldoen" in html


def test_the_factor_page_is_titled_by_its_factor_and_round(client_for, inspector, pictures):
    html = client_for(inspector).get(FACTOR).content.decode()
    assert ("<title>Succesfactor 3.4.2 Interoperabiliteit van communicatiemiddelen — Landelijk beeld 2013 · cmsaudit"
            "</title>") in html
    assert "In 2 van de 25 veiligheidsregio's heeft LCMS een tabblad Defensie." in text_of(html)


def test_progress_marks_each_change_with_an_arrow_and_words(client_for, inspector, pictures):
    html = text_of(client_for(inspector).get(DASHBOARD).content.decode())
    # 3.2.1: voldoet 15 → 22; piket in the own region 9 → 6.
    assert "voldoet 15 22 ↑ 7 meer" in html
    assert "binnen de eigen regio 9 6 ↓ 3 minder" in html


def test_the_follow_up_is_counted_per_status_and_addressee(client_for, inspector, pictures):
    html = text_of(client_for(inspector).get(DASHBOARD).content.decode())
    assert "Van de 7 aanbevelingen van 2009" in html
    assert "minister van Veiligheid en Justitie 2 2 4" in html


def test_the_ministry_does_not_see_an_unshared_unpublished_round(client_for, ministry, pictures):
    assert client_for(ministry).get(DASHBOARD).status_code == 404
    assert client_for(ministry).get(FACTOR).status_code == 404


def test_the_ministry_reads_a_shared_round_as_provisional(client_for, ministry, pictures, shared):
    for url in (DASHBOARD, FACTOR, "/national/icms-2013/overall/"):
        response = client_for(ministry).get(url)
        assert response.status_code == 200
        assert "voorlopig — nog niet vastgesteld" in response.content.decode()


def test_respondents_may_not_read_the_national_picture(client_for, ovr_vr13, rmc_11, pictures, shared):
    assert client_for(ovr_vr13).get(DASHBOARD).status_code == 403
    assert client_for(rmc_11).get(FACTOR).status_code == 403


@pytest.mark.parametrize("url", [DASHBOARD, FACTOR, DASHBOARD + "?map=2.1.4", FACTOR + "?map=4.2.1"])
def test_the_ministrys_pages_name_no_region(client_for, ministry, pictures, shared, url):
    html = client_for(ministry).get(url).content.decode()
    text = text_of(html)
    for code, name in Region.objects.values_list("code", "name"):
        assert code not in html, code
        assert name not in text, name


def test_an_inspector_shares_and_withdraws_the_preview(client_for, inspector, pictures):
    client = client_for(inspector)
    html = client.get(DASHBOARD).content.decode()
    assert "Voorlopig beeld delen met het ministerie" in html
    assert client.post("/national/icms-2013/preview/share/").status_code == 302
    assert Preview.objects.filter(round__year=2013).exists()
    assert "Voorlopig beeld niet meer delen met het ministerie" in client.get(DASHBOARD).content.decode()
    client.post("/national/icms-2013/preview/withdraw/")
    assert not Preview.objects.filter(round__year=2013).exists()


def test_a_published_round_is_not_shared_as_a_preview(inspector):
    from tests.access.assessments import publish_2009

    publish_2009()
    with pytest.raises(Exception, match="gepubliceerd"):
        preview_share(round=Round.objects.get(year=2009), by=inspector)


def test_only_inspectors_share_a_preview(ministry):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        preview_share(round=Round.objects.get(year=2013), by=ministry)
    with pytest.raises(PermissionDenied):
        preview_withdraw(round=Round.objects.get(year=2013), by=ministry)


# --- a fixed number of queries, whatever the number of regions and answers --------------------------------


def _grow(extra: int, start: int = 100) -> None:
    """`extra` more regions (VR100…), each with a judgment of every success factor and an answer to every
    indicator question, in 2013 and 2009."""
    from assessments.models import Answer, Assessment, Question, Questionnaire
    from findings.models import Finding
    from framework.models import SuccessFactor
    from regions.models import Brigade, Subject, SubjectKind

    brigades = list(Brigade.objects.all())
    regions = Region.objects.bulk_create(
        Region(code=f"VR{start + n}", name=f"Proefregio {start + n}", province="Proef", brigade=brigades[n % len(brigades)])
        for n in range(extra))
    subjects = Subject.objects.bulk_create(
        Subject(kind=SubjectKind.REGION, code=r.code, name=r.name, region=r, order=start + n) for n, r in enumerate(regions))
    factors = list(SuccessFactor.objects.filter(subject_kind=SubjectKind.REGION))
    for round in Round.objects.filter(year__in=[2009, 2013]):
        Finding.objects.bulk_create(Finding(round=round, subject=s, success_factor=f, judgment="voldoet", text="")
                                    for s in subjects for f in factors)
        questionnaire = Questionnaire.objects.latest_for(round, SubjectKind.REGION)
        if questionnaire is None:
            continue
        assessments = Assessment.objects.bulk_create(
            Assessment(round=round, questionnaire=questionnaire, subject=s) for s in subjects)
        questions = list(Question.objects.filter(questionnaire=questionnaire).exclude(indicator=""))
        Answer.objects.bulk_create(Answer(assessment=a, question=q, value="ja") for a in assessments for q in questions
                                   if q.kind == "yes_no")


# The document (national.picture) and, for the trend maps, the previous round's when the viewer may see it (2009 is
# not published here, so the ministry's pages compute one document); the factor page adds its conclusion and,
# for inspectors, the findings beneath it. Each document reads the round's context and the factors' criteria in
# one query each.
QUERIES = {
    ("inspector", DASHBOARD): 46, ("inspector", FACTOR): 51, ("inspector", DASHBOARD + "?map=3.4.1"): 46,
    ("ministry", DASHBOARD): 26, ("ministry", FACTOR): 29, ("ministry", DASHBOARD + "?map=3.4.1"): 26,
}


@pytest.mark.parametrize("url", [DASHBOARD, FACTOR, DASHBOARD + "?map=3.4.1"])
@pytest.mark.parametrize("viewer", ["inspector", "ministry"])
def test_the_pages_take_a_fixed_number_of_queries(request, client_for, inspector, viewer, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    preview_share(round=Round.objects.get(year=2013), by=inspector)
    _grow(5)  # some judgments and answers, so that every list on the page has rows
    client = client_for(request.getfixturevalue(viewer))
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(220, start=105)  # 250 regions
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
    assert (viewer, url, len(small)) == (viewer, url, QUERIES[viewer, url])
