"""Access to the CSV/XLSX exchange: inspectors everything; respondents download what they may see; ministry nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access.assessments import publish_2009
from tests.access.rules import INSPECTORS as INSPECTOR_ROLES
from tests.access.rules import Case, expect

INSPECTORS = {"inspector": 200, "admin_user": 200}
IMPORTED = expect(403, inspector=302, admin_user=302)


def answers_csv(year: int):
    def data(_context=None) -> dict:
        body = b"region_code,question_code,value,comment\nVR13,ovr_assigned,ja,Sinds 2010.\n"
        return {"round": str(year), "file": SimpleUploadedFile("antwoorden.csv", body, content_type="text/csv")}

    return data


def judgments_csv(year: int):
    def data(_context=None) -> dict:
        body = b"region_code,csf,judgment,finding\nVR13,3.1.1,voldoet,De OVR is twee dagen per week aanwezig.\n"
        return {"round": str(year), "file": SimpleUploadedFile("oordelen.csv", body, content_type="text/csv")}

    return data


RULES = {
    "assessments:exchange": [Case(expect=expect(200, contact_dops=403, ministry=403))],
    "assessments:export": [
        Case(label="all visible", query="?round=icms-2013", expect=expect(200, contact_dops=403, ministry=403)),
        Case(
            label="VR13",
            query="?round=icms-2013&region=VR13",
            expect=expect(404, **INSPECTORS, ovr_vr13=200, contact_vr13=200, rmc_11=200, contact_dops=403, ministry=403),
        ),
        Case(
            label="VR01 blank xlsx",
            query="?round=icms-2013&region=VR01&blank=1&format=xlsx",
            expect=expect(404, **INSPECTORS, rmc_43=200, contact_dops=403, ministry=403),
        ),
        Case(label="unknown region", query="?round=icms-2013&region=VR99", expect=expect(404, contact_dops=403, ministry=403)),
        Case(label="no round", query="?format=csv", expect=expect(400, contact_dops=403, ministry=403)),
    ],
    "assessments:import": [
        Case(expect=expect(403, **INSPECTORS)),
        Case(label="post without file", method="post", data={"round": "2013"}, expect=expect(403, **INSPECTORS)),
        Case(label="post", method="post", data=answers_csv(2013), expect=IMPORTED, changes=INSPECTOR_ROLES),
        # Refused by the published round: the upload page again, listing why.
        Case(label="published", method="post", data=answers_csv(2009), setup=publish_2009, expect=expect(403, **INSPECTORS)),
    ],
    "findings:judgments_import": [
        Case(expect=expect(403, **INSPECTORS)),
        Case(label="post without file", method="post", data={"round": "2013"}, expect=expect(403, **INSPECTORS)),
        Case(label="post", method="post", data=judgments_csv(2013), expect=IMPORTED, changes=INSPECTOR_ROLES),
        Case(label="published", method="post", data=judgments_csv(2009), setup=publish_2009,
             expect=expect(403, **INSPECTORS)),
    ],
    "findings:judgments_export": [
        Case(query="?round=icms-2013", expect=expect(403, **INSPECTORS)),
        Case(label="xlsx", query="?round=icms-2013&format=xlsx", expect=expect(403, **INSPECTORS)),
        Case(label="bad format", query="?round=icms-2013&format=pdf", expect=expect(403, inspector=400, admin_user=400)),
    ],
}
