"""Each demo user's home lists exactly the work that waits on them (on the demo: VR14's 2013 questionnaire is a
draft again (sent back after the interview), VR13's findings wait for its respondents, every other questionnaire
and verification is done, and the 2013 round is not yet published)."""

import re

import pytest

from accounts.models import User

pytestmark = pytest.mark.django_db


def work(client, username: str) -> list[str]:
    client.force_login(User.objects.get(username=username))
    html = client.get("/").content.decode()
    section = html.split('id="work-heading"', 1)[1].split("</section>", 1)[0]
    return [re.sub(r"\s+", " ", label).strip() for label in re.findall(r'<a href="[^"]*">([^<]+)</a>', section)]


@pytest.fixture
def demo(demo_data, db):
    return None


@pytest.mark.parametrize("username", ["ovr.vr14", "contact.vr14"])
def test_the_respondents_of_vr14_are_asked_to_fill_in_their_draft(demo, client, username):
    assert work(client, username) == ["Vragenlijst 2013 voor VR14 Gooi en Vechtstreek invullen"]


@pytest.mark.parametrize("username", ["ovr.vr13", "contact.vr13"])
def test_the_respondents_of_vr13_are_asked_to_verify_their_findings(demo, client, username):
    items = work(client, username)
    assert len(items) == 1
    assert items[0].startswith("Bevindingen VR13 verifiëren:")


@pytest.mark.parametrize("username", ["rmc.11", "ministerie", "ovr.vr01", "contact.vr25"])
def test_nothing_waits_on_a_party_whose_questionnaire_and_findings_are_done_nor_on_the_ministry(
    demo, client, username
):
    client.force_login(User.objects.get(username=username))
    assert work(client, username) == []
    assert "Er wacht op dit moment niets op u." in client.get("/").content.decode()


@pytest.mark.parametrize("username", ["inspecteur", "admin"])
def test_the_inspector_sees_every_open_questionnaire_verification_and_the_round_to_publish(demo, client, username):
    items = work(client, username)
    assert items == [
        "Vragenlijst VR13 Amsterdam-Amstelland staat op verificatie: definitief maken na de verificatie",
        "Vragenlijst VR14 Gooi en Vechtstreek is nog een concept bij de respondenten",
        "Bevindingen VR13 Amsterdam-Amstelland wachten op de respondenten",
        "1 regio nog niet ter verificatie verstuurd",
        "Meting 2013 wacht op publicatie",
    ]
    # Nothing final is listed as work.
    assert not any("VR01" in item or "B11" in item for item in items)


@pytest.mark.parametrize(("username", "name"), [
    ("contact.dops", "Directie Operaties (DOPS)"),
    ("contact.djz", "Directie Juridische Zaken (DJZ)"),
    ("contact.clas", "Commando Landstrijdkrachten (CLAS)"),
])
def test_a_directorate_whose_interview_report_is_verified_waits_for_nothing_and_names_its_directorate(
    demo, client, username, name
):
    assert work(client, username) == []
    html = client.get("/").content.decode()
    subjects = html.split('id="subjects-heading"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<a href="[^"]*">([^<]+)</a>', subjects) == [name]
