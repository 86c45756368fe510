"""The inspectors' round pages: the next round made in the interface, its parties, deadlines and respondents, and
opening and closing it against its checklist."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from assessments.rounds import round_create
from assessments.services import assessment_start
from assessments.worklist import work_items
from findings.reminders import reminders_send
from framework.models import Framework, Round, RoundParty
from tests.factories import FrameworkFactory, RoundFactory, UserFactory, subject

ROUNDS = "/rounds/"
ROUND_2016 = "/rounds/icms-2016/"


@pytest.fixture
def round_2016(db) -> Round:
    return round_create(framework=Framework.objects.get(code="icms"), year=2016, source=Round.objects.get(code="icms-2013"))


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(response.content.decode()))


def party_row(html: str, code: str) -> str:
    return html.split(f'id="party-{code}"')[1].split("</tr>")[0]


def setup_post(client, *, parties: dict[str, str], submission="2016-04-01", verification="2016-06-01"):
    data = {"submission_deadline": submission, "verification_deadline": verification}
    for code, deadline in parties.items():
        data[f"party-{code}"] = "on"
        data[f"deadline-{code}"] = deadline
    return client.post(ROUND_2016, data)


# --- the list and the next round ------------------------------------------------------------------------------


def test_the_rounds_page_lists_every_framework_with_its_rounds_status_and_questionnaires(client_for, inspector):
    html = text(client_for(inspector).get(ROUNDS))
    assert "Intensivering Civiel-Militaire Samenwerking" in html
    row = html.split('href="/rounds/icms-2013/">icms-2013</a>')[1].split("</tr>")[0]
    assert "eindmeting" in row and "open" in row
    assert re.search(r'class="text-end">2</td>', row), row  # a region and a brigade questionnaire
    assert "Volgende meting maken" in html


def test_an_inspector_makes_the_next_round_in_the_interface_and_lands_on_its_setup(client_for, inspector):
    client = client_for(inspector)
    response = client.post(ROUNDS, {"framework": "icms", "year": "2016", "source": "icms-2013", "kind": "vervolgmeting"})
    assert response.status_code == 302 and response["Location"] == ROUND_2016
    round = Round.objects.get(code="icms-2016")
    assert (round.status, round.predecessor.code) == ("planned", "icms-2013")
    html = text(client.get(ROUND_2016))
    assert "Meting icms-2016" in html and "vervolg op icms-2013" in html
    assert "Download XLSX" in html and "Controleren en laden" in html


def test_the_next_round_form_refuses_in_dutch_what_cannot_be(client_for, inspector):
    response = client_for(inspector).post(ROUNDS, {"framework": "icms", "year": "2013", "source": "icms-2009",
                                                   "kind": "vervolgmeting"})
    assert response.status_code == 400
    assert "Meting icms-2013 bestaat al." in text(response)


@pytest.mark.parametrize("extra", [0, 6])
def test_the_rounds_page_takes_a_fixed_number_of_queries(client_for, inspector, extra, django_assert_num_queries):
    for n in range(extra):
        framework = FrameworkFactory(code=f"extra{n}")
        for year in (2010, 2014):
            RoundFactory(framework=framework, year=year)
    client = client_for(inspector)
    # session, user, frameworks, their rounds, and the form's choices of framework and round (each read twice by
    # the form's rendering).
    with django_assert_num_queries(8):
        assert client.get(ROUNDS).status_code == 200


# --- parties, deadlines and respondents -----------------------------------------------------------------------


def test_a_new_round_takes_every_region_and_brigade_with_their_respondents_and_an_invitation_link(
    client_for, inspector, round_2016, ovr_vr13, contact_vr13, rmc_11
):
    html = text(client_for(inspector).get(ROUND_2016))
    assert "28 partijen nemen deel" in html and "alle regio's en brigades" in html
    assert 'name="party-VR13" class="form-check-input" id="id_party-VR13" checked' in html
    row = party_row(html, "VR13")
    assert "ovr.vr13" in row or ovr_vr13.get_full_name() in row
    assert contact_vr13.get_full_name() in row
    assert '/accounts/invite/?subject=VR13' in row
    assert rmc_11.get_full_name() in party_row(html, "B11")
    assert "geen respondent" in party_row(html, "VR01")
    assert "Geen respondent voor: VR01" in html


def test_inspectors_choose_parties_and_a_deadline_per_party_shown_on_fieldwork_and_the_respondents_home(
    client_for, inspector, round_2016, ovr_vr13, ovr_vr14
):
    client = client_for(inspector)
    response = setup_post(client, parties={"VR13": "2016-03-15", "VR14": ""})
    assert response.status_code == 302
    round = Round.objects.get(pk=round_2016.pk)
    assert (round.submission_deadline, round.verification_deadline) == (datetime.date(2016, 4, 1), datetime.date(2016, 6, 1))
    assert dict(RoundParty.objects.filter(round=round).values_list("subject__code", "deadline")) == {
        "VR13": datetime.date(2016, 3, 15), "VR14": None}
    html = text(client.get(ROUND_2016))
    assert "2 partijen nemen deel" in html
    assert "checked" not in party_row(html, "VR01").split("</td>")[0]

    rows = text(client.get(reverse("assessments:fieldwork") + "?round=icms-2016"))
    assert "VR01" not in rows
    assert "15 maart 2016" in rows.split("VR13")[1].split("</tr>")[0]
    assert "1 april 2016" in rows.split("VR14")[1].split("</tr>")[0]

    round.status = "open"
    round.save()
    [item] = work_items(ovr_vr13, round)
    assert "indienen vóór 15 maart 2016" in item["detail"]
    [item] = work_items(ovr_vr14, round)
    assert "indienen vóór 1 april 2016" in item["detail"]


def test_setup_refuses_in_dutch_and_saves_nothing(client_for, inspector, round_2016, ovr_vr13):
    client = client_for(inspector)
    response = setup_post(client, parties={}, submission="2016-06-01", verification="2016-04-01")
    assert response.status_code == 400
    html = text(response)
    assert "Kies ten minste één partij" in html and "De deadline verificatie ligt vóór de deadline indienen." in html
    assert not RoundParty.objects.exists()
    assert Round.objects.get(pk=round_2016.pk).submission_deadline is None


def test_a_party_that_started_its_questionnaire_stays(client_for, inspector, round_2016, ovr_vr13):
    assessment_start(round=round_2016, subject=subject("VR13"), by=ovr_vr13)
    response = setup_post(client_for(inspector), parties={"VR14": ""})
    assert "VR13 heeft de vragenlijst al begonnen en blijft deelnemen." in text(response)
    assert not RoundParty.objects.exists()


@pytest.mark.parametrize("extra", [1, 15])
def test_the_round_page_takes_a_fixed_number_of_queries(client_for, inspector, round_2016, extra,
                                                        django_assert_num_queries):
    for n in range(extra):
        UserFactory(username=f"ovr.extra{n}", role=Role.OVR, regions=[subject(f"VR{n + 1:02d}").region])
    setup_post(client_for(inspector), parties={"VR01": "2016-03-01", "VR02": "", "B11": ""})
    client = client_for(inspector)
    # session, user; round; subjects with their deadlines; respondents (one query, by membership); questionnaires; the
    # round's predecessor and framework for the heading.
    with django_assert_num_queries(8):
        assert client.get(ROUND_2016).status_code == 200


# --- opening and closing --------------------------------------------------------------------------------------


def test_a_round_opens_only_when_its_checklist_holds_or_with_a_reason(client_for, inspector, round_2016, ovr_vr13):
    client = client_for(inspector)
    setup_post(client, parties={"VR13": ""}, verification="")
    response = client.post(f"{ROUND_2016}open/", follow=True)
    assert "De checklist is niet compleet: deadlines gezet" in text(response)
    assert Round.objects.get(pk=round_2016.pk).status == "planned"

    response = client.post(f"{ROUND_2016}open/", {"reason": "De verificatiedatum volgt."}, follow=True)
    assert "Meting icms-2016 is open" in text(response)
    round = Round.objects.get(pk=round_2016.pk)
    assert (round.status, round.open_override_reason) == ("open", "De verificatiedatum volgt.")


def test_a_round_with_a_complete_checklist_opens_without_a_reason(client_for, inspector, round_2016, ovr_vr13):
    client = client_for(inspector)
    setup_post(client, parties={"VR13": ""})
    html = text(client.get(ROUND_2016))
    assert "✗" not in html.split("Checklist voor openen")[1].split("</ul>")[0]
    client.post(f"{ROUND_2016}open/")
    round = Round.objects.get(pk=round_2016.pk)
    assert (round.status, round.open_override_reason) == ("open", "")
    assert "Meting sluiten" in text(client.get(ROUND_2016))


def test_closing_a_round_asks_for_confirmation(client_for, inspector):
    client = client_for(inspector)
    response = client.post("/rounds/icms-2013/close/", follow=True)
    assert "Bevestig dat u de meting wilt sluiten." in text(response)
    assert Round.objects.get(code="icms-2013").status == "open"
    client.post("/rounds/icms-2013/close/", {"confirm": "on"})
    assert Round.objects.get(code="icms-2013").status == "closed"


def test_a_published_round_is_not_set_up_any_more(client_for, inspector):
    Round.objects.filter(code="icms-2009").update(published_at=timezone.now())
    response = client_for(inspector).post("/rounds/icms-2009/", {"party-VR13": "on"})
    assert response.status_code == 400
    assert "is gepubliceerd en ligt vast" in text(response)
    assert not RoundParty.objects.exists()


# --- reminders ------------------------------------------------------------------------------------------------


def test_reminders_use_each_partys_own_deadline(client_for, inspector, round_2016, ovr_vr13, ovr_vr14):
    today = timezone.localdate()
    setup_post(client_for(inspector), parties={"VR13": (today + datetime.timedelta(days=3)).isoformat(), "VR14": ""},
               submission=(today + datetime.timedelta(days=40)).isoformat(),
               verification=(today + datetime.timedelta(days=60)).isoformat())
    for user, code in ((ovr_vr13, "VR13"), (ovr_vr14, "VR14")):
        assessment_start(round=round_2016, subject=subject(code), by=user)
    sent = reminders_send(round=round_2016, days=7)
    assert sent == [ovr_vr13]
    assert "Vragenlijst VR13 is nog niet ingediend" in mail.outbox[0].body
