"""An inspector changes the party a respondent responds for on the people page (people.views.person_party,
people.services.party_change): the memberships are replaced, several parties need a confirmation, the log says so."""

import pytest
from django.urls import reverse

from accounts.models import EventLog
from tests.factories import parties

pytestmark = pytest.mark.django_db


def party_url(user) -> str:
    return reverse("people:party", args=[user.pk])


def test_the_people_page_links_a_respondents_party_change_but_not_an_inspectors(client_for, inspector, ovr_vr13):
    page = client_for(inspector).get(reverse("people:list")).content.decode()
    assert party_url(ovr_vr13) in page and party_url(inspector) not in page


def test_an_inspector_moves_a_contact_person_to_another_region_and_they_see_only_that_one(client, inspector, contact_vr13):
    client.force_login(inspector)
    page = client.get(party_url(contact_vr13)).content.decode()
    assert 'type="radio" name="subjects" value="VR13"' in page
    response = client.post(party_url(contact_vr13), {"subjects": ["VR07"]}, follow=True)
    assert "reageert nu voor VR07" in response.content.decode()
    assert parties(contact_vr13) == ["VR07"]
    client.force_login(contact_vr13)
    assert client.get(reverse("regions:detail", args=["VR07"])).status_code == 200
    assert client.get(reverse("regions:detail", args=["VR13"])).status_code == 404


def test_the_change_is_logged_with_the_parties_before_and_after(client_for, inspector, rmc_11):
    client_for(inspector).post(party_url(rmc_11), {"subjects": ["B43"]})
    entry = EventLog.objects.order_by("-id").first()
    assert entry.action == "account.party" and entry.actor == inspector
    assert entry.target.endswith("B11 → B43")
    page = client_for(inspector).get(reverse("people:log")).content.decode()
    assert "partij gewijzigd" in page


def test_a_second_region_for_an_ovr_asks_for_confirmation_first(client_for, inspector, ovr_vr13):
    client = client_for(inspector)
    response = client.post(party_url(ovr_vr13), {"subjects": ["VR13", "VR14"]})
    assert response.status_code == 400
    assert "krijgt meer dan één partij: VR13, VR14. Bevestig dat dit de bedoeling is." in response.content.decode()
    assert parties(ovr_vr13) == ["VR13"]
    assert client.post(party_url(ovr_vr13), {"subjects": ["VR13", "VR14"], "several": "on"}).status_code == 302
    assert parties(ovr_vr13) == ["VR13", "VR14"]


def test_a_contact_person_never_gets_two_regions_even_when_confirmed(client_for, inspector, contact_vr13):
    response = client_for(inspector).post(party_url(contact_vr13), {"subjects": ["VR07", "VR08"], "several": "on"})
    assert response.status_code == 400
    assert "hoort bij één partij; u koos er 2 (VR07, VR08)" in response.content.decode()
    assert parties(contact_vr13) == ["VR13"]


def test_a_party_of_another_kind_or_none_at_all_is_refused(client_for, inspector, rmc_11):
    client = client_for(inspector)
    assert client.post(party_url(rmc_11), {"subjects": ["VR07"]}).status_code == 400
    assert "Kies ten minste één partij." in client.post(party_url(rmc_11), {}).content.decode()
    assert parties(rmc_11) == ["B11"]


def test_the_same_party_again_changes_and_logs_nothing(client_for, inspector, ovr_vr13):
    client = client_for(inspector)
    before = EventLog.objects.count()
    response = client.post(party_url(ovr_vr13), {"subjects": ["VR13"]}, follow=True)
    assert "niet gewijzigd" in response.content.decode()
    assert EventLog.objects.count() == before


def test_an_inspector_or_a_ministry_account_has_no_party_to_change(client_for, inspector, ministry):
    assert client_for(inspector).get(party_url(ministry)).status_code == 404
