"""Access rules for the round as a whole (national/urls.py): the national picture, conclusions, publication
and the recommendations. Reading: inspectors, administrators and ministry staff; writing: inspectors."""

from tests.access.assessments import publish_2009
from tests.access.rules import INSPECTORS, Case, expect
from tests.factories import (
    DraftRuleFactory,
    FindingFactory,
    NationalConclusionFactory,
    RecommendationFactory,
)

READ = {role: 200 for role in INSPECTORS}
NATIONAL = expect(403, ministry=200, **READ)
INSPECTOR_PAGE = expect(403, **READ)
INSPECTOR_POST = expect(403, inspector=302, admin_user=302)


def _round(year: int = 2013):
    from assessments.models import Round

    return Round.objects.get(year=year)


def _factor(code: str):
    from assessments.models import SuccessFactor

    return SuccessFactor.objects.get(code=code)


def _conclusion(year: int = 2013, published: bool = False):
    """A conclusion on 3.1.1 and a regional finding on that factor it may cite."""

    def setup():
        conclusion = NationalConclusionFactory(round=_round(year))
        finding = FindingFactory(round=_round(year))
        if published:
            publish_2009()
        return {"pk": conclusion.pk, "_finding": finding.pk}

    return setup


def _with_conclusion():
    _conclusion()()


def _recommendation(year: int = 2013, published: bool = False, **kwargs):
    def setup():
        recommendation = RecommendationFactory(round=_round(year), **kwargs)
        if published:
            publish_2009()
        return {"pk": recommendation.pk}

    return setup


def _follow_up(year: int, published: bool = False):
    """An accepted recommendation of the round before `year`, to follow up in `year`."""

    def setup():
        recommendation = RecommendationFactory(round=_round(year).predecessor)
        if published:
            publish_2009()
        return {"pk": recommendation.pk, "year": year}

    return setup


def _rule_fires(year: int = 2013, published: bool = False):
    """A rule on 3.4.1 that fires for one region judged below 'voldoet'."""

    def setup():
        DraftRuleFactory(round=_round(year), min_regions=1)
        FindingFactory(round=_round(year), success_factor=_factor("3.4.1"), judgment="voldoet_niet")
        if published:
            publish_2009()
        return {"year": year}

    return setup


def _published():
    publish_2009()


def recommendation(_context=None) -> dict:
    return {"text": "Oefen jaarlijks gezamenlijk.", "addressee": "defensie", "success_factors": [_factor("3.5.1").pk],
            "region": ""}


def draft_rule(_context=None) -> dict:
    return {"success_factor": _factor("3.4.1").pk, "kind": "judgment_below", "min_regions": "2",
            "addressee": "minister_venj", "text_template": "Veranker de positie van Defensie ({regios})."}


CONCLUSION = {"text": "In alle regio's is een OVR beschikbaar.", "judgment": "voldoet", "revision": "0"}
FOLLOW_UP = {"status": "gedeeltelijk_opgevolgd", "explanation": "Deels uitgevoerd."}

