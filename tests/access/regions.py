from tests.access.rules import Case, expect

ALL = expect(200)

RULES = {
    "home": [Case(expect=ALL)],
    "healthz": [Case(expect=expect(200, anonymous=200))],
    "login": [Case(expect=expect(200, anonymous=200))],
    "logout": [Case(method="post", expect=expect(302, anonymous=302))],
    "set_language": [Case(method="post", data={"language": "en", "next": "/"}, expect=expect(302, anonymous=302))],
    "regions:list": [Case(expect=expect(200, ministry=403))],
    "regions:detail": [
        Case(
            label="VR13",
            kwargs={"code": "VR13"},
            expect=expect(404, inspector=200, admin_user=200, ovr_vr13=200, contact_vr13=200, rmc_11=200),
        ),
        Case(label="VR14", kwargs={"code": "VR14"}, expect=expect(404, inspector=200, admin_user=200, ovr_vr14=200, rmc_11=200)),
        Case(label="VR01", kwargs={"code": "VR01"}, expect=expect(404, inspector=200, admin_user=200, rmc_43=200)),
        Case(label="unknown", kwargs={"code": "VR99"}, expect=expect(404)),
    ],
    "regions:brigade": [
        Case(kwargs={"number": 11}, expect=expect(404, inspector=200, admin_user=200, rmc_11=200)),
    ],
}
