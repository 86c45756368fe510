import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from findings.models import VerificationStatus
from findings.services import response_reply, verification_close, verification_respond, verification_send
from framework.models import Round
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db


def agree_to_everything(verification, respondent) -> None:
    """`respondent` agrees to every item of `verification`."""
    for item in verification.items.all():
        verification_respond(item=item, by=respondent, kind="agree")


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
    agree_to_everything(verification, ovr_vr13)
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
    agree_to_everything(verification, rmc_11)
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED


def test_a_region_with_two_respondents_is_not_verified_after_only_the_ovr_agreed_to_everything(
    inspector, ovr_vr13, contact_vr13
):
    verification = send(inspector)
    agree_to_everything(verification, ovr_vr13)
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.AWAITING
    agree_to_everything(verification, contact_vr13)
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED


def test_an_answered_comment_of_one_respondent_and_the_others_agreement_verify_the_region(
    inspector, ovr_vr13, contact_vr13
):
    verification = send(inspector)
    first, *rest = verification.items.all()
    comment = verification_respond(item=first, by=contact_vr13, kind="comment", comment="Klopt niet.")
    agree_to_everything(verification, ovr_vr13)
    for item in rest:
        verification_respond(item=item, by=contact_vr13, kind="agree")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.COMMENTS_OPEN
    response_reply(response=comment, by=inspector, reply="Gehandhaafd.", resolution="kept")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED


def test_the_inspector_closes_a_verification_a_respondent_leaves_unanswered_with_a_reason(
    inspector, ovr_vr13, contact_vr13
):
    verification = send(inspector)
    agree_to_everything(verification, ovr_vr13)
    verification_close(verification=verification, by=inspector, reason="De contactpersoon reageert niet.")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.VERIFIED
    assert verification.closed_by == inspector
    assert verification.closed_reason == "De contactpersoon reageert niet."
    assert verification.history.first().history_user == inspector
    with pytest.raises(ValidationError, match="afgerond"):
        verification_respond(item=verification.items.first(), by=contact_vr13, kind="agree")


def test_closing_a_verification_needs_a_reason(inspector):
    verification = send(inspector)
    with pytest.raises(ValidationError, match="reden"):
        verification_close(verification=verification, by=inspector, reason="   ")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.AWAITING


def test_closing_waits_for_the_open_comments_to_be_answered(inspector, ovr_vr13):
    verification = send(inspector)
    verification_respond(item=verification.items.first(), by=ovr_vr13, kind="comment", comment="Onjuist.")
    with pytest.raises(ValidationError, match="open opmerkingen"):
        verification_close(verification=verification, by=inspector, reason="Te laat.")


def test_a_respondent_cannot_close_the_verification(inspector, ovr_vr13):
    verification = send(inspector)
    with pytest.raises(PermissionDenied):
        verification_close(verification=verification, by=ovr_vr13, reason="Wij zijn klaar.")


def test_a_verification_of_a_published_round_cannot_be_closed(inspector):
    verification = send(inspector)
    Round.objects.filter(pk=verification.round_id).update(status="closed", published_at=timezone.now())
    with pytest.raises(ValidationError, match="gepubliceerd"):
        verification_close(verification=verification, by=inspector, reason="De OVR reageert niet.")
    verification.refresh_from_db()
    assert verification.closed_at is None
