import json

import pytest
from django.core.management import call_command

from assessments.models import Round, SuccessFactor
from findings.national import national_picture
from findings.services import conclusion_save, finding_save
from regions.models import Brigade, Region
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db


def _judge(by, codes, factor="3.4.1", judgment="voldoet_gedeeltelijk"):
    round, sf = Round.objects.get(year=2013), SuccessFactor.objects.get(code=factor)
    for code in codes:
        finding_save(round=round, region=Region.objects.get(code=code), success_factor=sf, text="", judgment=judgment, by=by)


def test_the_national_picture_counts_only_existing_regional_judgments(inspector):
    _judge(inspector, ["VR01", "VR02"])
    _judge(inspector, ["VR03"], judgment="voldoet_niet")
    picture = national_picture(Round.objects.get(year=2013))
    assert picture["success_factors"]["3.4.1"]["counts"] == {
        "voldoet": 0, "voldoet_gedeeltelijk": 2, "voldoet_niet": 1, "niet_beoordeeld": 0,
    }
    assert picture["success_factors"]["3.1.1"]["counts"]["niet_beoordeeld"] == 0


def test_brigade_factors_count_brigade_judgments(inspector):
    finding_save(round=Round.objects.get(year=2013), brigade=Brigade.objects.get(number=43),
                 success_factor=SuccessFactor.objects.get(code="3.3.1"), text="", judgment="voldoet", by=inspector)
    picture = national_picture(Round.objects.get(year=2013))
    assert picture["success_factors"]["3.3.1"]["counts"]["voldoet"] == 1


def test_the_command_prints_the_round_with_its_national_judgments_as_json(inspector, capsys):
    _judge(inspector, ["VR01"])
    conclusion_save(round=Round.objects.get(year=2013), success_factor=SuccessFactor.objects.get(code="3.4.1"),
                    text="Defensie is geen structurele partner.", judgment="voldoet_niet", by=inspector)
    call_command("national_picture", "--round", "2013")
    data = json.loads(capsys.readouterr().out)
    assert data["round"] == 2013
    assert data["success_factors"]["3.4.1"]["national_judgment"] == "voldoet_niet"
    assert data["success_factors"]["3.1.1"]["national_judgment"] is None
    assert set(data["success_factors"]) == set(SuccessFactor.objects.values_list("code", flat=True))


def test_the_national_picture_says_how_many_regions_are_verified(client_for, inspector, ministry, ovr_vr13):
    from findings.services import verification_respond

    for item in send(inspector).items.all():
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    html = client_for(ministry).get("/findings/national/").content.decode()
    assert "1 van 25 regio's hebben hun bevindingen geverifieerd" in html


def test_the_national_page_draws_the_distribution_as_svg(client_for, inspector, ministry):
    _judge(inspector, ["VR01", "VR02"])
    html = client_for(ministry).get("/findings/national/").content.decode()
    assert "<svg" in html
    assert "voldoet gedeeltelijk: 2" in html


@pytest.mark.parametrize("regions", [2, 20])
def test_the_national_page_takes_a_fixed_number_of_queries(client_for, ministry, inspector, regions, django_assert_num_queries):
    for code in [f"VR{n:02d}" for n in range(1, regions + 1)]:
        write_all(inspector, code=code)
    client = client_for(ministry)
    client.get("/findings/national/")
    with django_assert_num_queries(10):
        assert client.get("/findings/national/").status_code == 200


@pytest.mark.parametrize("regions", [2, 20])
def test_the_overview_takes_a_fixed_number_of_queries(client_for, inspector, regions, django_assert_num_queries):
    for code in [f"VR{n:02d}" for n in range(1, regions + 1)]:
        send(inspector, code=code)
    client = client_for(inspector)
    client.get("/findings/")
    with django_assert_num_queries(12):
        assert client.get("/findings/").status_code == 200


def test_the_overview_lists_findings_that_cite_nothing(client_for, inspector):
    write_all(inspector)
    html = client_for(inspector).get("/findings/").content.decode()
    assert "/findings/2013/VR13/3.4.1/" in html.split('id="zonder-bron"')[1]


def test_a_finding_that_cites_an_interview_passage_leaves_the_check(client_for, inspector, vr13):
    from findings.services import citation_add, report_save

    write_all(inspector)
    report = report_save(round=Round.objects.get(year=2013), region=vr13, held_on=None, participants="OVR",
                         text="De OVR zit niet in het beleidsteam.", by=inspector)
    finding = vr13.findings.get(success_factor__code="3.4.1")
    citation_add(by=inspector, finding=finding, report=report, passage="niet in het beleidsteam")
    html = client_for(inspector).get("/findings/").content.decode()
    assert "/findings/2013/VR13/3.4.1/" not in html.split('id="zonder-bron"')[1]


def test_a_passage_that_is_not_in_the_report_is_refused(inspector, vr13):
    from django.core.exceptions import ValidationError

    from findings.services import citation_add, report_save

    write_all(inspector)
    report = report_save(round=Round.objects.get(year=2013), region=vr13, held_on=None, participants="", text="Kort.",
                         by=inspector)
    with pytest.raises(ValidationError):
        citation_add(by=inspector, finding=vr13.findings.first(), report=report, passage="iets anders")
