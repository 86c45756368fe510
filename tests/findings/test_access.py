"""One access answer per subject's findings and request (`findings.access.findings_access`): what each role may do
with VR13's findings before and after they are sent, and the findings page that reads it."""

import pytest

from findings.access import findings_access
from findings.models import Verification, VerificationStatus
from tests.factories import subject
from tests.findings.helpers import send, write_all

VR13 = "/findings/icms-2013/VR13/"

# Per persona: sees drafts, shown, edit, reply, respond.
BEFORE_SENDING = {
    "inspector": (True, True, True, True, False),
    "ovr_vr13": (False, False, False, False, False),
    "contact_vr13": (False, False, False, False, False),
    "ovr_vr14": (False, False, False, False, False),
    "rmc_11": (False, False, False, False, False),
    "ministry": (False, False, False, False, False),
}
SENT = {
    **BEFORE_SENDING,
    "ovr_vr13": (False, True, False, False, True),
    "contact_vr13": (False, True, False, False, True),
    # Shown (the verification is sent) only matters to who may open the page: the lookup answers 404 to these.
    "ovr_vr14": (False, True, False, False, False),
    "rmc_11": (False, True, False, False, False),
    "ministry": (False, True, False, False, False),
}


def _answer(access) -> tuple:
    return (access.sees_drafts, access.shown, access.can_edit, access.can_reply, access.can_respond)


@pytest.mark.parametrize("persona", list(BEFORE_SENDING))
def test_each_role_gets_its_answer_before_the_findings_are_sent(persona, inspector, request):
    write_all(inspector)
    user = request.getfixturevalue(persona)
    assert _answer(findings_access(user, subject("VR13"), None)) == BEFORE_SENDING[persona]


@pytest.mark.parametrize("persona", list(SENT))
def test_each_role_gets_its_answer_once_the_findings_are_sent(persona, inspector, request):
    verification = send(inspector)
    user = request.getfixturevalue(persona)
    assert _answer(findings_access(user, subject("VR13"), verification)) == SENT[persona]


def test_a_verified_subject_takes_no_more_responses(inspector, ovr_vr13):
    verification = send(inspector)
    Verification.objects.filter(pk=verification.pk).update(status=VerificationStatus.VERIFIED)
    verification.refresh_from_db()
    access = findings_access(ovr_vr13, subject("VR13"), verification)
    assert access.shown and not access.can_respond


@pytest.mark.parametrize("persona", ["ovr_vr14", "rmc_11", "ministry"])
def test_who_may_not_see_the_findings_gets_a_404(persona, inspector, client_for, request):
    send(inspector)
    assert client_for(request.getfixturevalue(persona)).get(VR13).status_code == 404


def test_the_findings_page_shows_the_respondent_what_the_answer_allows(inspector, ovr_vr13, client_for):
    client = client_for(ovr_vr13)
    assert "nog niet ter verificatie voorgelegd" in client.get(VR13).content.decode()
    send(inspector)
    html = client.get(VR13).content.decode()
    assert "Reactie opslaan" in html  # may respond
    assert "Antwoord aan de respondent" not in html and "Ter verificatie versturen" not in html


def test_the_findings_page_shows_the_inspector_what_the_answer_allows(inspector, ovr_vr13, client_for):
    from findings.services import verification_respond

    verification = send(inspector)
    verification_respond(item=verification.items.first(), by=ovr_vr13, kind="comment", comment="Klopt niet.")
    html = client_for(inspector).get(VR13).content.decode()
    assert "Antwoord aan de respondent" in html  # may reply
    assert "Reactie opslaan" not in html  # responding is the respondents'
    assert 'id="verification-close"' not in html  # a comment is open: answered first, then closed


@pytest.mark.parametrize("responded", [1, 9])
def test_the_respondents_findings_page_takes_a_fixed_number_of_queries(
    inspector, ovr_vr13, contact_vr13, client_for, responded, django_assert_max_num_queries
):
    from findings.services import verification_respond

    for item in list(send(inspector).items.all())[:responded]:
        verification_respond(item=item, by=contact_vr13, kind="comment", comment="Opmerking.")
    client = client_for(ovr_vr13)
    client.get(VR13)
    with django_assert_max_num_queries(18):
        assert client.get(VR13).status_code == 200
