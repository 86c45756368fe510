"""The verification form asks for an explicit choice per item: nothing is preselected, and a response without
a choice is refused with a Dutch message at that item, keeping what the respondent typed."""

import re

import pytest
from django.urls import reverse

from findings.models import VerificationResponse
from tests.findings.helpers import send

pytestmark = pytest.mark.django_db


def _item_html(html: str, pk: int) -> str:
    match = re.search(rf'<article class="verification-item[^"]*" id="item-{pk}".*?</article>', html, re.S)
    assert match, f"item {pk} not on the page"
    return match.group(0)


def test_no_response_is_preselected(client_for, inspector, ovr_vr13):
    verification = send(inspector)
    html = client_for(ovr_vr13).get(reverse("findings:subject", args=["icms-2013", "VR13"])).content.decode()
    radios = re.findall(r'<input[^>]*name="kind"[^>]*>', html)
    assert len(radios) == 2 * verification.items.count()
    assert not [radio for radio in radios if " checked" in radio]
    assert all(" required" in radio for radio in radios)


def test_a_response_without_a_choice_is_refused_at_its_item_in_dutch(client_for, inspector, ovr_vr13):
    first, second = send(inspector).items.all()[:2]
    client = client_for(ovr_vr13)
    response = client.post(reverse("findings:item_respond", args=[second.pk]), {"comment": "Nog even nadenken."})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{second.pk}")
    assert not VerificationResponse.objects.exists()

    html = client.get(response["Location"]).content.decode()
    item = _item_html(html, second.pk)
    assert "Kies bij dit onderdeel ‘akkoord’ of ‘opmerking’." in item
    assert 'aria-invalid="true"' in item
    assert "Nog even nadenken." in item  # what was typed is kept
    assert "Kies bij dit onderdeel" not in _item_html(html, first.pk)
    # Once shown, the refusal is gone on the next visit.
    assert "Kies bij dit onderdeel" not in client.get(response["Location"]).content.decode()


def test_an_explicit_agreement_is_saved_and_shown_checked(client_for, inspector, ovr_vr13):
    item = send(inspector).items.first()
    client = client_for(ovr_vr13)
    client.post(reverse("findings:item_respond", args=[item.pk]), {"kind": "agree", "comment": ""})
    assert VerificationResponse.objects.get(item=item, respondent=ovr_vr13).kind == "agree"
    html = _item_html(client.get(reverse("findings:subject", args=["icms-2013", "VR13"])).content.decode(), item.pk)
    assert re.search(r'<input[^>]*value="agree"[^>]*checked', html)
