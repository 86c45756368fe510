"""The site's own pages, and the regions: the list and the page of one audited party (regions/urls.py)."""

from tests.access.rules import Case, expect

ALL = expect(200)
INSPECTORS = {"inspector": 200, "admin_user": 200}

RULES = {
    "home": [Case(expect=ALL)],
    "healthz": [Case(expect=expect(200, anonymous=200))],
    "security_txt": [Case(expect=expect(200, anonymous=200))],
    "login": [Case(expect=expect(200, anonymous=200))],
    "logout": [Case(method="post", expect=expect(302, anonymous=302))],
    "set_language": [Case(method="post", data={"language": "en", "next": "/"}, expect=expect(302, anonymous=302))],
    # The list of regions: not for ministry staff, nor for a directorate's contact person (who sees no region).
    "regions:list": [Case(expect=expect(200, ministry=403, contact_dops=403))],
    # One page per subject: inspectors every one; respondents their own; an RMC also its brigade's regions; the
    # contact person of a directorate that directorate only; ministry staff none (404, as for one that does not exist).
    "regions:detail": [
        Case(label="VR13", kwargs={"code": "VR13"},
             expect=expect(404, **INSPECTORS, ovr_vr13=200, contact_vr13=200, rmc_11=200)),
        Case(label="vr13", kwargs={"code": "vr13"},
             expect=expect(404, **INSPECTORS, ovr_vr13=200, contact_vr13=200, rmc_11=200)),
        Case(label="VR14", kwargs={"code": "VR14"}, expect=expect(404, **INSPECTORS, ovr_vr14=200, rmc_11=200)),
        Case(label="VR01", kwargs={"code": "VR01"}, expect=expect(404, **INSPECTORS, rmc_43=200)),
        Case(label="B11", kwargs={"code": "B11"}, expect=expect(404, **INSPECTORS, rmc_11=200)),
        Case(label="B43", kwargs={"code": "B43"}, expect=expect(404, **INSPECTORS, rmc_43=200)),
        Case(label="DOPS", kwargs={"code": "DOPS"}, expect=expect(404, **INSPECTORS, contact_dops=200)),
        Case(label="DJZ", kwargs={"code": "DJZ"}, expect=expect(404, **INSPECTORS)),
        Case(label="CLAS", kwargs={"code": "CLAS"}, expect=expect(404, **INSPECTORS)),
        Case(label="unknown", kwargs={"code": "VR99"}, expect=expect(404)),
        Case(label="unknown brigade", kwargs={"code": "B99"}, expect=expect(404)),
    ],
    # The brigade's page of earlier versions: a permanent redirect to its code, for everyone logged in.
    "regions:brigade_moved": [Case(kwargs={"number": 11}, expect=expect(301))],
}