RULES = {
    "national:dashboard": [Case(expect=NATIONAL), Case(label="2009", query="?round=2009", expect=NATIONAL)],
    "national:factor": [
        Case(label="3.4.1", kwargs={"year": 2013, "csf": "3.4.1"}, expect=NATIONAL),
        Case(label="overall", kwargs={"year": 2013, "csf": "overall"}, expect=NATIONAL),
        Case(label="with conclusion", kwargs={"year": 2013, "csf": "3.1.1"}, setup=_with_conclusion,
             expect=NATIONAL),
        Case(label="unknown", kwargs={"year": 2013, "csf": "9.9.9"}, expect=expect(403, ministry=404, **{r: 404 for r in INSPECTORS})),
        Case(label="unknown round", kwargs={"year": 1999, "csf": "3.4.1"}, expect=expect(403, ministry=404, **{r: 404 for r in INSPECTORS})),
    ],
    "national:conclusion_edit": [
        Case(kwargs={"year": 2013, "csf": "3.4.1"}, expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=CONCLUSION, kwargs={"year": 2013, "csf": "3.4.1"}, expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="overall post", method="post", data=CONCLUSION, kwargs={"year": 2013, "csf": "overall"},
             expect=INSPECTOR_POST, changes=INSPECTORS),
        # Refused by the published round: the form again, with the message.
        Case(label="published post", method="post", data=CONCLUSION, kwargs={"year": 2009, "csf": "3.4.1"},
             setup=_published, expect=INSPECTOR_PAGE),
    ],
    "national:conclusion_cite": [
        Case(method="post", data=lambda c: {"cited_finding": c["_finding"]}, setup=_conclusion(), expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="published", method="post", data=lambda c: {"cited_finding": c["_finding"]},
             setup=_conclusion(2009, published=True), expect=INSPECTOR_POST),
    ],
    "national:publish": [
        Case(kwargs={"year": 2013}, expect=INSPECTOR_PAGE),
        Case(label="post with reason", method="post", data={"override_reason": "Verificatie loopt uit; rapport gaat voor."},
             kwargs={"year": 2013}, expect=INSPECTOR_POST, changes=INSPECTORS),
        # Not every region verified and no reason: the form again, nothing published.
        Case(label="post without reason", method="post", data={"override_reason": ""}, kwargs={"year": 2013},
             expect=INSPECTOR_PAGE),
        Case(label="published already", method="post", data={"override_reason": "Nogmaals."}, kwargs={"year": 2009},
             setup=_published, expect=INSPECTOR_PAGE),
    ],
    "national:recommendations": [Case(expect=NATIONAL), Case(label="2009", query="?round=2009", expect=NATIONAL)],
    "national:recommendation_create": [
        Case(kwargs={"year": 2013}, expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=recommendation, kwargs={"year": 2013}, expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="published post", method="post", data=recommendation, kwargs={"year": 2009}, setup=_published,
             expect=INSPECTOR_PAGE),
    ],
    "national:recommendation_edit": [
        Case(setup=_recommendation(), expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=recommendation, setup=_recommendation(), expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="published post", method="post", data=recommendation, setup=_recommendation(2009, published=True),
             expect=INSPECTOR_PAGE),
        Case(label="unknown", kwargs={"pk": 999999}, expect=expect(403, **{r: 404 for r in INSPECTORS})),
    ],
    "national:recommendation_decide": [
        Case(method="post", data={"decision": "accept"}, setup=_recommendation(status="draft"), expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="dismiss", method="post", data={"decision": "dismiss"}, setup=_recommendation(status="draft"),
             expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="accepted already", method="post", data={"decision": "accept"}, setup=_recommendation(),
             expect=INSPECTOR_POST),
        Case(label="published", method="post", data={"decision": "accept"},
             setup=_recommendation(2009, published=True, status="draft"), expect=INSPECTOR_POST),
    ],
    "national:follow_up": [
        Case(setup=_follow_up(2013), expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=FOLLOW_UP, setup=_follow_up(2013), expect=INSPECTOR_POST,
             changes=INSPECTORS),
        # The follow-up belongs to the later round: a published recommendation's round does not stop it.
        Case(label="post, recommendation's round published", method="post", data=FOLLOW_UP,
             setup=_follow_up(2013, published=True), expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="post into published round", method="post", data=FOLLOW_UP, setup=_follow_up(2009, published=True),
             expect=INSPECTOR_PAGE),
    ],
    "national:draft_rules": [
        Case(kwargs={"year": 2013}, expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=draft_rule, kwargs={"year": 2013}, expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="published post", method="post", data=draft_rule, kwargs={"year": 2009}, setup=_published,
             expect=INSPECTOR_PAGE),
    ],
    "national:drafts_generate": [
        Case(method="post", setup=_rule_fires(), expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="no rules", method="post", kwargs={"year": 2013}, expect=INSPECTOR_POST),
        Case(label="published", method="post", setup=_rule_fires(2009, published=True), expect=INSPECTOR_POST),
    ],
}
