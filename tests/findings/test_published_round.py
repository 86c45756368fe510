"""A published round is read-only: every write of findings, verification, citations, conclusions and
recommendations is refused with a message naming the publication, and nothing is written.
The follow-up of a published round's recommendations belongs to the later round and stays possible."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from findings.models import Citation, DraftRule, Finding, Recommendation, ReportAttachment, VerificationResponse
from findings.services import (
    citation_add,
    citation_delete,
    finding_save,
    report_save,
    response_reply,
    verification_respond,
)
from framework.models import Round, SuccessFactor
from national.services import (
    conclusion_save,
    draft_rule_create,
    drafts_generate,
    follow_up_save,
    recommendation_save,
    round_publish,
)
from tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    CitationFactory,
    DraftRuleFactory,
    FindingFactory,
    InterviewReportFactory,
    NationalConclusionFactory,
    RecommendationFactory,
    UserFactory,
)
from tests.findings.helpers import send

pytestmark = pytest.mark.django_db

PUBLISHED = "gepubliceerd"


def _publish(by, year: int = 2013) -> Round:
    """Publish the round as an inspector does before every region is verified: with a reason."""
    return round_publish(round=Round.objects.get(year=year), by=by, override_reason="Niet alle regio's reageerden.")


def _round() -> Round:
    return Round.objects.get(year=2013)


def test_publishing_closes_the_round_after_which_a_comment_can_no_longer_be_answered(inspector, ovr_vr13):
    item = send(inspector).items.first()
    comment = verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Wij hebben twee OVR's.")
    round = _publish(inspector)
    round.refresh_from_db()
    assert round.status == "closed"
    assert round.published_at is not None and round.published_by == inspector
    assert round.publish_override_reason == "Niet alle regio's reageerden."
    with pytest.raises(ValidationError, match=PUBLISHED):
        response_reply(response=comment, by=inspector, reply="Klopt niet.", resolution="kept")
    comment.refresh_from_db()
    assert (comment.reply, comment.resolution, comment.replied_at) == ("", "", None)


def test_a_finding_of_a_published_round_can_no_longer_change(inspector):
    finding = FindingFactory(judgment="voldoet")
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        finding_save(
            round=_round(), subject=finding.subject, success_factor=finding.success_factor,
            text=finding.text, judgment="voldoet_niet", by=inspector,
        )
    assert Finding.objects.get(pk=finding.pk).judgment == "voldoet"


def test_a_conclusion_of_a_published_round_can_no_longer_change(inspector):
    conclusion = NationalConclusionFactory(judgment="voldoet")
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        conclusion_save(round=_round(), success_factor=conclusion.success_factor, text="Anders.",
                        judgment="voldoet_niet", by=inspector)
    conclusion.refresh_from_db()
    assert (conclusion.text, conclusion.judgment) == ("In alle regio's is een OVR beschikbaar.", "voldoet")


def test_no_attachment_is_added_to_an_interview_report_of_a_published_round(inspector):
    report = InterviewReportFactory()
    revision = report.revision
    _publish(inspector)
    upload = SimpleUploadedFile("aanvulling.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    with pytest.raises(ValidationError, match=PUBLISHED):
        report_save(round=_round(), subject=report.subject, held_on=report.held_on, participants=report.participants,
                    text=report.text, by=inspector, attachment=upload)
    assert not ReportAttachment.objects.exists()
    report.refresh_from_db()
    assert report.revision == revision


def test_a_finding_of_a_published_round_cites_nothing_new(inspector):
    finding = FindingFactory()
    answer = AnswerFactory(assessment=AssessmentFactory(subject=finding.subject))
    _publish(inspector)
    finding = Finding.objects.get(pk=finding.pk)  # as the next request reads it
    with pytest.raises(ValidationError, match=PUBLISHED):
        citation_add(by=inspector, finding=finding, answer=answer)
    assert not Citation.objects.exists()
    assert not Citation.history.exists()


def test_a_citation_of_a_published_round_cannot_be_removed(inspector):
    citation = CitationFactory(created_by=inspector)
    _publish(inspector)
    citation = Citation.objects.get(pk=citation.pk)  # as the next request reads it
    with pytest.raises(ValidationError, match=PUBLISHED):
        citation_delete(citation=citation, by=inspector)
    assert Citation.objects.filter(pk=citation.pk).exists()
    assert not Citation.history.filter(history_type="-").exists()


def test_a_respondent_can_no_longer_respond_once_the_round_is_published(inspector, ovr_vr13):
    item = send(inspector).items.first()
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    with pytest.raises(ValidationError, match=PUBLISHED):
        verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Toch een opmerking.")
    assert not VerificationResponse.objects.exists()
    item.verification.refresh_from_db()
    assert item.verification.status == "awaiting"


def test_an_inspector_can_no_longer_amend_a_finding_after_a_comment_once_the_round_is_published(inspector, ovr_vr13):
    item = send(inspector).items.first()
    comment = verification_respond(item=item, by=ovr_vr13, kind="comment", comment="Wij hebben twee OVR's.")
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        response_reply(response=comment, by=inspector, reply="Aangepast.", resolution="amended", text="Twee OVR's.")
    item.finding.refresh_from_db()
    assert item.finding.text == "Bevinding 3.1.1."
    comment.refresh_from_db()
    assert (comment.reply, comment.replied_at) == ("", None)


def test_a_recommendation_of_a_published_round_can_no_longer_change(inspector):
    recommendation = RecommendationFactory(text="Oorspronkelijke tekst.")
    versions = recommendation.history.count()
    _publish(inspector)
    recommendation = Recommendation.objects.get(pk=recommendation.pk)  # as the next request reads it
    with pytest.raises(ValidationError, match=PUBLISHED):
        recommendation_save(recommendation=recommendation, round=_round(), text="Gewijzigde tekst.",
                            addressee=recommendation.addressee, success_factors=list(recommendation.success_factors.all()),
                            region=None, by=inspector)
    recommendation.refresh_from_db()
    assert recommendation.text == "Oorspronkelijke tekst."
    assert recommendation.history.count() == versions


def test_no_recommendation_is_added_to_a_published_round(inspector):
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        recommendation_save(round=_round(), text="Een nieuwe aanbeveling.", addressee="besturen_veiligheidsregios",
                            success_factors=[SuccessFactor.objects.get(code="3.4.1")], region=None, by=inspector)
    assert not Recommendation.objects.exists()


def test_no_draft_rule_is_added_to_a_published_round(inspector):
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        draft_rule_create(round=_round(), success_factor=SuccessFactor.objects.get(code="3.4.1"), kind="judgment_below",
                          addressee="minister_venj", text_template="Veranker Defensie ({regios}).", by=inspector)
    assert not DraftRule.objects.exists()


def test_no_drafts_are_generated_in_a_published_round(inspector):
    FindingFactory(judgment="voldoet_niet", success_factor=SuccessFactor.objects.get(code="3.4.1"))
    DraftRuleFactory(min_regions=1, text_template="Zou vuren.")
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        drafts_generate(round=_round(), by=inspector)
    assert not Recommendation.objects.exists()


def test_the_follow_up_of_a_published_rounds_recommendation_stays_possible_in_a_later_round(inspector):
    recommendation = RecommendationFactory(round=Round.objects.get(year=2009))
    _publish(inspector, year=2009)
    follow_up = follow_up_save(recommendation=recommendation, round=_round(), status="opgevolgd",
                               explanation="In alle regio's geregeld.", by=inspector)
    assert follow_up.round.year == 2013
    _publish(inspector)
    with pytest.raises(ValidationError, match=PUBLISHED):
        follow_up_save(recommendation=recommendation, round=_round(), status="niet_opgevolgd",
                       explanation="Toch niet.", by=inspector)
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.explanation) == ("opgevolgd", "In alle regio's geregeld.")


def test_adding_and_removing_a_citation_is_kept_in_its_history_with_the_user(inspector):
    finding = FindingFactory()
    answer = AnswerFactory(assessment=AssessmentFactory(subject=finding.subject))
    colleague = UserFactory(username="inspecteur.twee")
    citation = citation_add(by=inspector, finding=finding, answer=answer)
    pk = citation.pk
    citation_delete(citation=citation, by=colleague)
    assert not Citation.objects.filter(pk=pk).exists()
    history = list(Citation.history.filter(id=pk).order_by("history_date").values_list("history_type", "history_user"))
    assert history == [("+", inspector.pk), ("-", colleague.pk)]
