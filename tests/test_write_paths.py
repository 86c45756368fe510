"""Every write form of the application, posted with valid data by every role, on the demo data:
against the published 2009 round nothing changes; against the open 2013 round the roles allowed to
change the database, and nobody else does.

The demo is loaded once for the module; each post runs in a savepoint that is rolled back, so every
role starts from the same data.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from django.urls import reverse

from accounts.models import User
from assessments.models import Answer, Assessment, AssessmentStatus
from findings.models import (
    Citation,
    Finding,
    NationalConclusion,
    Recommendation,
    RecommendationStatus,
    Verification,
    VerificationItem,
    VerificationResponse,
)
from framework.models import Round, SuccessFactor
from regions.models import Subject

ROLES = [
    "inspecteur", "admin", "ovr.vr13", "contact.vr13", "ovr.vr14", "contact.vr14", "rmc.11", "contact.dops", "ministerie",
]
INSPECTORS = {"inspecteur", "admin"}

# The tables a write can touch; a fingerprint of their contents tells a refused write from an accepted one.
TABLES = [
    "assessments_round", "assessments_assessment", "assessments_answer", "assessments_signature",
    "assessments_transition", "assessments_evidence", "findings_finding", "findings_interviewreport",
    "findings_reportattachment", "findings_verification", "findings_verificationitem",
    "findings_verificationresponse", "findings_citation", "findings_nationalconclusion",
    "findings_recommendation", "findings_followup", "findings_draftrule", "national_judgmentrule",
    "national_preview", "national_publishedpicture", "national_roundcontext", "national_contextfigure",
]


def fingerprint() -> str:
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) FROM {table} t")
            digest.update(cursor.fetchone()[0].encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo(demo_data, django_db_blocker):
    # A 2009 questionnaire reopened to draft by hand: the published round refuses it all the same.
    with django_db_blocker.unblock():
        Assessment.objects.filter(round__year=2009, subject__code="VR14").update(status=AssessmentStatus.DRAFT)


def _pdf() -> io.BytesIO:
    upload = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    upload.name = "bewijs.pdf"
    return upload


def _answer(year: int, code: str) -> Answer:
    return (
        Answer.objects.filter(assessment__round__year=year, assessment__subject__code=code)
        .exclude(value="").select_related("question").order_by("question__order").first()
    )


def _answer_post(year: int) -> tuple[str, dict]:
    answer = _answer(year, "VR14")
    prefix = answer.question.code
    return reverse("assessments:answer", args=[f"icms-{year}", "VR14", prefix]), {
        f"{prefix}-value": answer.value, f"{prefix}-revision": answer.revision,
        f"{prefix}-comment": "Aangevuld bij de toets van de schrijfpaden.", f"{prefix}-diverging_view": "",
    }


def _fill_post(year: int) -> tuple[str, dict]:
    answer = _answer(year, "VR14")
    prefix = answer.question.code
    url = reverse("assessments:fill", args=[f"icms-{year}", "VR14"]) + f"?theme={answer.question.success_factor.theme.number}"
    return url, {
        f"{prefix}-value": answer.value, f"{prefix}-revision": answer.revision, f"{prefix}-orig_value": answer.value,
        f"{prefix}-comment": "Toelichting via het formulier.", f"{prefix}-orig_comment": answer.comment,
        f"{prefix}-diverging_view": "", f"{prefix}-orig_diverging_view": "",
    }


def _transition(year: int) -> tuple[str, dict]:
    # 2009: final → in review (reopen, with a reason); 2013: VR13 verification → final.
    if year == 2009:
        return reverse("assessments:transition", args=[f"icms-{year}", "VR13"]), {"to": "in_review", "reason": "Correctie"}
    return reverse("assessments:transition", args=[f"icms-{year}", "VR13"]), {"to": "final", "reason": ""}


def _sign(year: int) -> tuple[str, dict]:
    return reverse("assessments:sign", args=[f"icms-{year}", "VR14"]), {}


def _evidence(year: int) -> tuple[str, dict]:
    return reverse("assessments:evidence_upload", args=[f"icms-{year}", "VR14"]), {"file": _pdf(), "description": "Convenant"}


def _finding(year: int) -> tuple[str, dict]:
    finding = Finding.objects.get(round__year=year, subject__code="VR13", success_factor__code="3.1.1")
    return reverse("findings:finding", args=[f"icms-{year}", "VR13", "3.1.1"]), {
        "text": finding.text + " Aangevuld.", "judgment": "voldoet_niet", "revision": finding.revision,
    }


def _report(year: int) -> tuple[str, dict]:
    report = Subject.objects.get(code="VR13").interview_reports.get(round__year=year)
    return reverse("findings:report", args=[f"icms-{year}", "VR13"]), {
        "held_on": "2013-03-02", "participants": report.participants, "text": report.text + " Nagekomen.",
        "revision": report.revision, "attachment": _pdf(),
    }


def _respond(year: int) -> tuple[str, dict]:
    item = VerificationItem.objects.filter(verification__round__year=year, verification__subject__code="VR13").first()
    return reverse("findings:item_respond", args=[item.pk]), {"kind": "comment", "comment": "Klopt niet helemaal."}


def _reply(year: int) -> tuple[str, dict]:
    item = VerificationItem.objects.filter(
        verification__round__year=year, verification__subject__code="VR13", finding__isnull=False
    ).first()
    response = VerificationResponse.objects.create(
        item=item, respondent=User.objects.get(username="ovr.vr13"), kind="comment", comment="Graag aanpassen."
    )
    return reverse("findings:response_reply", args=[response.pk]), {
        "reply": "Aangepast.", "resolution": "amended", "text": item.finding.text + " (aangepast)",
        "judgment": "", "revision": item.finding.revision,
    }


def _cite(year: int) -> tuple[str, dict]:
    finding = Finding.objects.get(round__year=year, subject__code="VR13", success_factor__code="3.1.1")
    answer = Answer.objects.filter(
        assessment__round__year=year, assessment__subject__code="VR13", question__success_factor__code="3.1.1"
    ).exclude(value="").first()
    finding.citations.filter(answer=answer).delete()  # so that citing it again is a change
    return reverse("findings:finding_cite", args=[finding.pk]), {"answer": answer.pk}


def _uncite(year: int) -> tuple[str, dict]:
    citation = Citation.objects.filter(finding__round__year=year).first()
    return reverse("findings:citation_delete", args=[citation.pk]), {}


def _conclusion(year: int) -> tuple[str, dict]:
    conclusion = NationalConclusion.objects.get(round__year=year, success_factor__code="3.1.1")
    return reverse("national:conclusion_edit", args=[f"icms-{year}", "3.1.1"]), {
        # The judgment the demo's rule proposes (25 regions meet 3.1.1): another would need a reason.
        "text": conclusion.text + " Herzien.", "judgment": "voldoet", "revision": conclusion.revision,
    }


def _conclusion_cite(year: int) -> tuple[str, dict]:
    conclusion = NationalConclusion.objects.get(round__year=year, success_factor__code="3.1.1")
    Citation.objects.filter(conclusion=conclusion).delete()
    finding = Finding.objects.filter(round__year=year, success_factor__code="3.1.1").first()
    return reverse("national:conclusion_cite", args=[conclusion.pk]), {"cited_finding": finding.pk}


def _publish(year: int) -> tuple[str, dict]:
    return reverse("national:publish", args=[f"icms-{year}"]), {"override_reason": "Verificatie VR13 loopt nog; tijdsdruk."}


def _recommendation_new(year: int) -> tuple[str, dict]:
    factor = SuccessFactor.objects.get(code="3.5.1")
    return reverse("national:recommendation_create", args=[f"icms-{year}"]), {
        "text": "Stem de oefenkalenders af.", "addressee": "defensie", "success_factors": [factor.pk], "region": "",
    }


def _recommendation_edit(year: int) -> tuple[str, dict]:
    recommendation = Recommendation.objects.filter(round__year=year).first()
    return reverse("national:recommendation_edit", args=[recommendation.pk]), {
        "text": recommendation.text + " Met spoed.", "addressee": recommendation.addressee,
        "success_factors": [sf.pk for sf in recommendation.success_factors.all()], "region": "",
    }


def _recommendation_decide(year: int) -> tuple[str, dict]:
    draft = Recommendation.objects.create(
        round=Round.objects.get(year=year), text="Concept", addressee="defensie", status=RecommendationStatus.DRAFT
    )
    return reverse("national:recommendation_decide", args=[draft.pk]), {"decision": "accept"}


def _draft_rule(year: int) -> tuple[str, dict]:
    return reverse("national:draft_rules", args=[f"icms-{year}"]), {
        "success_factor": SuccessFactor.objects.get(code="3.4.1").pk, "kind": "judgment_below", "min_regions": 1,
        "addressee": "besturen_veiligheidsregios", "text_template": "Regel de plaats van Defensie in {aantal} regio's.",
    }


def _round_context(year: int) -> tuple[str, dict]:
    from national.models import RoundContext

    context = RoundContext.objects.filter(round__year=year).first()
    return reverse("national:context_edit", args=[f"icms-{year}"]), {
        "text": "Context bij de toets van de schrijfpaden.", "text_en": "", "revision": context.revision if context else 0,
        "figures-TOTAL_FORMS": 1, "figures-INITIAL_FORMS": 0, "figures-MIN_NUM_FORMS": 0, "figures-MAX_NUM_FORMS": 1000,
        "figures-0-label": "Aanvragen om bijstand", "figures-0-value": "162", "figures-0-period": "2012",
        "figures-0-unit": "aanvragen", "figures-0-source": "rapport §2.2",
    }


def _judgment_rule(year: int) -> tuple[str, dict]:
    return reverse("national:rule_edit", args=[f"icms-{year}", "3.4.1"]), {"meets_min": 24, "partly_min": 12}


def _drafts_generate(year: int) -> tuple[str, dict]:
    _draft_rule_direct(year)
    return reverse("national:drafts_generate", args=[f"icms-{year}"]), {}


def _draft_rule_direct(year: int) -> None:
    from findings.models import DraftRule

    DraftRule.objects.create(
        round=Round.objects.get(year=year), success_factor=SuccessFactor.objects.get(code="3.4.1"), min_regions=1,
        addressee="defensie", text_template="Concept voor {aantal} regio's.",
    )


def _answers_import(year: int) -> tuple[str, dict]:
    answer = _answer(year, "VR14")
    body = f"region_code,question_code,value,comment\nVR14,{answer.question.code},{answer.value},Via import.\n"
    upload = io.BytesIO(body.encode())
    upload.name = "antwoorden.csv"
    return reverse("assessments:import"), {"round": year, "file": upload}


def _judgments_import(year: int) -> tuple[str, dict]:
    upload = io.BytesIO(b"region_code,csf,judgment,finding\nVR13,3.1.1,voldoet_niet,Via import.\n")
    upload.name = "oordelen.csv"
    return reverse("findings:judgments_import"), {"round": year, "file": upload}


@dataclass
class Write:
    build: Callable[[int], tuple[str, dict]]
    # The roles whose post changes the 2013 data (None: the round's only writers are the inspectors).
    allowed: set[str]


WRITES = {
    "answer": Write(_answer_post, INSPECTORS | {"ovr.vr14", "contact.vr14"}),
    "theme form": Write(_fill_post, INSPECTORS | {"ovr.vr14", "contact.vr14"}),
    "sign": Write(_sign, {"ovr.vr14", "contact.vr14"}),
    "evidence": Write(_evidence, INSPECTORS | {"ovr.vr14", "contact.vr14"}),
    "transition": Write(_transition, INSPECTORS),
    "finding": Write(_finding, INSPECTORS),
    "interview report": Write(_report, INSPECTORS),
    "verification response": Write(_respond, {"ovr.vr13", "contact.vr13"}),
    "verification reply": Write(_reply, INSPECTORS),
    "citation": Write(_cite, INSPECTORS),
    "citation removed": Write(_uncite, INSPECTORS),
    "conclusion": Write(_conclusion, INSPECTORS),
    "conclusion citation": Write(_conclusion_cite, INSPECTORS),
    "publication": Write(_publish, INSPECTORS),
    "new recommendation": Write(_recommendation_new, INSPECTORS),
    "recommendation text": Write(_recommendation_edit, INSPECTORS),
    "draft decided": Write(_recommendation_decide, INSPECTORS),
    "draft rule": Write(_draft_rule, INSPECTORS),
    "judgment rule": Write(_judgment_rule, INSPECTORS),
    "round context": Write(_round_context, INSPECTORS),
    "drafts generated": Write(_drafts_generate, INSPECTORS),
    "answers import": Write(_answers_import, INSPECTORS),
    "judgments import": Write(_judgments_import, INSPECTORS),
}


def _post_as(client, username: str, year: int, write: Write) -> tuple[bool, int]:
    """Post `write` as `username` inside a savepoint that is rolled back; whether the data changed."""
    with transaction.atomic():
        url, data = write.build(year)
        before = fingerprint()
        client.force_login(User.objects.get(username=username))
        response = client.post(url, data)
        changed = fingerprint() != before
        transaction.set_rollback(True)
    return changed, response.status_code


@pytest.mark.parametrize("name", WRITES)
def test_a_published_round_refuses_every_write_of_every_role(name, demo, db, client):
    assert Round.objects.get(year=2009).published_at is not None
    for username in ROLES:
        changed, status = _post_as(client, username, 2009, WRITES[name])
        assert not changed, f"{name} as {username} changed the published 2009 round"
        assert status < 500


@pytest.mark.parametrize("name", WRITES)
def test_in_the_open_round_the_same_write_changes_the_data_for_the_roles_allowed_to(name, demo, db, client):
    assert Round.objects.get(year=2013).published_at is None
    for username in ROLES:
        changed, status = _post_as(client, username, 2013, WRITES[name])
        assert changed == (username in WRITES[name].allowed), f"{name} as {username}: changed={changed} ({status})"
        assert status < 500


def test_the_answers_import_command_refuses_a_published_round(demo, db, tmp_path):
    from django.core.management import CommandError, call_command

    answer = _answer(2009, "VR14")
    path = tmp_path / "antwoorden.csv"
    path.write_text(f"region_code,question_code,value,comment\nVR14,{answer.question.code},{answer.value},x\n")
    before = fingerprint()
    with pytest.raises(CommandError, match="gepubliceerd"):
        call_command("import_answers", str(path), "--round", "2009")
    assert fingerprint() == before


def test_the_verification_of_the_2009_round_stays_closed(demo, db):
    assert Verification.objects.filter(round__year=2009).exclude(status="verified").count() == 0
