"""Access rules for the questionnaire pages (assessments/urls.py, without the exchange)."""

from tests.access.rules import Case, expect
from tests.factories import AssessmentFactory, EvidenceFactory, brigade

# Readers of VR13's assessment: inspectors, its OVR and contact person, and the RMC of brigade 11.
READ_VR13 = {"inspector": 200, "admin_user": 200, "ovr_vr13": 200, "contact_vr13": 200, "rmc_11": 200}
READ_B11 = {"inspector": 200, "admin_user": 200, "rmc_11": 200}


def vr13(status: str = "draft"):
    def setup():
        AssessmentFactory(status=status)

    return setup


def b11(status: str = "draft"):
    def setup():
        AssessmentFactory(region=None, brigade=brigade(11), status=status)

    return setup


def vr13_evidence():
    return {"pk": EvidenceFactory(assessment=AssessmentFactory()).pk}


def b11_evidence():
    return {"pk": EvidenceFactory(assessment=AssessmentFactory(region=None, brigade=brigade(11))).pk}


def writes(respondents: dict, readers: tuple) -> dict:
    """A write: respondents get what they get, readers 403, everyone else 404."""
    return expect(404, **respondents, **{role: 403 for role in readers})


REGION = {"year": 2013, "code": "VR13"}
BRIGADE = {"year": 2013, "number": 11}
VR13_READERS = ("inspector", "admin_user", "rmc_11")
B11_READERS = ("inspector", "admin_user")
VR13_WRITE_OK = {"ovr_vr13": 302, "contact_vr13": 302}
B11_WRITE_OK = {"rmc_11": 302}
ANSWER = {"ovr_assigned-value": "ja", "ovr_assigned-revision": "0"}
B_ANSWER = {"question": "opplan10_current"}

RULES = {
    "assessments:fieldwork": [
        Case(expect=expect(403, inspector=200, admin_user=200)),
        Case(label="2009", query="?round=2009", expect=expect(403, inspector=200, admin_user=200)),
        Case(label="unknown round", query="?round=1999", expect=expect(403, inspector=404, admin_user=404)),
    ],
    "assessments:fill": [
        Case(label="started", kwargs=REGION, setup=vr13(), expect=expect(404, **READ_VR13)),
        Case(label="not started", kwargs=REGION, expect=expect(404, inspector=404, ovr_vr13=200, contact_vr13=200)),
        Case(label="closed round", kwargs={"year": 2009, "code": "VR13"}, expect=expect(404)),
        Case(label="unknown round", kwargs={"year": 1999, "code": "VR13"}, expect=expect(404)),
        Case(label="post", method="post", kwargs=REGION, setup=vr13(), expect=writes(VR13_WRITE_OK, VR13_READERS)),
    ],
    "assessments:brigade_fill": [
        Case(label="started", kwargs=BRIGADE, setup=b11(), expect=expect(404, **READ_B11)),
        Case(label="not started", kwargs=BRIGADE, expect=expect(404, rmc_11=200)),
        Case(label="other brigade", kwargs={"year": 2013, "number": 43}, expect=expect(404, rmc_43=200)),
        Case(label="post", method="post", kwargs=BRIGADE, setup=b11(), expect=writes(B11_WRITE_OK, B11_READERS)),
    ],
    "assessments:answer": [
        Case(label="get", kwargs={**REGION, "question": "ovr_assigned"}, setup=vr13(), expect=expect(404, **READ_VR13)),
        Case(label="post", method="post", data=ANSWER, kwargs={**REGION, "question": "ovr_assigned"}, setup=vr13(),
             expect=writes(VR13_WRITE_OK, VR13_READERS)),
        Case(label="unknown question", kwargs={**REGION, "question": "nope"}, setup=vr13(), expect=expect(404)),
    ],
    "assessments:brigade_answer": [
        Case(label="get", kwargs={**BRIGADE, "question": "opplan10_current"}, setup=b11(), expect=expect(404, **READ_B11)),
        Case(label="post", method="post", data={"opplan10_current-value": "ja", "opplan10_current-revision": "0"},
             kwargs={**BRIGADE, "question": "opplan10_current"}, setup=b11(),
             expect=writes(B11_WRITE_OK, B11_READERS)),
    ],
    "assessments:sign": [
        Case(method="post", kwargs=REGION, setup=vr13(), expect=writes(VR13_WRITE_OK, VR13_READERS)),
    ],
    "assessments:brigade_sign": [
        Case(method="post", kwargs=BRIGADE, setup=b11(), expect=writes(B11_WRITE_OK, B11_READERS)),
    ],
    "assessments:submit": [
        Case(method="post", kwargs=REGION, setup=vr13(), expect=writes(VR13_WRITE_OK, VR13_READERS)),
    ],
    "assessments:brigade_submit": [
        Case(method="post", kwargs=BRIGADE, setup=b11(), expect=writes(B11_WRITE_OK, B11_READERS)),
    ],
    "assessments:transition": [
        Case(method="post", data={"to": "in_review"}, kwargs=REGION, setup=vr13("submitted"),
             expect=expect(404, inspector=302, admin_user=302, ovr_vr13=403, contact_vr13=403, rmc_11=403)),
    ],
    "assessments:brigade_transition": [
        Case(method="post", data={"to": "in_review"}, kwargs=BRIGADE, setup=b11("submitted"),
             expect=expect(404, inspector=302, admin_user=302, rmc_11=403)),
    ],
    "assessments:carry_over": [
        Case(method="post", kwargs=REGION, setup=vr13(), expect=writes(VR13_WRITE_OK, VR13_READERS)),
    ],
    "assessments:brigade_carry_over": [
        Case(method="post", kwargs=BRIGADE, setup=b11(), expect=writes(B11_WRITE_OK, B11_READERS)),
    ],
    "assessments:history": [
        Case(kwargs=REGION, setup=vr13(), expect=expect(404, **READ_VR13)),
    ],
    "assessments:brigade_history": [
        Case(kwargs=BRIGADE, setup=b11(), expect=expect(404, **READ_B11)),
    ],
    "assessments:evidence_upload": [
        Case(method="post", kwargs=REGION, setup=vr13(), expect=writes(VR13_WRITE_OK, VR13_READERS)),
    ],
    "assessments:brigade_evidence_upload": [
        Case(method="post", kwargs=BRIGADE, setup=b11(), expect=writes(B11_WRITE_OK, B11_READERS)),
    ],
    "assessments:evidence_download": [
        Case(kwargs=REGION, setup=vr13_evidence, expect=expect(404, **READ_VR13)),
        Case(label="unknown", kwargs={**REGION, "pk": 999999}, setup=vr13(), expect=expect(404)),
    ],
    "assessments:brigade_evidence_download": [
        Case(kwargs=BRIGADE, setup=b11_evidence, expect=expect(404, **READ_B11)),
    ],
}
