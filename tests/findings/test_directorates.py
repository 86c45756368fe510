"""A Defence directorate (DOPS, DJZ, CLAS) is audited by interview: the inspector writes the interview report, sends
it for verification, the directorate's contact person agrees or comments, the inspector answers — through the same
services and pages as a region's findings. It has no questionnaire and no findings per success factor."""

import re

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from findings.models import InterviewReport, Verification, VerificationStatus
from findings.services import finding_save, report_save, verification_send
from framework.models import Round, SuccessFactor
from regions.models import Subject
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/findings/icms-2013/DOPS/"
REPORT = {
    "held_on": "2013-04-09",
    "participants": "Stafofficier militaire bijstand en steunverlening (DOPS)",
    "text": "DOPS geeft toestemming voor de inzet na de formele aanvraag.",
    "revision": "0",
}


def dops() -> Subject:
    return Subject.objects.get(code="DOPS")


def round_2013() -> Round:
    return Round.objects.get(year=2013)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_clas_is_the_third_directorate_beside_dops_and_djz():
    assert list(Subject.objects.filter(kind="directorate").values_list("code", flat=True)) == ["DOPS", "DJZ", "CLAS"]
    assert Subject.objects.get(code="CLAS").name == "Commando Landstrijdkrachten (CLAS)"


def test_the_full_verification_cycle_of_dops_through_the_pages(client, inspector, contact_dops):
    # The inspector writes the interview report and sends it.
    client.force_login(inspector)
    assert client.post(PAGE + "report/", REPORT).status_code == 302
    response = client.post(PAGE + "send/", follow=True)
    assert "Het gespreksverslag is ter verificatie voorgelegd aan de directie." in response.content.decode()
    verification = Verification.objects.get(round=round_2013(), subject=dops())
    assert verification.status == VerificationStatus.AWAITING
    item = verification.items.get()
    assert item.report_id and item.sent_text == REPORT["text"]

    # The directorate's contact person reads it and comments.
    client.force_login(contact_dops)
    page = text(client.get(PAGE).content.decode())
    assert REPORT["text"] in page and "Uw reactie" in page
    assert "alleen het gespreksverslag" in page
    response = client.post(f"/findings/verification/items/{item.pk}/", {"kind": "comment", "comment": "Graag verduidelijken."})
    assert response.status_code == 302
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.COMMENTS_OPEN
    comment = item.responses.get()

    # The inspector answers and amends the report; every item answered: verified.
    client.force_login(inspector)
    amended = REPORT["text"] + " De gereedstelling gaat daaraan vooraf."
    response = client.post(
        f"/findings/verification/responses/{comment.pk}/reply/",
        {"reply": "Verduidelijkt.", "resolution": "amended", "text": amended, "judgment": "", "revision": "1"},
    )
    assert response.status_code == 302
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED
    assert InterviewReport.objects.get(subject=dops()).text == amended

    # The contact person sees the outcome: as sent beside the current text, with the inspector's answer.
    client.force_login(contact_dops)
    page = text(client.get(PAGE).content.decode())
    assert "geverifieerd" in page
    assert "Zoals verstuurd" in page and amended in page and "Verduidelijkt." in page
    assert "Uw reactie" not in page


def test_nothing_is_sent_for_a_directorate_without_its_interview_report(inspector):
    with pytest.raises(ValidationError, match="gespreksverslag"):
        verification_send(round=round_2013(), subject=dops(), by=inspector)
    assert not Verification.objects.filter(subject=dops(), status=VerificationStatus.AWAITING).exists()


def test_a_directorate_is_not_judged_per_success_factor(client_for, inspector):
    with pytest.raises(ValidationError):
        finding_save(round=round_2013(), subject=dops(), success_factor=SuccessFactor.objects.get(code="3.4.1"),
                     text="Tekst.", judgment="voldoet", by=inspector)
    page = text(client_for(inspector).get(PAGE).content.decode())
    assert "Een directie wordt niet per kritische succesfactor beoordeeld" in page
    assert "Bevindingen en oordelen per kritische succesfactor" not in page


def test_the_contact_person_reads_the_report_only_once_it_is_sent(client_for, inspector, contact_dops):
    report_save(round=round_2013(), subject=dops(), held_on=None, participants="DOPS", text="Nog een concept.", by=inspector)
    page = text(client_for(contact_dops).get(PAGE).content.decode())
    assert "nog niet ter verificatie voorgelegd" in page
    assert "Nog een concept." not in page


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/regions/DOPS/", 200),
        (PAGE, 200),
        ("/", 200),
        ("/regions/DJZ/", 404),
        ("/findings/icms-2013/CLAS/", 404),
        ("/regions/VR13/", 404),
        ("/findings/icms-2013/VR13/", 404),
        ("/regions/B11/", 404),
        ("/assessments/icms-2013/DOPS/", 404),
        ("/assessments/icms-2013/VR13/", 404),
        ("/regions/", 403),
        ("/national/", 403),
        ("/findings/", 403),
        ("/assessments/fieldwork/", 403),
        (PAGE + "report/", 403),
    ],
)
def test_the_contact_person_of_dops_sees_dops_and_nothing_else(client_for, contact_dops, url, status):
    assert client_for(contact_dops).get(url).status_code == status


