import pytest
from django.core.exceptions import ValidationError

from findings.models import VerificationStatus
from findings.services import response_reply, verification_respond, verification_send
from framework.models import Round
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db


def test_findings_cannot_be_sent_while_a_success_factor_has_no_finding(inspector, vr13):
    write_all(inspector)
    vr13.subject.findings.get(success_factor__code="3.4.1").delete()
    with pytest.raises(ValidationError, match="3.4.1"):
        verification_send(round=Round.objects.get(year=2013), subject=vr13.subject, by=inspector)


def test_sending_freezes_each_finding_as_it_was_sent(inspector):
    verification = send(inspector)
    assert verification.status == VerificationStatus.AWAITING
    assert verification.items.count() == 9
    assert verification.items.first().sent_text.startswith("Bevinding 3.")


def test_a_comment_opens_the_verification_and_agreeing_with_everything_else_leaves_it_open(inspector, ovr_vr13):
    verification = send(inspector)
    first, *rest = verification.items.all()
    verification_respond(item=first, by=ovr_vr13, kind="comment", comment="Wij hebben twee OVR's.")
    for item in rest:
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.COMMENTS_OPEN


def test_answering_the_last_comment_makes_the_region_verified_and_keeps_the_sent_text(inspector, ovr_vr13):
    verification = send(inspector)
    first, *rest = verification.items.all()
    comment = verification_respond(item=first, by=ovr_vr13, kind="comment", comment="Wij hebben twee OVR's.")
    for item in rest:
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    response_reply(response=comment, by=inspector, reply="Aangepast.", resolution="amended", text="Twee OVR's.")
    verification.refresh_from_db()
    first.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED
    assert first.finding.text == "Twee OVR's."
    assert first.sent_text == "Bevinding 3.1.1."
    assert first.finding.history.first().history_user == inspector


def test_a_comment_needs_text(inspector, ovr_vr13):
    item = send(inspector).items.first()
    with pytest.raises(ValidationError):
        verification_respond(item=item, by=ovr_vr13, kind="comment", comment="  ")


def test_nobody_can_respond_after_the_region_is_verified(inspector, ovr_vr13):
    verification = send(inspector)
    for item in verification.items.all():
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    with pytest.raises(ValidationError):
        verification_respond(item=verification.items.first(), by=ovr_vr13, kind="comment", comment="Toch niet.")


def test_amending_without_changing_the_text_is_refused(inspector, ovr_vr13):
    item = send(inspector).items.first()
    comment = verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Onjuist.")
    with pytest.raises(ValidationError):
        response_reply(response=comment, by=inspector, reply="Aangepast.", resolution="amended", text=item.finding.text)


def test_a_brigade_is_verified_by_its_rmc(inspector, rmc_11):
    verification = send(inspector, brigade=11)
    assert verification.items.count() == 2
    for item in verification.items.all():
        verification_respond(item=item, by=rmc_11, kind="agree")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED
