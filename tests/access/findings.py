"""Access rules for findings, verification, the national picture and recommendations."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access.rules import Case, expect

INSPECTORS = {"inspector": 200, "admin_user": 200}
NATIONAL = expect(403, ministry=200, **INSPECTORS)
INSPECTOR_PAGE = expect(403, **INSPECTORS)
INSPECTOR_POST = expect(403, inspector=302, admin_user=302)


def _inspector():
    from accounts.models import Role
    from tests.factories import UserFactory

    return UserFactory(username="setup.inspecteur", role=Role.INSPECTOR)


def _sent(code="VR13"):
    """All nine findings of a region written and sent for verification."""
    from assessments.models import Round, SuccessFactor
    from findings.services import finding_save, verification_send
    from regions.models import Region

    by, round, region = _inspector(), Round.objects.get(year=2013), Region.objects.get(code=code)
    for factor in SuccessFactor.objects.filter(subject="region"):
        finding_save(round=round, region=region, success_factor=factor, text="Tekst.", judgment="voldoet", by=by)
    return verification_send(round=round, region=region, by=by)


def _send_vr13():
    _sent()
    return {}


def _item():
    return {"pk": _sent().items.first().pk}


def _comment():
    from findings.services import verification_respond
    from tests.factories import UserFactory

    item = _sent().items.first()
    respondent = UserFactory(username="setup.ovr", role="ovr")
    return {"pk": verification_respond(item=item, by=respondent, kind="comment", comment="Klopt niet.").pk}


def _attachment(sent=True):
    def setup():
        from assessments.models import Round
        from findings.services import report_save
        from regions.models import Region

        if sent:
            _sent()
        report = report_save(
            round=Round.objects.get(year=2013), region=Region.objects.get(code="VR13"), held_on=None,
            participants="OVR", text="Verslag.", by=_inspector(),
            attachment=SimpleUploadedFile("bijlage.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
        )
        return {"pk": report.attachments.get().pk}

    return setup


def _finding():
    from tests.factories import FindingFactory

    return {"pk": FindingFactory().pk}


def _conclusion():
    from tests.factories import NationalConclusionFactory

    return {"pk": NationalConclusionFactory().pk}


def _citation():
    from tests.factories import CitationFactory

    return {"pk": CitationFactory().pk}


def _recommendation(**kwargs):
    def setup():
        from tests.factories import RecommendationFactory

        return {"pk": RecommendationFactory(**kwargs).pk}

    return setup


def _recommendation_2009():
    from assessments.models import Round
    from tests.factories import RecommendationFactory

    return {"pk": RecommendationFactory(round=Round.objects.get(year=2009)).pk, "year": 2013}


REGION_READ = expect(404, ovr_vr13=200, contact_vr13=200, **INSPECTORS)
REGION_EDIT_PAGE = expect(404, ovr_vr13=403, contact_vr13=403, **INSPECTORS)
REGION_POST = expect(404, ovr_vr13=403, contact_vr13=403, inspector=302, admin_user=302)
BRIGADE_EDIT_PAGE = expect(404, rmc_11=403, **INSPECTORS)

RULES = {
    "findings:overview": [Case(expect=INSPECTOR_PAGE), Case(label="2009", query="?round=2009", expect=INSPECTOR_PAGE)],
    "findings:national": [Case(expect=NATIONAL), Case(label="2009", query="?round=2009", expect=NATIONAL)],
    "findings:national_factor": [
        Case(label="3.4.1", kwargs={"year": 2013, "csf": "3.4.1"}, expect=NATIONAL),
        Case(label="overall", kwargs={"year": 2013, "csf": "overall"}, expect=NATIONAL),
        Case(label="unknown", kwargs={"year": 2013, "csf": "9.9.9"}, expect=expect(403, ministry=404, inspector=404, admin_user=404)),
    ],
    "findings:conclusion_edit": [Case(kwargs={"year": 2013, "csf": "3.4.1"}, expect=INSPECTOR_PAGE)],
    "findings:conclusion_cite": [Case(method="post", setup=_conclusion, expect=INSPECTOR_POST)],
    "findings:publish": [Case(kwargs={"year": 2013}, expect=INSPECTOR_PAGE)],
    "findings:recommendations": [Case(expect=NATIONAL)],
    "findings:recommendation_create": [Case(kwargs={"year": 2013}, expect=INSPECTOR_PAGE)],
    "findings:draft_rules": [Case(kwargs={"year": 2013}, expect=INSPECTOR_PAGE)],
    "findings:drafts_generate": [Case(method="post", kwargs={"year": 2013}, expect=INSPECTOR_POST)],
    "findings:recommendation_edit": [Case(setup=_recommendation(), expect=INSPECTOR_PAGE)],
    "findings:recommendation_decide": [
        Case(method="post", data={"decision": "accept"}, setup=_recommendation(status="draft"), expect=INSPECTOR_POST)
    ],
    "findings:follow_up": [Case(setup=_recommendation_2009, expect=INSPECTOR_PAGE)],
    "findings:item_respond": [
        Case(
            method="post",
            data={"kind": "agree"},
            setup=_item,
            expect=expect(404, ovr_vr13=302, contact_vr13=302, inspector=403, admin_user=403),
        )
    ],
    "findings:response_reply": [
        Case(
            method="post",
            data={"reply": "Aangepast.", "resolution": "kept"},
            setup=_comment,
            expect=expect(404, ovr_vr13=403, contact_vr13=403, inspector=302, admin_user=302),
        )
    ],
    "findings:attachment": [
        Case(label="sent", setup=_attachment(), expect=REGION_READ),
        Case(label="draft", setup=_attachment(sent=False), expect=expect(404, **INSPECTORS)),
    ],
    "findings:citation_delete": [Case(method="post", setup=_citation, expect=INSPECTOR_POST)],
    "findings:finding_cite": [Case(method="post", setup=_finding, expect=REGION_POST)],
    "findings:region": [
        Case(label="VR13", kwargs={"year": 2013, "code": "VR13"}, expect=REGION_READ),
        Case(label="VR14", kwargs={"year": 2013, "code": "VR14"}, expect=expect(404, ovr_vr14=200, **INSPECTORS)),
        Case(label="VR13 sent", kwargs={"year": 2013, "code": "VR13"}, setup=_send_vr13, expect=REGION_READ),
        Case(label="unknown round", kwargs={"year": 1999, "code": "VR13"}, expect=expect(404)),
    ],
    "findings:region_report": [Case(kwargs={"year": 2013, "code": "VR13"}, expect=REGION_EDIT_PAGE)],
    "findings:region_send": [Case(method="post", kwargs={"year": 2013, "code": "VR13"}, expect=REGION_POST)],
    "findings:finding": [Case(kwargs={"year": 2013, "code": "VR13", "csf": "3.4.1"}, expect=REGION_EDIT_PAGE)],
    "findings:brigade": [Case(kwargs={"year": 2013, "number": 11}, expect=expect(404, rmc_11=200, **INSPECTORS))],
    "findings:brigade_report": [Case(kwargs={"year": 2013, "number": 11}, expect=BRIGADE_EDIT_PAGE)],
    "findings:brigade_send": [
        Case(method="post", kwargs={"year": 2013, "number": 11}, expect=expect(404, rmc_11=403, inspector=302, admin_user=302))
    ],
    "findings:brigade_finding": [Case(kwargs={"year": 2013, "number": 11, "csf": "3.3.1"}, expect=BRIGADE_EDIT_PAGE)],
}
