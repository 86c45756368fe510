"""Access to the CSV/XLSX exchange: inspectors everything; respondents download what they may see; ministry nothing."""

from tests.access.rules import Case, expect

INSPECTORS = {"inspector": 200, "admin_user": 200}

RULES = {
    "assessments:exchange": [Case(expect=expect(200, ministry=403))],
    "assessments:export": [
        Case(label="all visible", query="?round=2013", expect=expect(200, ministry=403)),
        Case(
            label="VR13",
            query="?round=2013&region=VR13",
            expect=expect(404, **INSPECTORS, ovr_vr13=200, contact_vr13=200, rmc_11=200, ministry=403),
        ),
        Case(
            label="VR01 blank xlsx",
            query="?round=2013&region=VR01&blank=1&format=xlsx",
            expect=expect(404, **INSPECTORS, rmc_43=200, ministry=403),
        ),
        Case(label="unknown region", query="?round=2013&region=VR99", expect=expect(404, ministry=403)),
        Case(label="no round", query="?format=csv", expect=expect(400, ministry=403)),
    ],
    "assessments:import": [
        Case(expect=expect(403, **INSPECTORS)),
        Case(label="post without file", method="post", data={"round": "2013"}, expect=expect(403, **INSPECTORS)),
    ],
    "findings:judgments_import": [
        Case(expect=expect(403, **INSPECTORS)),
        Case(label="post without file", method="post", data={"round": "2013"}, expect=expect(403, **INSPECTORS)),
    ],
    "findings:judgments_export": [
        Case(query="?round=2013", expect=expect(403, **INSPECTORS)),
        Case(label="xlsx", query="?round=2013&format=xlsx", expect=expect(403, **INSPECTORS)),
        Case(label="bad format", query="?round=2013&format=pdf", expect=expect(403, inspector=400, admin_user=400)),
    ],
}
