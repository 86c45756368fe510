"""Access rules for findings, interview reports, verification and citations (findings/urls.py).

Who sees a subject's findings (regions.policy, Area.FINDINGS): inspectors and administrators every
subject's; the respondents their own region's or brigade's (the text once sent for verification); an
RMC not its brigade's regions'; ministry staff none. Writing them is the inspectors'; agreeing and
commenting the respondents'. A directorate (DOPS) has an interview report only: its contact person reads it once
sent and agrees or comments; nobody else but the inspectors sees it, and the contact person sees nothing else.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access.assessments import publish_2009
from tests.access.rules import INSPECTORS, VR13_RESPONDENTS, Case, expect
from tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    CitationFactory,
    FindingFactory,
    NationalConclusionFactory,
    VerificationFactory,
    VerificationItemFactory,
    VerificationResponseFactory,
    subject,
)

READ = {role: 200 for role in INSPECTORS}
INSPECTOR_PAGE = expect(403, **READ)
INSPECTOR_POST = expect(403, inspector=302, admin_user=302)


def _round(year: int = 2013):
    from framework.models import Round

    return Round.objects.get(year=year)


def _inspector():
    from accounts.models import Role
    from tests.factories import UserFactory

    return UserFactory(username="setup.inspecteur", role=Role.INSPECTOR)


def _written(code: str = "VR13", year: int = 2013) -> None:
    """A finding with text for every success factor of the subject's kind."""
    from framework.models import SuccessFactor

    subj = subject(code)
    for factor in SuccessFactor.objects.filter(subject_kind=subj.kind):
        FindingFactory(round=_round(year), subject=subj, success_factor=factor, text="Tekst.", judgment="voldoet")


def written(code: str = "VR13"):
    def setup():
        _written(code)

    return setup


def _written_published():
    _written("VR13", 2009)
    publish_2009()


def _sent(code: str = "VR13"):
    """All findings of a subject written and sent for verification."""
    from findings.services import verification_send

    _written(code)
    return verification_send(round=_round(), subject=subject(code), by=_inspector())


def sent(code: str = "VR13"):
    def setup():
        _sent(code)

    return setup


def _item():
    return {"pk": _sent().items.filter(finding__isnull=False).first().pk}


def _item_b11():
    return {"pk": _sent("B11").items.filter(finding__isnull=False).first().pk}


def _reported(code: str = "DOPS"):
    """The interview report of a directorate, written by an inspector."""
    from findings.services import report_save

    return report_save(
        round=_round(), subject=subject(code), held_on=None, participants="Stafofficier militaire bijstand en steunverlening",
        text="Verslag van het gesprek met de directie.", by=_inspector(),
    )


def reported():
    _reported()


def _sent_dops():
    from findings.services import verification_send

    _reported()
    return verification_send(round=_round(), subject=subject("DOPS"), by=_inspector())


def sent_dops():
    _sent_dops()


def _item_dops():
    return {"pk": _sent_dops().items.get().pk}


def _comment_dops():
    from accounts.models import Role
    from findings.services import verification_respond
    from tests.factories import UserFactory

    item = _sent_dops().items.get()
    contact = UserFactory(username="setup.dops", role=Role.DIRECTORATE, directorate=subject("DOPS"))
    return {"pk": verification_respond(item=item, by=contact, kind="comment", comment="Klopt niet.").pk}


def _item_published():
    """An item awaiting VR13's response in 2009, after which 2009 was published."""
    verification = VerificationFactory(round=_round(2009), status="awaiting")
    item = VerificationItemFactory(verification=verification, finding=FindingFactory(round=_round(2009)))
    publish_2009()
    return {"pk": item.pk}


def _awaiting_published():
    """VR13's verification of 2009 waiting for its respondents, after which 2009 was published."""
    VerificationFactory(round=_round(2009), subject=subject("VR13"), status="awaiting")
    publish_2009()


CLOSE = {"reason": "De contactpersoon reageert niet."}


def _comment():
    from findings.services import verification_respond
    from tests.factories import UserFactory

    item = _sent().items.filter(finding__isnull=False).first()
    respondent = UserFactory(username="setup.ovr", role="ovr", regions=[subject("VR13").region])
    return {"pk": verification_respond(item=item, by=respondent, kind="comment", comment="Klopt niet.").pk}


