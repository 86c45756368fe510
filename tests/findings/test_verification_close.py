"""An inspector closes a verification a respondent leaves unanswered, with a reason that everyone then sees."""

import pytest
from django.urls import reverse

from findings.models import VerificationStatus
from findings.services import verification_respond
from tests.findings.helpers import send

pytestmark = pytest.mark.django_db

PAGE = reverse("findings:subject", args=["icms-2013", "VR13"])
CLOSE = reverse("findings:close", args=["icms-2013", "VR13"])


def test_the_inspector_closes_the_verification_from_the_findings_page_and_the_reason_is_shown(
    client_for, inspector, ovr_vr13, contact_vr13
):
    verification = send(inspector)
    for item in verification.items.all():
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    client = client_for(inspector)
    html = client.get(PAGE).content.decode()
    assert 'id="verification-close"' in html
    # The inspector sees whom the verification still waits for: the contact person, not the OVR.
    pending = html.split('id="verification-pending"')[1].split("</p>")[0]
    assert str(contact_vr13) in pending and str(ovr_vr13) not in pending

    response = client.post(CLOSE, {"reason": "De contactpersoon reageert na twee herinneringen niet."})
    assert response.status_code == 302 and response["Location"].endswith("#verificatie")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED
    assert verification.closed_by == inspector

    html = client.get(response["Location"]).content.decode()
    assert "De verificatie is afgesloten." in html
    assert 'id="verification-close"' not in html
    # The respondents see the status and why it was closed.
    html = client_for(contact_vr13).get(PAGE).content.decode()
    assert "geverifieerd" in html
    assert "Afgesloten door de inspectie" in html
    assert "De contactpersoon reageert na twee herinneringen niet." in html


def test_closing_without_a_reason_is_refused_in_dutch_and_the_verification_stays_open(client_for, inspector):
    verification = send(inspector)
    client = client_for(inspector)
    response = client.post(CLOSE, {"reason": "  "})
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.AWAITING
    assert "Geef een reden op waarom u de verificatie afsluit." in client.get(response["Location"]).content.decode()


def test_the_respondents_get_no_close_form(client_for, inspector, ovr_vr13):
    send(inspector)
    assert 'id="verification-close"' not in client_for(ovr_vr13).get(PAGE).content.decode()
