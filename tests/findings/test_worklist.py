import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from findings.services import verification_respond
from findings.worklist import work_items
from framework.models import Round
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_2013():
    round = Round.objects.get(year=2013)
    round.verification_deadline = timezone.localdate() + datetime.timedelta(days=3)
    round.save()
    return round


def test_an_ovr_sees_the_items_waiting_for_their_verification_with_the_deadline(inspector, ovr_vr13, round_2013):
    send(inspector)
    [item] = work_items(ovr_vr13, round_2013)
    assert item["label"] == "Bevindingen VR13 verifiëren: 9 onderdelen wachten op uw reactie"
    assert item["url"] == "/findings/icms-2013/VR13/#verificatie"
    assert "Deadline verificatie" in item["detail"]


def test_an_ovr_has_nothing_to_verify_before_the_findings_are_sent(inspector, ovr_vr13, round_2013):
    write_all(inspector)
    assert work_items(ovr_vr13, round_2013) == []


def test_an_inspector_sees_comments_to_answer_and_regions_still_to_send(inspector, ovr_vr13, round_2013):
    item = send(inspector).items.first()
    verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Klopt niet.")
    labels = [entry["label"] for entry in work_items(inspector, round_2013)]
    assert "1 opmerking van VR13 beantwoorden" in labels
    assert "Bij 24 regio's ontbreken bevindingen" in labels
    assert "24 regio's nog niet ter verificatie verstuurd" in labels


def test_the_home_page_shows_an_rmc_their_brigade_to_verify(client_for, inspector, rmc_11, round_2013):
    send(inspector, brigade=11)
    html = client_for(rmc_11).get("/").content.decode()
    assert "Bevindingen B11 verifiëren" in html


def test_reminders_go_to_respondents_with_items_to_verify_once_a_day(inspector, ovr_vr13, ovr_vr14, round_2013, mailoutbox):
    send(inspector)
    call_command("send_reminders")
    assert [mail.to for mail in mailoutbox] == [[ovr_vr13.email]]
    assert "VR13" in mailoutbox[0].body
    call_command("send_reminders")
    assert len(mailoutbox) == 1


def test_inspectors_are_reminded_of_comments_to_answer(inspector, ovr_vr13, round_2013, mailoutbox):
    item = send(inspector).items.first()
    verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Klopt niet.")
    call_command("send_reminders")
    assert inspector.email in [address for mail in mailoutbox for address in mail.to]


def test_no_reminders_when_the_deadline_is_far_away(inspector, round_2013, mailoutbox):
    round_2013.verification_deadline = timezone.localdate() + datetime.timedelta(days=30)
    round_2013.save()
    send(inspector)
    call_command("send_reminders")
    assert mailoutbox == []


def test_the_region_page_links_to_the_findings_once_they_are_sent(client_for, inspector, ovr_vr13):
    assert "/findings/icms-2013/VR13/" not in client_for(ovr_vr13).get("/regions/VR13/").content.decode()
    send(inspector)
    assert "/findings/icms-2013/VR13/" in client_for(ovr_vr13).get("/regions/VR13/").content.decode()
