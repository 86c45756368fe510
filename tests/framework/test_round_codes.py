"""Rounds are named by code (`icms-2013`): pages, the API and commands; a bare year only where it is unambiguous."""

import pytest
from django.core.management import CommandError, call_command

from framework.models import Round
from framework.rounds import command_round
from tests.factories import FrameworkFactory, RoundFactory


@pytest.fixture
def second_audit_2013(db):
    framework = FrameworkFactory(code="ws", name="Watersnood")
    return RoundFactory(framework=framework, year=2013, kind="eindmeting", status="open")


def test_every_round_is_named_by_its_framework_and_year(db):
    assert list(Round.objects.filter(framework__code="icms").values_list("code", flat=True)) == [
        "icms-2006", "icms-2009", "icms-2013",
    ]


def test_a_second_audit_may_have_a_round_in_the_same_year(second_audit_2013):
    assert second_audit_2013.code == "ws-2013"
    assert Round.objects.filter(year=2013).count() == 2


def test_the_year_address_of_the_dashboard_moves_permanently_to_the_code(client_for, inspector):
    response = client_for(inspector).get("/national/2013/?map=3.4.1")
    assert response.status_code == 301
    assert response["Location"] == "/national/icms-2013/?map=3.4.1"


def test_the_year_address_names_the_first_audit_when_two_share_the_year(client_for, inspector, second_audit_2013):
    response = client_for(inspector).get("/findings/2013/VR13/3.1.1/")
    assert (response.status_code, response["Location"]) == (301, "/findings/icms-2013/VR13/3.1.1/")
    assert client_for(inspector).get("/api/national/2013/")["Location"] == "/api/national/icms-2013/"


def test_an_unknown_year_answers_404(client_for, inspector):
    assert client_for(inspector).get("/national/1999/").status_code == 404


def test_the_pages_link_rounds_by_code(client_for, inspector):
    page = client_for(inspector).get("/findings/?round=icms-2013").content.decode()
    assert 'href="/findings/icms-2013/VR13/"' in page
    assert "/findings/2013/" not in page


def test_a_command_takes_the_code(db):
    assert command_round("icms-2009").year == 2009


def test_a_command_takes_a_bare_year_while_one_round_has_it(db):
    assert command_round("2013").code == "icms-2013"


def test_a_command_refuses_a_bare_year_two_rounds_share_naming_both(second_audit_2013):
    with pytest.raises(CommandError, match=r"icms-2013, ws-2013"):
        call_command("national_picture", "--round", "2013")


def test_a_command_refuses_an_unknown_round_naming_the_known_ones(db):
    with pytest.raises(CommandError, match=r"bestaat niet.*icms-2006, icms-2009, icms-2013"):
        call_command("national_picture", "--round", "icms-2016")
