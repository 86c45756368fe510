"""Each respondent's menu holds their own work: their questionnaire and their findings of the latest round."""

import re

import pytest

from accounts.models import Role
from regions.models import Membership
from tests.factories import subject

pytestmark = pytest.mark.django_db


def menu(client) -> list[tuple[str, str]]:
    html = client.get("/").content.decode()
    nav = html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]
    return [(href, label.strip()) for href, label in re.findall(r'class="nav-link[^"]*" href="([^"]+)"[^>]*>([^<]+)</a>', nav)]


def test_an_ovr_finds_the_regions_questionnaire_and_once_sent_its_findings_in_the_menu(client_for, ovr_vr13, inspector):
    from tests.findings.helpers import send

    client = client_for(ovr_vr13)
    entries = menu(client)
    assert ("/assessments/icms-2013/VR13/", "Vragenlijst") in entries
    assert not any(href.startswith("/findings/") for href, _label in entries)
    send(inspector)
    assert ("/findings/icms-2013/VR13/", "Bevindingen") in menu(client)


def test_an_rmc_finds_the_brigade_questionnaire_in_the_menu(client_for, rmc_11):
    entries = menu(client_for(rmc_11))
    assert ("/assessments/icms-2013/B11/", "Vragenlijst") in entries


def test_a_respondent_of_two_regions_sees_both_by_code(client_for, ovr_vr13):
    Membership.objects.create(user=ovr_vr13, subject=subject("VR14"), role=Role.OVR)
    labels = [label for _href, label in menu(client_for(ovr_vr13))]
    assert "Vragenlijst VR13" in labels and "Vragenlijst VR14" in labels


def test_inspectors_and_ministry_staff_get_no_respondent_entries(client_for, inspector, ministry):
    for user in (inspector, ministry):
        labels = [label for _href, label in menu(client_for(user))]
        assert "Vragenlijst" not in labels and not any(label.startswith("Vragenlijst ") for label in labels)


def test_the_home_page_and_the_menu_name_the_same_round_while_the_next_one_is_being_set_up(client_for, ovr_vr13):
    """The current round is the open one, not the latest: a planned next round changes neither page."""
    from framework.models import Round, RoundStatus
    from tests.factories import RoundFactory

    current = Round.objects.current()
    assert current.status == RoundStatus.OPEN
    RoundFactory(framework=current.framework, year=current.year + 3, status=RoundStatus.PLANNED)
    client = client_for(ovr_vr13)
    response = client.get("/")
    assert response.context["worklist"]["round"] == current
    assert (f"/assessments/{current.code}/VR13/", "Vragenlijst") in menu(client)


def test_without_an_open_round_the_current_round_is_the_latest_on_the_home_page_and_in_the_menu(client_for, ovr_vr13):
    from framework.models import Round, RoundStatus

    Round.objects.update(status=RoundStatus.CLOSED)
    latest = Round.objects.order_by("-year").first()
    client = client_for(ovr_vr13)
    assert client.get("/").context["worklist"]["round"] == latest == Round.objects.current()
    assert (f"/assessments/{latest.code}/VR13/", "Vragenlijst") in menu(client)
