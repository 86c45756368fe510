import json

import pytest
from django.core.management import call_command

from findings.services import finding_save, verification_close, verification_respond
from framework.models import Round, SuccessFactor
from national.queries import national_picture
from national.services import conclusion_save
from tests.factories import subject
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db

NATIONAL = "/national/icms-2013/"


@pytest.fixture(autouse=True)
def _shared(inspector):
    """2013 shared with the ministry as a preview, so that the ministry reads its dashboard."""
    from national.services import preview_share

    preview_share(round=Round.objects.get(year=2013), by=inspector)


def _judge(by, codes, factor="3.4.1", judgment="voldoet_gedeeltelijk"):
    round, sf = Round.objects.get(year=2013), SuccessFactor.objects.get(code=factor)
    for code in codes:
        finding_save(round=round, subject=subject(code), success_factor=sf, text="", judgment=judgment, by=by)


def test_the_national_picture_counts_only_existing_regional_judgments(inspector):
    _judge(inspector, ["VR01", "VR02"])
    _judge(inspector, ["VR03"], judgment="voldoet_niet")
    picture = national_picture(Round.objects.get(year=2013))
    assert picture["success_factors"]["3.4.1"]["counts"] == {
        "voldoet": 0, "voldoet_gedeeltelijk": 2, "voldoet_niet": 1, "niet_beoordeeld": 0,
    }
    assert picture["success_factors"]["3.1.1"]["counts"]["niet_beoordeeld"] == 0


def test_brigade_factors_count_brigade_judgments(inspector):
    finding_save(round=Round.objects.get(year=2013), subject=subject("B43"),
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
    for item in send(inspector).items.all():
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    html = client_for(ministry).get(NATIONAL).content.decode()
    assert "1 van 25 regio's hebben hun bevindingen geverifieerd" in html


def test_a_verification_the_inspector_closed_counts_as_verified_in_the_national_picture(inspector, ovr_vr13, contact_vr13):
    verification = send(inspector)
    for item in verification.items.all():
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    assert national_picture(Round.objects.get(year=2013))["verified_regions"] == 0  # the contact person has not responded
    verification_close(verification=verification, by=inspector, reason="De contactpersoon reageert niet.")
    assert national_picture(Round.objects.get(year=2013))["verified_regions"] == 1


def test_the_national_page_draws_the_distribution_as_svg(client_for, inspector, ministry):
    _judge(inspector, ["VR01", "VR02"])
    html = client_for(ministry).get(NATIONAL).content.decode()
    assert "<svg" in html
    assert "voldoet gedeeltelijk: 2" in html


@pytest.mark.parametrize("regions", [2, 20])
def test_the_national_page_takes_a_fixed_number_of_queries(client_for, ministry, inspector, regions, django_assert_num_queries):
    for code in [f"VR{n:02d}" for n in range(1, regions + 1)]:
        write_all(inspector, code=code)
    client = client_for(ministry)
    client.get(NATIONAL)
    # 26: the picture reads the round's context and the factors' criteria in one query each.
    with django_assert_num_queries(26):
        assert client.get(NATIONAL).status_code == 200