@pytest.mark.parametrize("persona", ["ovr_vr13", "contact_vr13", "rmc_11", "ministry"])
def test_no_region_brigade_or_ministry_user_ever_sees_a_directorate(client_for, request, inspector, persona):
    report_save(round=round_2013(), subject=dops(), held_on=None, participants="DOPS", text="Verslag.", by=inspector)
    verification_send(round=round_2013(), subject=dops(), by=inspector)
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/regions/DOPS/").status_code == 404
    assert client.get(PAGE).status_code == 404
    assert "DOPS" not in client.get("/").content.decode()


def test_a_directorate_contact_without_a_directorate_sees_and_verifies_nothing(client_for, inspector):
    # The scope is a membership now (regions.Membership): without one the account reaches no party at all.
    report_save(round=round_2013(), subject=dops(), held_on=None, participants="DOPS", text="Verslag.", by=inspector)
    verification_send(round=round_2013(), subject=dops(), by=inspector)
    client = client_for(UserFactory(username="zonder.directie", role=Role.DIRECTORATE))
    assert client.get("/regions/DOPS/").status_code == 404
    assert client.get(PAGE).status_code == 404
    assert "DOPS" not in client.get("/").content.decode()


def test_the_work_lists_name_the_waiting_report(client_for, inspector, contact_dops):
    report_save(round=round_2013(), subject=dops(), held_on=None, participants="DOPS", text="Verslag.", by=inspector)
    verification_send(round=round_2013(), subject=dops(), by=inspector)
    assert "Gespreksverslag DOPS verifiëren" in client_for(contact_dops).get("/").content.decode()
    home = client_for(inspector).get("/").content.decode()
    assert "Gespreksverslag Directie Operaties (DOPS) wacht op de directie" in home


def test_the_findings_overview_lists_a_directorate_with_a_report(client_for, inspector):
    overview = client_for(inspector).get("/findings/").content.decode()
    assert "In deze meting is nog geen gesprek met een directie vastgelegd." in overview
    report_save(round=round_2013(), subject=dops(), held_on=None, participants="DOPS", text="Verslag.", by=inspector)
    section = client_for(inspector).get("/findings/").content.decode().split('id="directies"')[1].split("</table>")[0]
    assert PAGE in section
    assert "/findings/icms-2013/DJZ/" not in section


# --- the demo -----------------------------------------------------------------------------------------------------


@pytest.fixture
def demo(demo_data, db):
    return None


def test_the_demo_has_the_three_directorates_interviewed_and_verified_in_2013(demo):
    for code in ("DOPS", "DJZ", "CLAS"):
        report = InterviewReport.objects.get(round__year=2013, subject__code=code)
        assert report.held_on.year == 2013 and 3 <= report.held_on.month <= 6, code
        assert report.participants and code in report.text, code
        verification = Verification.objects.get(round__year=2013, subject__code=code)
        assert verification.status == VerificationStatus.VERIFIED, code
        assert verification.sent_at.year == 2013 and verification.verified_at.year == 2013, code
        assert report.held_on < verification.sent_at.date() < verification.verified_at.date(), code
        assert all(h.history_date.year == 2013 for h in verification.history.all()), code
        response = verification.items.get().responses.get()
        assert response.respondent.username == f"contact.{code.lower()}", code


def test_the_demo_shows_dops_comment_answered_and_the_report_amended(demo, client):
    from accounts.models import User

    client.force_login(User.objects.get(username="contact.dops"))
    page = text(client.get(PAGE).content.decode())
    assert "Zoals verstuurd" in page
    assert "Graag verduidelijken dat de gereedstelling" in page
    assert "9 april 2013" in page and "geverifieerd" in page


@pytest.mark.parametrize("code", ["DOPS", "DJZ", "CLAS"])
def test_each_demo_contact_sees_only_their_own_directorate(demo, client, code):
    from accounts.models import User

    client.force_login(User.objects.get(username=f"contact.{code.lower()}"))
    assert client.get(f"/findings/icms-2013/{code}/").status_code == 200
    for other in {"DOPS", "DJZ", "CLAS"} - {code}:
        assert client.get(f"/findings/icms-2013/{other}/").status_code == 404
    assert client.get("/findings/icms-2013/VR13/").status_code == 404