def _comment_published():
    verification = VerificationFactory(round=_round(2009), status="comments_open")
    response = VerificationResponseFactory(
        item=VerificationItemFactory(verification=verification, finding=FindingFactory(round=_round(2009))),
        kind="comment", comment="Klopt niet.",
    )
    publish_2009()
    return {"pk": response.pk}


def _attachment(sent=True):
    def setup():
        from findings.services import report_save

        if sent:
            _sent()
        report = report_save(
            round=_round(), subject=subject("VR13"), held_on=None,
            participants="OVR", text="Verslag.", by=_inspector(),
            attachment=SimpleUploadedFile("bijlage.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
        )
        return {"pk": report.attachments.get().pk}

    return setup


def _citable(year: int = 2013, published: bool = False):
    """A finding of VR13 on 3.1.1 and an answer on that factor it may cite."""

    def setup():
        assessment = AssessmentFactory(subject=subject("VR13"), round=_round(year))
        answer = AnswerFactory(assessment=assessment, question=assessment.questionnaire.questions.get(code="ovr_assigned"))
        finding = FindingFactory(round=_round(year))
        if published:
            publish_2009()
        return {"pk": finding.pk, "_answer": answer.pk}

    return setup


def _citation(year: int = 2013, published: bool = False):
    def setup():
        citation = CitationFactory(finding=FindingFactory(round=_round(year)))
        if published:
            publish_2009()
        return {"pk": citation.pk}

    return setup


def _conclusion_citation():
    conclusion = NationalConclusionFactory()
    return {"pk": CitationFactory(finding=None, answer=None, conclusion=conclusion, cited_finding=FindingFactory()).pk}


def cite(context: dict) -> dict:
    return {"answer": context["_answer"]}


FINDING = {"text": "De OVR is drie dagen per week aanwezig.", "judgment": "voldoet_gedeeltelijk", "revision": "0"}
REPORT = {"held_on": "2013-03-14", "participants": "OVR, contactpersoon", "text": "Verslag van het gesprek.", "revision": "0"}

# VR13's findings: inspectors; its OVR and contact person see them (403 on the inspectors' pages); others 404.
VR13_READ = expect(404, ovr_vr13=200, contact_vr13=200, **READ)
VR13_EDIT_PAGE = expect(404, ovr_vr13=403, contact_vr13=403, **READ)
VR13_EDIT_POST = expect(404, ovr_vr13=403, contact_vr13=403, inspector=302, admin_user=302)
VR13_EDIT_RERENDER = expect(404, ovr_vr13=403, contact_vr13=403, **READ)
B11_READ = expect(404, rmc_11=200, **READ)
B11_EDIT_PAGE = expect(404, rmc_11=403, **READ)
B11_EDIT_POST = expect(404, rmc_11=403, inspector=302, admin_user=302)
DOPS_READ = expect(404, contact_dops=200, **READ)
DOPS_EDIT_PAGE = expect(404, contact_dops=403, **READ)
DOPS_EDIT_POST = expect(404, contact_dops=403, inspector=302, admin_user=302)

VR13 = {"round_code": "icms-2013", "code": "VR13"}
B11 = {"round_code": "icms-2013", "code": "B11"}
DOPS = {"round_code": "icms-2013", "code": "DOPS"}
VR13_2009 = {"round_code": "icms-2009", "code": "VR13"}

MOVED = expect(301)

RULES = {
    # The year addresses of earlier versions: permanently to the round's code.
    "findings:year_moved_root": [Case(kwargs={"year": 2013}, expect=MOVED)],
    "findings:year_moved": [
        Case(kwargs={"year": 2013, "rest": "VR13/report/"}, expect=MOVED),
        Case(label="unknown year", kwargs={"year": 1999, "rest": "VR13/"}, expect=expect(404)),
    ],
    "findings:overview": [Case(expect=INSPECTOR_PAGE), Case(label="2009", query="?round=icms-2009", expect=INSPECTOR_PAGE)],
    # Old addresses: a permanent redirect for everyone logged in.
    "findings:brigade_moved_root": [Case(kwargs={"year": 2013, "number": 11}, expect=MOVED)],
    "findings:brigade_moved": [Case(kwargs={"year": 2013, "number": 11, "rest": "report/"}, expect=MOVED)],
    "findings:national_moved": [Case(expect=MOVED)],
    "findings:national_factor_moved": [Case(kwargs={"rest": "2013/3.4.1/"}, expect=MOVED)],
    "findings:recommendations_moved": [
        Case(expect=MOVED),
        Case(label="post", method="post", data={"decision": "accept"}, expect=MOVED),
    ],
    "findings:subject": [
        Case(label="VR13", kwargs=VR13, expect=VR13_READ),
        Case(label="VR14", kwargs={"round_code": "icms-2013", "code": "VR14"}, expect=expect(404, ovr_vr14=200, **READ)),
        Case(label="VR13 sent", kwargs=VR13, setup=sent(), expect=VR13_READ),
        Case(label="B11", kwargs=B11, expect=B11_READ),
        # A directorate: its contact person sees the page (the report once sent); an OVR or RMC never.
        Case(label="DOPS", kwargs=DOPS, expect=DOPS_READ),
        Case(label="DOPS sent", kwargs=DOPS, setup=sent_dops, expect=DOPS_READ),
        Case(label="DJZ", kwargs={"round_code": "icms-2013", "code": "DJZ"}, expect=expect(404, **READ)),
        Case(label="unknown round", kwargs={"round_code": "icms-1999", "code": "VR13"}, expect=expect(404)),
        Case(label="unknown subject", kwargs={"round_code": "icms-2013", "code": "VR99"}, expect=expect(404)),
    ],
    "findings:report": [
        Case(kwargs=VR13, expect=VR13_EDIT_PAGE),
        Case(label="post", method="post", data=REPORT, kwargs=VR13, expect=VR13_EDIT_POST, changes=INSPECTORS),
        Case(label="B11", kwargs=B11, expect=B11_EDIT_PAGE),
        Case(label="B11 post", method="post", data=REPORT, kwargs=B11, expect=B11_EDIT_POST, changes=INSPECTORS),
        Case(label="DOPS", kwargs=DOPS, expect=DOPS_EDIT_PAGE),
        Case(label="DOPS post", method="post", data=REPORT, kwargs=DOPS, expect=DOPS_EDIT_POST, changes=INSPECTORS),
        # Refused by the published round: the form again, with the message.
        Case(label="published post", method="post", data=REPORT, kwargs=VR13_2009, setup=publish_2009,
             expect=VR13_EDIT_RERENDER),
    ],
    "findings:send": [
        Case(method="post", kwargs=VR13, setup=written(), expect=VR13_EDIT_POST, changes=INSPECTORS),
        Case(label="B11", method="post", kwargs=B11, setup=written("B11"), expect=B11_EDIT_POST, changes=INSPECTORS),
        Case(label="DOPS", method="post", kwargs=DOPS, setup=reported, expect=DOPS_EDIT_POST, changes=INSPECTORS),
        Case(label="DOPS without report", method="post", kwargs=DOPS, expect=DOPS_EDIT_POST),
        Case(label="findings missing", method="post", kwargs=VR13, expect=VR13_EDIT_POST),
        Case(label="sent already", method="post", kwargs=VR13, setup=sent(), expect=VR13_EDIT_POST),
        Case(label="published", method="post", kwargs=VR13_2009,
             setup=_written_published, expect=VR13_EDIT_POST),
    ],
    "findings:close": [
        Case(method="post", data=CLOSE, kwargs=VR13, setup=sent(), expect=VR13_EDIT_POST, changes=INSPECTORS),
        Case(label="B11", method="post", data=CLOSE, kwargs=B11, setup=sent("B11"), expect=B11_EDIT_POST,
             changes=INSPECTORS),
        Case(label="DOPS", method="post", data=CLOSE, kwargs=DOPS, setup=sent_dops, expect=DOPS_EDIT_POST,
             changes=INSPECTORS),
        Case(label="no reason", method="post", data={"reason": " "}, kwargs=VR13, setup=sent(), expect=VR13_EDIT_POST),
        Case(label="not sent", method="post", data=CLOSE, kwargs=VR13, setup=written(), expect=VR13_EDIT_POST),
        Case(label="published", method="post", data=CLOSE, kwargs=VR13_2009, setup=_awaiting_published,
             expect=VR13_EDIT_POST),
    ],
    "findings:finding": [
        Case(kwargs={**VR13, "csf": "3.4.1"}, expect=VR13_EDIT_PAGE),
        Case(label="post", method="post", data=FINDING, kwargs={**VR13, "csf": "3.4.1"}, expect=VR13_EDIT_POST,
             changes=INSPECTORS),
        Case(label="B11", kwargs={**B11, "csf": "3.3.1"}, expect=B11_EDIT_PAGE),
        Case(label="B11 post", method="post", data=FINDING, kwargs={**B11, "csf": "3.3.1"}, expect=B11_EDIT_POST,
             changes=INSPECTORS),
        # A directorate is not judged per success factor.
        Case(label="DOPS", kwargs={**DOPS, "csf": "3.4.1"}, expect=expect(404, contact_dops=403)),
        Case(label="factor of a brigade", kwargs={**VR13, "csf": "3.3.1"}, expect=expect(404, ovr_vr13=403, contact_vr13=403)),
        Case(label="unknown factor", kwargs={**VR13, "csf": "9.9.9"}, expect=expect(404, ovr_vr13=403, contact_vr13=403)),
        Case(label="published post", method="post", data=FINDING, kwargs={**VR13_2009, "csf": "3.4.1"},
             setup=publish_2009, expect=VR13_EDIT_RERENDER),
    ],
    "findings:item_respond": [
        Case(method="post", data={"kind": "agree"}, setup=_item,
             expect=expect(404, ovr_vr13=302, contact_vr13=302, inspector=403, admin_user=403), changes=VR13_RESPONDENTS),
        Case(label="comment", method="post", data={"kind": "comment", "comment": "De OVR is er vier dagen."}, setup=_item,
             expect=expect(404, ovr_vr13=302, contact_vr13=302, inspector=403, admin_user=403), changes=VR13_RESPONDENTS),
        Case(label="B11", method="post", data={"kind": "agree"}, setup=_item_b11,
             expect=expect(404, rmc_11=302, inspector=403, admin_user=403), changes={"rmc_11"}),
        Case(label="DOPS", method="post", data={"kind": "comment", "comment": "Graag verduidelijken."}, setup=_item_dops,
             expect=expect(404, contact_dops=302, inspector=403, admin_user=403), changes={"contact_dops"}),
        Case(label="published", method="post", data={"kind": "agree"}, setup=_item_published,
             expect=expect(404, ovr_vr13=302, contact_vr13=302, inspector=403, admin_user=403)),
    ],
    "findings:response_reply": [
        Case(method="post", data={"reply": "Aangepast.", "resolution": "kept"}, setup=_comment,
             expect=expect(404, ovr_vr13=403, contact_vr13=403, inspector=302, admin_user=302), changes=INSPECTORS),
        Case(label="DOPS", method="post", data={"reply": "Verduidelijkt.", "resolution": "kept"}, setup=_comment_dops,
             expect=expect(404, contact_dops=403, inspector=302, admin_user=302), changes=INSPECTORS),
        Case(label="published", method="post", data={"reply": "Aangepast.", "resolution": "kept"},
             setup=_comment_published, expect=expect(404, ovr_vr13=403, contact_vr13=403, inspector=302, admin_user=302)),
    ],
    "findings:attachment": [
        Case(label="sent", setup=_attachment(), expect=VR13_READ),
        Case(label="draft", setup=_attachment(sent=False), expect=expect(404, **READ)),
    ],
    "findings:citation_delete": [
        Case(method="post", setup=_citation(), expect=VR13_EDIT_POST, changes=INSPECTORS),
        Case(label="conclusion", method="post", setup=_conclusion_citation, expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="published", method="post", setup=_citation(2009, published=True), expect=VR13_EDIT_POST),
    ],
    "findings:finding_cite": [
        Case(method="post", data=cite, setup=_citable(), expect=VR13_EDIT_POST, changes=INSPECTORS),
        Case(label="published", method="post", data=cite, setup=_citable(2009, published=True), expect=VR13_EDIT_POST),
    ],
}
