"""Access rules for the questionnaire pages (assessments/urls.py, without the exchange).

Who sees a questionnaire (regions.policy, Area.QUESTIONNAIRE): inspectors and administrators every one;
the OVR and contact person of VR13 theirs; the RMC of brigade 11 its brigade's and the brigade's regions'
(VR13, VR14). Who fills it in (Action.ANSWER): inspectors in any unpublished round, and the subject's own
respondents. Signing and submitting stay with the respondents. What you may not see answers 404, a write
you may not do 403. A write to the published 2009 round by someone who may do it is a redirect with an
error message, and changes nothing.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.access.rules import B11_ANSWER, INSPECTORS, VR13_ANSWER, VR13_RESPONDENTS, Case, expect
from tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    EvidenceFactory,
    QuestionFactory,
    QuestionnaireFactory,
    SignatureFactory,
    UserFactory,
    brigade,
    subject,
)

# Readers of VR13's questionnaire: inspectors, its OVR and contact person, and the RMC of brigade 11.
READ_VR13 = {"inspector": 200, "admin_user": 200, "ovr_vr13": 200, "contact_vr13": 200, "rmc_11": 200}
READ_B11 = {"inspector": 200, "admin_user": 200, "rmc_11": 200}

VR13 = {"round_code": "icms-2013", "code": "VR13"}
B11 = {"round_code": "icms-2013", "code": "B11"}
VR13_2009 = {"round_code": "icms-2009", "code": "VR13"}


def _round(year: int):
    from framework.models import Round

    return Round.objects.get(year=year)


def publish_2009() -> None:
    """Publish the 2009 round (closed already): from now on it is read-only."""
    from framework.models import Round

    Round.objects.filter(year=2009).update(published_at=timezone.now())


def started(code: str = "VR13", status: str = "draft", year: int = 2013, published: bool = False):
    def setup():
        if published:
            publish_2009()
        AssessmentFactory(subject=subject(code), round=_round(year), status=status)

    return setup


def published_2009():
    publish_2009()


def evidence(code: str):
    def setup():
        return {"pk": EvidenceFactory(assessment=AssessmentFactory(subject=subject(code))).pk}

    return setup


def signed_vr13(year: int = 2013, published: bool = False):
    """A draft of VR13 on a one-question questionnaire, answered and signed by both signers: ready to submit."""

    def setup():
        questionnaire = QuestionnaireFactory(round=_round(year), audience="region")
        question = QuestionFactory(questionnaire=questionnaire)
        assessment = AssessmentFactory(subject=subject("VR13"), round=_round(year), questionnaire=questionnaire)
        AnswerFactory(assessment=assessment, question=question, value="ja")
        SignatureFactory(assessment=assessment, user__username="setup.ovr", user__role="ovr")
        SignatureFactory(assessment=assessment, user__username="setup.contact", user__role="contact")
        if published:
            publish_2009()

    return setup


def signed_b11():
    questionnaire = QuestionnaireFactory(round=_round(2013), audience="brigade")
    question = QuestionFactory(questionnaire=questionnaire)
    assessment = AssessmentFactory(subject=subject("B11"), questionnaire=questionnaire)
    AnswerFactory(assessment=assessment, question=question, value="ja")
    SignatureFactory(assessment=assessment, user=UserFactory(username="setup.rmc", role="rmc", brigade=brigade(11)))


def carried_vr13(year: int = 2013, published: bool = False):
    """VR13 answered in the round before `year`; its questionnaire of `year` is a fresh draft.

    2013's `ovr_assigned` continues 2009's unchanged, so carrying over into 2013 carries that answer;
    carrying over into 2009 carries no answer (2009 rewords 2006) but records where it was carried from."""

    def setup():
        earlier = AssessmentFactory(subject=subject("VR13"), round=_round(year).predecessor)
        if year == 2013:
            AnswerFactory(assessment=earlier, question=earlier.questionnaire.questions.get(code="ovr_assigned"), value="ja")
        AssessmentFactory(subject=subject("VR13"), round=_round(year))
        if published:
            publish_2009()

    return setup


def pdf(_context=None) -> dict:
    upload = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4\n%test evidence\n", content_type="application/pdf")
    return {"file": upload, "description": "Verslag van de oefening"}


def writes(respondents: dict, readers: tuple) -> dict:
    """A write: those who may get what they get, readers who may not 403, everyone else 404."""
    return expect(404, **respondents, **{role: 403 for role in readers})


def answer(code: str, value: str = "ja") -> dict:
    return {f"{code}-value": value, f"{code}-revision": "0", f"{code}-orig_value": ""}


# The writes of Action.ANSWER: inspectors and VR13's respondents; the RMC of brigade 11 reads VR13 but may not write.
VR13_ANSWERS = writes({role: 302 for role in VR13_ANSWER}, ("rmc_11",))
B11_ANSWERS = writes({role: 302 for role in B11_ANSWER}, ())
# Signing and submitting: the respondents; inspectors (and the RMC, for VR13) see the questionnaire but get 403.
VR13_SIGNERS = writes({role: 302 for role in VR13_RESPONDENTS}, ("inspector", "admin_user", "rmc_11"))
B11_SIGNERS = writes({"rmc_11": 302}, ("inspector", "admin_user"))
# Reviewing: inspectors; the respondents (and the RMC for VR13) see it but get 403.
VR13_REVIEW = writes({role: 302 for role in INSPECTORS}, ("ovr_vr13", "contact_vr13", "rmc_11"))
B11_REVIEW = writes({role: 302 for role in INSPECTORS}, ("rmc_11",))
# Never started: only who may start it gets the start page.
VR13_STARTERS = expect(404, **{role: 200 for role in VR13_ANSWER})

MOVED = expect(301)

RULES = {
    # The year addresses of earlier versions: permanently to the round's code.
    "assessments:year_moved_root": [Case(kwargs={"year": 2013}, expect=MOVED)],
    "assessments:year_moved": [
        Case(kwargs={"year": 2013, "rest": "VR13/history/"}, expect=MOVED),
        Case(label="unknown year", kwargs={"year": 1999, "rest": "VR13/"}, expect=expect(404)),
    ],
    "assessments:fieldwork": [
        Case(expect=expect(403, inspector=200, admin_user=200)),
        Case(label="2009", query="?round=icms-2009", expect=expect(403, inspector=200, admin_user=200)),
        Case(label="unknown round", query="?round=1999", expect=expect(403, inspector=404, admin_user=404)),
    ],
    # The brigade pages of earlier versions: a permanent redirect to the brigade's code, for everyone logged in.
    "assessments:brigade_moved": [
        Case(kwargs={"year": 2013, "number": 11, "rest": "history/"}, expect=MOVED),
    ],
    "assessments:brigade_moved_root": [
        Case(kwargs={"year": 2013, "number": 11}, expect=MOVED),
        Case(label="post", method="post", kwargs={"year": 2013, "number": 11}, data=answer("opplan10_current"),
             expect=MOVED),
    ],
    "assessments:fill": [
        Case(label="started", kwargs=VR13, setup=started(), expect=expect(404, **READ_VR13)),
        Case(label="B11 started", kwargs=B11, setup=started("B11"), expect=expect(404, **READ_B11)),
        Case(label="lower case", kwargs={"round_code": "icms-2013", "code": "vr13"}, setup=started(), expect=expect(404, **READ_VR13)),
        # GET never creates an assessment: a start page for who may start it, 404 for everyone else.
        Case(label="not started", kwargs=VR13, expect=VR13_STARTERS),
        Case(label="B11 not started", kwargs=B11, expect=expect(404, **{role: 200 for role in B11_ANSWER})),
        Case(label="B43 not started", kwargs={"round_code": "icms-2013", "code": "B43"}, expect=expect(404, inspector=200, admin_user=200, rmc_43=200)),
        Case(label="VR01 not started", kwargs={"round_code": "icms-2013", "code": "VR01"}, expect=expect(404, inspector=200, admin_user=200)),
        Case(label="directorate", kwargs={"round_code": "icms-2013", "code": "DOPS"}, expect=expect(404)),
        Case(label="published not started", kwargs=VR13_2009, setup=published_2009, expect=expect(404)),
        Case(label="published started", kwargs=VR13_2009, setup=started(year=2009, published=True),
             expect=expect(404, **READ_VR13)),
        Case(label="unknown round", kwargs={"round_code": "icms-1999", "code": "VR13"}, expect=expect(404)),
        Case(label="unknown subject", kwargs={"round_code": "icms-2013", "code": "VR99"}, expect=expect(404)),
        Case(label="post", method="post", data=answer("ovr_assigned"), kwargs=VR13, setup=started(),
             expect=VR13_ANSWERS, changes=VR13_ANSWER),
        Case(label="B11 post", method="post", data=answer("opplan10_current"), kwargs=B11, setup=started("B11"),
             expect=B11_ANSWERS, changes=B11_ANSWER),
        # A plain submit refused by the published round shows the page again with the refusal at the question.
        Case(label="published post", method="post", data=answer("ovr_assigned"), kwargs=VR13_2009,
             setup=started(year=2009, published=True), expect=writes({role: 200 for role in VR13_ANSWER}, ("rmc_11",))),
        # A POST to a questionnaire never started saves nothing: it shows the start page again (the RMC, who
        # reads but may not fill in VR13's questionnaire, is refused the write).
        Case(label="not started post", method="post", data=answer("ovr_assigned"), kwargs=VR13,
             expect=writes({role: 200 for role in VR13_ANSWER}, ("rmc_11",))),
    ],
    "assessments:start": [
        Case(method="post", kwargs=VR13, expect=VR13_ANSWERS, changes=VR13_ANSWER),
        Case(label="B11", method="post", kwargs=B11, expect=B11_ANSWERS, changes=B11_ANSWER),
        Case(label="started already", method="post", kwargs=VR13, setup=started(), expect=VR13_ANSWERS),
        Case(label="published", method="post", kwargs=VR13_2009, setup=published_2009, expect=VR13_ANSWERS),
        Case(label="directorate without questionnaire", method="post", kwargs={"round_code": "icms-2013", "code": "DOPS"},
             expect=writes({role: 302 for role in INSPECTORS}, ())),
        Case(label="get", kwargs=VR13, expect=expect(405)),
    ],
    "assessments:answer": [
        Case(label="get", kwargs={**VR13, "question": "ovr_assigned"}, setup=started(), expect=expect(404, **READ_VR13)),
        Case(label="post", method="post", data=answer("ovr_assigned"), kwargs={**VR13, "question": "ovr_assigned"},
             setup=started(), expect=VR13_ANSWERS, changes=VR13_ANSWER),
        Case(label="B11 get", kwargs={**B11, "question": "opplan10_current"}, setup=started("B11"),
             expect=expect(404, **READ_B11)),
        Case(label="B11 post", method="post", data=answer("opplan10_current"),
             kwargs={**B11, "question": "opplan10_current"}, setup=started("B11"), expect=B11_ANSWERS, changes=B11_ANSWER),
        Case(label="submitted post", method="post", data=answer("ovr_assigned"),
             kwargs={**VR13, "question": "ovr_assigned"}, setup=started(status="submitted"), expect=VR13_ANSWERS),
        Case(label="published post", method="post", data=answer("ovr_assigned"),
             kwargs={**VR13_2009, "question": "ovr_assigned"}, setup=started(year=2009, published=True),
             expect=VR13_ANSWERS),
        Case(label="not started", kwargs={**VR13, "question": "ovr_assigned"}, expect=expect(404)),
        Case(label="unknown question", kwargs={**VR13, "question": "nope"}, setup=started(), expect=expect(404)),
    ],
    "assessments:sign": [
        Case(method="post", kwargs=VR13, setup=started(), expect=VR13_SIGNERS, changes=VR13_RESPONDENTS),
        Case(label="B11", method="post", kwargs=B11, setup=started("B11"), expect=B11_SIGNERS, changes={"rmc_11"}),
        Case(label="published", method="post", kwargs=VR13_2009, setup=started(year=2009, published=True),
             expect=VR13_SIGNERS),
    ],
    "assessments:submit": [
        Case(method="post", kwargs=VR13, setup=signed_vr13(), expect=VR13_SIGNERS, changes=VR13_RESPONDENTS),
        Case(label="B11", method="post", kwargs=B11, setup=signed_b11, expect=B11_SIGNERS, changes={"rmc_11"}),
        Case(label="unsigned", method="post", kwargs=VR13, setup=started(), expect=VR13_SIGNERS),
        Case(label="published", method="post", kwargs=VR13_2009, setup=signed_vr13(2009, published=True),
             expect=VR13_SIGNERS),
    ],
    "assessments:transition": [
        Case(method="post", data={"to": "in_review"}, kwargs=VR13, setup=started(status="submitted"),
             expect=VR13_REVIEW, changes=INSPECTORS),
        Case(label="B11", method="post", data={"to": "in_review"}, kwargs=B11, setup=started("B11", "submitted"),
             expect=B11_REVIEW, changes=INSPECTORS),
        Case(label="published", method="post", data={"to": "in_review"}, kwargs=VR13_2009,
             setup=started(status="submitted", year=2009, published=True), expect=VR13_REVIEW),
    ],
    "assessments:carry_over": [
        Case(method="post", kwargs=VR13, setup=carried_vr13(), expect=VR13_ANSWERS, changes=VR13_ANSWER),
        Case(label="B11 nothing to carry", method="post", kwargs=B11, setup=started("B11"), expect=B11_ANSWERS),
        Case(label="published", method="post", kwargs=VR13_2009, setup=carried_vr13(year=2009, published=True),
             expect=VR13_ANSWERS),
    ],
    "assessments:history": [
        Case(kwargs=VR13, setup=started(), expect=expect(404, **READ_VR13)),
        Case(label="B11", kwargs=B11, setup=started("B11"), expect=expect(404, **READ_B11)),
    ],
    "assessments:evidence_upload": [
        Case(method="post", data=pdf, kwargs=VR13, setup=started(), expect=VR13_ANSWERS, changes=VR13_ANSWER),
        Case(label="B11", method="post", data=pdf, kwargs=B11, setup=started("B11"), expect=B11_ANSWERS,
             changes=B11_ANSWER),
        Case(label="published", method="post", data=pdf, kwargs=VR13_2009, setup=started(year=2009, published=True),
             expect=VR13_ANSWERS),
    ],
    "assessments:evidence_download": [
        Case(kwargs=VR13, setup=evidence("VR13"), expect=expect(404, **READ_VR13)),
        Case(label="B11", kwargs=B11, setup=evidence("B11"), expect=expect(404, **READ_B11)),
        Case(label="other subject's", kwargs={"round_code": "icms-2013", "code": "VR14"}, setup=lambda: {
            **evidence("VR13")(), "_": AssessmentFactory(subject=subject("VR14"))}, expect=expect(404)),
        Case(label="unknown", kwargs={**VR13, "pk": 999999}, setup=started(), expect=expect(404)),
    ],
}
