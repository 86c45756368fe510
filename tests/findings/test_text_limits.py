"""Every free text has a length limit, the same in the form (max_length) and in the service (so in imports and
any other path too): one over-long text is refused everywhere with a Dutch message, and nothing is stored."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from assessments import values
from findings import forms
from findings.exchange import judgments_import_file
from findings.models import Finding, InterviewReport, VerificationResponse
from findings.services import (
    citation_add,
    finding_save,
    report_save,
    response_reply,
    verification_respond,
)
from framework.models import Round, SuccessFactor
from national.services import conclusion_save, draft_rule_create, follow_up_save, recommendation_save, round_publish
from tests.factories import RecommendationFactory
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db

FORMS = [
    (forms.FindingForm, "text", values.MAX_FINDING, {"judgment": "voldoet"}),
    (forms.ReportForm, "participants", values.MAX_PARTICIPANTS, {}),
    (forms.ReportForm, "text", values.MAX_REPORT, {}),
    (forms.RespondForm, "comment", values.MAX_VERIFICATION, {"kind": "comment"}),
    (forms.ReplyForm, "reply", values.MAX_VERIFICATION, {"resolution": "kept"}),
    (forms.ConclusionForm, "text", values.MAX_FINDING, {}),
    (forms.FollowUpForm, "explanation", values.MAX_EXPLANATION, {"status": "opgevolgd"}),
    (forms.PublishForm, "override_reason", values.MAX_REASON, {}),
]


@pytest.mark.parametrize(("form_class", "field", "limit", "rest"), FORMS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_each_form_takes_a_text_of_the_limit_and_refuses_one_more(form_class, field, limit, rest):
    assert form_class({**rest, field: "x" * limit}).errors.get(field) is None
    errors = form_class({**rest, field: "x" * (limit + 1)}).errors[field]
    assert any(f"niet meer dan {limit} tekens" in error for error in errors), errors


def test_the_forms_carry_the_limit_to_the_browser():
    html = str(forms.ReportForm()["participants"]) + str(forms.RespondForm()["comment"])
    assert f'maxlength="{values.MAX_PARTICIPANTS}"' in html and f'maxlength="{values.MAX_VERIFICATION}"' in html


def _refused(call) -> str:
    with pytest.raises(ValidationError) as error:
        call()
    message = " ".join(error.value.messages)
    assert "De tekst is te lang" in message, message
    return message


def test_a_10_mib_verification_comment_is_refused_by_the_service_and_the_page(inspector, ovr_vr13, client_for):
    item = send(inspector).items.first()
    huge = "x" * (10 * 1024 * 1024)
    _refused(lambda: verification_respond(item=item, by=ovr_vr13, kind="comment", comment=huge))
    response = client_for(ovr_vr13).post(f"/findings/verification/items/{item.pk}/", {"kind": "comment", "comment": huge})
    assert response.status_code == 302
    assert not VerificationResponse.objects.exists()


def test_the_inspectors_reply_is_limited(inspector, ovr_vr13):
    item = send(inspector).items.first()
    response = verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Klopt niet.")
    _refused(lambda: response_reply(response=response, by=inspector, reply="x" * (values.MAX_VERIFICATION + 1),
                                    resolution="kept"))
    # An amended finding's text meets the finding's limit.
    _refused(lambda: response_reply(response=response, by=inspector, reply="Aangepast.", resolution="amended",
                                    text="x" * (values.MAX_FINDING + 1)))
    response.refresh_from_db()
    assert response.replied_at is None


def test_a_finding_is_limited_in_the_service_and_so_in_the_judgments_import(inspector, vr13):
    round = Round.objects.get(year=2013)
    factor = SuccessFactor.objects.get(code="3.1.1")
    _refused(lambda: finding_save(round=round, subject=vr13.subject, success_factor=factor,
                                  text="x" * (values.MAX_FINDING + 1), judgment="voldoet", by=inspector))
    assert finding_save(round=round, subject=vr13.subject, success_factor=factor,
                        text="x" * values.MAX_FINDING, judgment="voldoet", by=inspector).pk
    body = f"region_code,csf,judgment,finding\nVR13,3.1.2,voldoet,{'y' * (values.MAX_FINDING + 1)}\n".encode()
    with pytest.raises(Exception, match="te lang"):
        judgments_import_file(name="oordelen.csv", data=body, round=round, by=inspector)
    assert not Finding.objects.filter(success_factor__code="3.1.2").exists()


def test_the_interview_report_is_limited(inspector, vr13):
    round = Round.objects.get(year=2013)
    save = {"round": round, "subject": vr13.subject, "held_on": datetime.date(2013, 3, 1), "by": inspector}
    _refused(lambda: report_save(**save, participants="x" * (values.MAX_PARTICIPANTS + 1), text="Verslag."))
    _refused(lambda: report_save(**save, participants="OVR", text="x" * (values.MAX_REPORT + 1)))
    assert not InterviewReport.objects.filter(subject=vr13.subject, round=round).exists()


def test_a_cited_passage_is_limited(inspector, vr13):
    finding = write_all(inspector)[0]
    report = report_save(round=finding.round, subject=vr13.subject, held_on=None, participants="OVR",
                         text="Kort verslag.", by=inspector)
    _refused(lambda: citation_add(by=inspector, finding=finding, report=report,
                                  passage="x" * (values.MAX_PASSAGE + 1)))


def test_the_national_texts_are_limited(inspector):
    round_2013 = Round.objects.get(year=2013)
    factor = SuccessFactor.objects.get(code="3.1.1")
    _refused(lambda: conclusion_save(round=round_2013, success_factor=factor, text="x" * (values.MAX_FINDING + 1),
                                     judgment="voldoet", by=inspector))
    _refused(lambda: recommendation_save(round=round_2013, text="x" * (values.MAX_RECOMMENDATION + 1),
                                         addressee="defensie", success_factors=[factor], region=None, by=inspector))
    earlier = RecommendationFactory(round=Round.objects.get(year=2009))
    _refused(lambda: follow_up_save(recommendation=earlier, round=round_2013, status="opgevolgd",
                                    explanation="x" * (values.MAX_EXPLANATION + 1), by=inspector))
    _refused(lambda: draft_rule_create(round=round_2013, success_factor=factor, kind="judgment_below",
                                       addressee="defensie", text_template="x" * (values.MAX_RECOMMENDATION + 1),
                                       by=inspector))
    _refused(lambda: round_publish(round=round_2013, by=inspector, override_reason="x" * (values.MAX_REASON + 1)))
    round_2013.refresh_from_db()
    assert round_2013.published_at is None


def test_a_text_is_stored_with_plain_line_breaks_so_a_browser_resubmitting_it_changes_nothing(inspector, vr13):
    round = Round.objects.get(year=2013)
    factor = SuccessFactor.objects.get(code="3.1.1")
    first = finding_save(round=round, subject=vr13.subject, success_factor=factor, text="Eén.\nTwee.",
                         judgment="voldoet", by=inspector)
    again = finding_save(round=round, subject=vr13.subject, success_factor=factor, text="Eén.\r\nTwee.\r\n",
                         judgment="voldoet", by=inspector, base_revision=first.revision)
    assert (again.text, again.revision) == ("Eén.\nTwee.", first.revision)
