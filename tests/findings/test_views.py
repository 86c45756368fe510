import pytest
from django.urls import reverse

from findings.models import Finding, VerificationStatus
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db

VR13 = "/findings/icms-2013/VR13/"


def test_an_inspector_writes_a_finding_and_its_judgment_on_the_region_page(client_for, inspector):
    client = client_for(inspector)
    response = client.post(VR13 + "3.4.1/", {"text": "Geen vaste plaats in het beleidsteam.", "judgment": "voldoet_gedeeltelijk", "revision": 0})
    assert response.status_code == 302
    assert response["Location"].endswith("#csf-3-4-1")
    finding = Finding.objects.get(subject__code="VR13", success_factor__code="3.4.1")
    assert (finding.text, finding.judgment) == ("Geen vaste plaats in het beleidsteam.", "voldoet_gedeeltelijk")
    assert "Geen vaste plaats in het beleidsteam." in client.get(VR13).content.decode()


def test_saving_with_htmx_returns_the_card_of_that_factor_only(client_for, inspector):
    response = client_for(inspector).post(
        VR13 + "3.4.1/", {"text": "Tekst.", "judgment": "voldoet", "revision": 0}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert 'id="csf-3-4-1"' in html
    assert "opgeslagen" in html
    assert "<html" not in html


def test_a_stale_save_is_refused_and_shows_both_texts(client_for, inspector):
    client = client_for(inspector)
    client.post(VR13 + "3.4.1/", {"text": "Eerste.", "judgment": "voldoet", "revision": 0})
    client.post(VR13 + "3.4.1/", {"text": "Tweede.", "judgment": "voldoet", "revision": 1})
    response = client.post(VR13 + "3.4.1/", {"text": "Derde.", "judgment": "voldoet", "revision": 1})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tweede." in html and "Derde." in html
    assert Finding.objects.get(subject__code="VR13", success_factor__code="3.4.1").text == "Tweede."


def test_the_region_page_shows_the_suggested_judgment_beside_the_finding(client_for, inspector):
    html = client_for(inspector).get(VR13).content.decode()
    assert "Voorgesteld oordeel" in html


def test_an_ovr_does_not_see_draft_findings_before_they_are_sent(client_for, inspector, ovr_vr13):
    write_all(inspector)
    html = client_for(ovr_vr13).get(VR13).content.decode()
    assert "nog niet ter verificatie voorgelegd" in html
    assert "Bevinding 3.4.1." not in html


def test_an_ovr_sees_the_findings_once_sent_and_may_respond(client_for, inspector, ovr_vr13):
    send(inspector)
    html = client_for(ovr_vr13).get(VR13).content.decode()
    assert "Bevinding 3.4.1." in html
    assert "Reactie opslaan" in html


def test_an_ovr_cannot_see_another_regions_findings(client_for, inspector, ovr_vr13):
    send(inspector, code="VR14")
    assert client_for(ovr_vr13).get("/findings/icms-2013/VR14/").status_code == 404


def test_an_ovr_cannot_change_a_finding(client_for, inspector, ovr_vr13):
    send(inspector)
    response = client_for(ovr_vr13).post(VR13 + "3.4.1/", {"text": "Alles in orde.", "judgment": "voldoet", "revision": 1})
    assert response.status_code == 403
    assert Finding.objects.get(subject__code="VR13", success_factor__code="3.4.1").text == "Bevinding 3.4.1."


def test_ministry_staff_never_see_one_regions_findings(client_for, inspector, ministry):
    send(inspector)
    assert client_for(ministry).get(VR13).status_code == 404


def test_the_verification_journey_through_the_pages(client, inspector, ovr_vr13):
    send(inspector)
    client.force_login(ovr_vr13)
    items = list(ovr_vr13.memberships.get().subject.verifications.get().items.all())
    client.post(reverse("findings:item_respond", args=[items[0].pk]), {"kind": "comment", "comment": "Twee OVR's."})
    for item in items[1:]:
        client.post(reverse("findings:item_respond", args=[item.pk]), {"kind": "agree"})
    response = items[0].responses.get()
    client.force_login(inspector)
    assert "Twee OVR&#x27;s." in client.get(VR13).content.decode()
    client.post(reverse("findings:response_reply", args=[response.pk]), {"reply": "Klopt, aangepast.", "resolution": "amended",
                                                                         "text": "Twee OVR's.", "judgment": "voldoet"})
    verification = items[0].verification
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED
    client.force_login(ovr_vr13)
    html = client.get(VR13).content.decode()
    assert "Zoals verstuurd" in html
    assert "Klopt, aangepast." in html


def test_a_comment_without_text_gets_a_dutch_error_and_saves_nothing(client_for, inspector, ovr_vr13):
    item = send(inspector).items.first()
    response = client_for(ovr_vr13).post(reverse("findings:item_respond", args=[item.pk]), {"kind": "comment"}, follow=True)
    assert "Schrijf uw opmerking" in response.content.decode()
    assert not item.responses.exists()


def test_an_rmc_sees_and_verifies_their_brigade_but_not_another(client_for, inspector, rmc_11, rmc_43):
    verification = send(inspector, brigade=11)
    client = client_for(rmc_11)
    assert "Bevinding 3.3.1." in client.get("/findings/icms-2013/B11/").content.decode()
    client.post(reverse("findings:item_respond", args=[verification.items.first().pk]), {"kind": "agree"})
    assert verification.items.first().responses.count() == 1
    assert client_for(rmc_43).get("/findings/icms-2013/B11/").status_code == 404


def test_the_old_brigade_address_leads_to_the_brigade_findings(client_for, inspector, rmc_11):
    send(inspector, brigade=11)
    client = client_for(rmc_11)
    response = client.get("/findings/2013/brigades/11/")
    assert (response.status_code, response["Location"]) == (301, "/findings/icms-2013/B11/")
    assert client.get("/findings/2013/brigades/11/3.3.1/")["Location"] == "/findings/icms-2013/B11/3.3.1/"
    assert "Bevinding 3.3.1." in client.get("/findings/2013/brigades/11/", follow=True).content.decode()


def test_a_ministry_reader_sees_the_conclusion_but_not_the_regional_evidence(client_for, inspector, ministry):
    from framework.models import Round
    from national.services import preview_share

    write_all(inspector)
    preview_share(round=Round.objects.get(year=2013), by=inspector)
    html = client_for(ministry).get("/national/icms-2013/3.4.1/").content.decode()
    assert "Bevinding 3.4.1." not in html
    assert "voorbehouden aan de inspectie" in html


def test_an_inspector_goes_from_a_conclusion_down_to_the_regional_findings(client_for, inspector):
    write_all(inspector)
    html = client_for(inspector).get("/national/icms-2013/3.4.1/").content.decode()
    assert "Bevinding 3.4.1." in html
    assert "/findings/icms-2013/VR13/3.4.1/" in html


@pytest.mark.parametrize("responded", [1, 9])
def test_the_region_page_takes_a_fixed_number_of_queries(client_for, inspector, ovr_vr13, responded, django_assert_num_queries):
    from findings.services import verification_respond

    for item in list(send(inspector).items.all())[:responded]:
        verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Opmerking.")
    client = client_for(inspector)
    client.get(VR13)
    # 17: three of them read the factors' criteria, the questionnaire's questions (the normed ones not yet answered
    # are named in the suggestion) and whether the round's questionnaire is a reconstruction.
    with django_assert_num_queries(17):
        assert client.get(VR13).status_code == 200
