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
NATIONAL_REDIRECT = expect(403, ministry=302, **{role: 302 for role in INSPECTORS})
# An unpublished round that no inspector shared: the ministry finds nothing there.
UNPUBLISHED = expect(403, ministry=404, **READ)


def _round(year: int = 2013):
    from framework.models import Round

    return Round.objects.get(year=year)


def _factor(code: str):
    from framework.models import SuccessFactor

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
        return {"pk": recommendation.pk, "round_code": f"icms-{year}"}

    return setup


def _rule_fires(year: int = 2013, published: bool = False):
    """A rule on 3.4.1 that fires for one region judged below 'voldoet'."""

    def setup():
        DraftRuleFactory(round=_round(year), min_regions=1)
        FindingFactory(round=_round(year), success_factor=_factor("3.4.1"), judgment="voldoet_niet")
        if published:
            publish_2009()
        return {"round_code": f"icms-{year}"}

    return setup


def _published():
    publish_2009()


def _shared():
    """2013 shared with the ministry as a preview."""
    from national.models import Preview
    from tests.factories import UserFactory

    Preview.objects.create(round=_round(2013), shared_by=UserFactory(username="deler"))


def recommendation(_context=None) -> dict:
    return {"text": "Oefen jaarlijks gezamenlijk.", "addressee": "defensie", "success_factors": [_factor("3.5.1").pk],
            "region": ""}


def draft_rule(_context=None) -> dict:
    return {"success_factor": _factor("3.4.1").pk, "kind": "judgment_below", "min_regions": "2",
            "addressee": "minister_venj", "text_template": "Veranker de positie van Defensie ({aantal} regio's)."}


CONCLUSION = {"text": "In alle regio's is een OVR beschikbaar.", "judgment": "voldoet", "revision": "0"}
FOLLOW_UP = {"status": "gedeeltelijk_opgevolgd", "explanation": "Deels uitgevoerd."}
CONTEXT = {"text": "De vraag naar bijstand groeit.", "text_en": "", "revision": "0", "figures-TOTAL_FORMS": "1",
           "figures-INITIAL_FORMS": "0", "figures-MIN_NUM_FORMS": "0", "figures-MAX_NUM_FORMS": "1000",
           "figures-0-label": "Aanvragen om bijstand", "figures-0-value": "ruim 40", "figures-0-period": "2012",
           "figures-0-unit": "aanvragen", "figures-0-source": "rapport §2.2"}

def _preview_2013():
    from national.models import Preview
    from tests.factories import UserFactory

    Preview.objects.create(round=_round(2013), shared_by=UserFactory(username="deler", role="inspector"))


# The JSON of the national picture: anonymous 401 (no redirect), respondents 403, the ministry only a published
# or previewed round (else 403), an unknown round 404 for those who may read the picture at all.
API = {role: 200 for role in INSPECTORS}
API_RULES = [
    Case(label="unpublished", kwargs={"round_code": "icms-2013"}, expect=expect(403, anonymous=401, **API)),
    Case(label="previewed", kwargs={"round_code": "icms-2013"}, setup=_preview_2013, expect=expect(403, anonymous=401, ministry=200, **API)),
    Case(label="published", kwargs={"round_code": "icms-2009"}, setup=_published, expect=expect(403, anonymous=401, ministry=200, **API)),
    Case(label="unknown round", kwargs={"round_code": "icms-1999"}, expect=expect(403, anonymous=401, ministry=404, **{r: 404 for r in INSPECTORS})),
]

# The year addresses of earlier versions: a permanent redirect to the round's code for everyone logged in (the
# page it leads to decides access); an unknown year answers 404.
YEAR_MOVED = [Case(kwargs={"year": 2013}, expect=expect(301)),
              Case(label="unknown year", kwargs={"year": 1999}, expect=expect(404))]
YEAR_MOVED_REST = [Case(kwargs={"year": 2013, "rest": "3.4.1/"}, expect=expect(301)),
                   Case(label="unknown year", kwargs={"year": 1999, "rest": "3.4.1/"}, expect=expect(404))]

RULES = {
    "api_national_picture": API_RULES,
    "api_year_moved": YEAR_MOVED,
    "national:year_moved_root": YEAR_MOVED,
    "national:year_moved": YEAR_MOVED_REST,
    # /national/ (and the old ?round=) redirects to the dashboard of a round the reader may read; the ministry,
    # before any round is published or shared, reads that nothing is released yet (200), never a 404.
    "national:dashboard": [
        Case(expect=expect(403, ministry=200, **{role: 302 for role in INSPECTORS})),
        Case(label="published", setup=_published, expect=NATIONAL_REDIRECT),
        Case(label="2009", query="?round=icms-2009", expect=expect(403, ministry=404, **{role: 302 for role in INSPECTORS})),
        Case(label="2009 published", query="?round=icms-2009", setup=_published, expect=NATIONAL_REDIRECT),
    ],
    "national:round": [
        Case(label="unpublished", kwargs={"round_code": "icms-2013"}, expect=UNPUBLISHED),
        Case(label="shared", kwargs={"round_code": "icms-2013"}, setup=_shared, expect=NATIONAL),
        Case(label="published", kwargs={"round_code": "icms-2009"}, setup=_published, expect=NATIONAL),
        Case(label="map", kwargs={"round_code": "icms-2009"}, query="?map=3.4.1", setup=_published, expect=NATIONAL),
        Case(label="unknown round", kwargs={"round_code": "icms-1999"}, expect=expect(403, ministry=404, **{r: 404 for r in INSPECTORS})),
    ],
    "national:preview_share": [
        Case(method="post", kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="published", method="post", kwargs={"round_code": "icms-2009"}, setup=_published, expect=INSPECTOR_POST),
    ],
    "national:preview_withdraw": [
        Case(method="post", kwargs={"round_code": "icms-2013"}, setup=_shared, expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="not shared", method="post", kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST),
    ],
    "national:factor": [
        Case(label="3.4.1", kwargs={"round_code": "icms-2013", "csf": "3.4.1"}, expect=UNPUBLISHED),
        Case(label="shared", kwargs={"round_code": "icms-2013", "csf": "3.4.1"}, setup=_shared, expect=NATIONAL),
        Case(label="published", kwargs={"round_code": "icms-2009", "csf": "3.4.1"}, setup=_published, expect=NATIONAL),
        Case(label="overall", kwargs={"round_code": "icms-2013", "csf": "overall"}, setup=_shared, expect=NATIONAL),
        Case(label="with conclusion", kwargs={"round_code": "icms-2013", "csf": "3.1.1"}, setup=_with_conclusion,
             expect=UNPUBLISHED),
        Case(label="unknown", kwargs={"round_code": "icms-2013", "csf": "9.9.9"}, expect=expect(403, ministry=404, **{r: 404 for r in INSPECTORS})),
        Case(label="unknown round", kwargs={"round_code": "icms-1999", "csf": "3.4.1"}, expect=expect(403, ministry=404, **{r: 404 for r in INSPECTORS})),
    ],
    "national:conclusion_edit": [
        Case(kwargs={"round_code": "icms-2013", "csf": "3.4.1"}, expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=CONCLUSION, kwargs={"round_code": "icms-2013", "csf": "3.4.1"}, expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="overall post", method="post", data=CONCLUSION, kwargs={"round_code": "icms-2013", "csf": "overall"},
             expect=INSPECTOR_POST, changes=INSPECTORS),
        # Refused by the published round: the form again, with the message.
        Case(label="published post", method="post", data=CONCLUSION, kwargs={"round_code": "icms-2009", "csf": "3.4.1"},
             setup=_published, expect=INSPECTOR_PAGE),
    ],
    # The round's context (research question 4): inspectors edit it; the ministry reads it on the dashboard only.
    "national:context_edit": [
        Case(kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=CONTEXT, kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST,
             changes=INSPECTORS),
        # Refused by the published round: the form again, with the message.
        Case(label="published post", method="post", data=CONTEXT, kwargs={"round_code": "icms-2009"}, setup=_published,
             expect=INSPECTOR_PAGE),
        Case(label="unknown round", kwargs={"round_code": "icms-1999"}, expect=expect(403, **{r: 404 for r in INSPECTORS})),
    ],
    "national:rule_edit": [
        Case(method="post", data={"meets_min": "20", "partly_min": "10"}, kwargs={"round_code": "icms-2013", "csf": "3.4.1"},
             expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="published", method="post", data={"meets_min": "20", "partly_min": "10"},
             kwargs={"round_code": "icms-2009", "csf": "3.4.1"}, setup=_published, expect=INSPECTOR_POST),
        Case(label="get", kwargs={"round_code": "icms-2013", "csf": "3.4.1"}, expect=expect(405)),
    ],
    "national:conclusion_cite": [
        Case(method="post", data=lambda c: {"cited_finding": c["_finding"]}, setup=_conclusion(), expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="published", method="post", data=lambda c: {"cited_finding": c["_finding"]},
             setup=_conclusion(2009, published=True), expect=INSPECTOR_POST),
    ],
    "national:publish": [
        Case(kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_PAGE),
        Case(label="post with reason", method="post", data={"override_reason": "Verificatie loopt uit; rapport gaat voor."},
             kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST, changes=INSPECTORS),
        # Not every region verified and no reason: the form again, nothing published.
        Case(label="post without reason", method="post", data={"override_reason": ""}, kwargs={"round_code": "icms-2013"},
             expect=INSPECTOR_PAGE),
        Case(label="published already", method="post", data={"override_reason": "Nogmaals."}, kwargs={"round_code": "icms-2009"},
             setup=_published, expect=INSPECTOR_PAGE),
    ],
    # The recommendations (and follow-ups) of a round are read by who reads its picture.
    "national:recommendations": [
        Case(expect=NATIONAL),
        Case(label="2013", query="?round=icms-2013", expect=UNPUBLISHED),
        Case(label="2013 shared", query="?round=icms-2013", setup=_shared, expect=NATIONAL),
        Case(label="2009 published", query="?round=icms-2009", setup=_published, expect=NATIONAL),
    ],
    "national:recommendation_create": [
        Case(kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=recommendation, kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="published post", method="post", data=recommendation, kwargs={"round_code": "icms-2009"}, setup=_published,
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
        Case(kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_PAGE),
        Case(label="post", method="post", data=draft_rule, kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST,
             changes=INSPECTORS),
        Case(label="published post", method="post", data=draft_rule, kwargs={"round_code": "icms-2009"}, setup=_published,
             expect=INSPECTOR_PAGE),
    ],
    "national:drafts_generate": [
        Case(method="post", setup=_rule_fires(), expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="no rules", method="post", kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST),
        Case(label="published", method="post", setup=_rule_fires(2009, published=True), expect=INSPECTOR_POST),
    ],
}

# --- the report as files and the correction of a published picture (national/files.py) ----------------------
# Who may download is who may see the dashboard; the published round here has no stored snapshot (publish_2009
# sets the date only), so its files are rendered as for any round.
def _published_picture():
    """2009 published with a stored picture (version 1) to correct."""
    from django.utils import timezone

    from national.models import PublishedPicture
    from national.publication import document_fingerprint
    from tests.factories import UserFactory

    publish_2009()
    PublishedPicture.objects.create(round=_round(2009), version=1, document={}, sha256=document_fingerprint({}),
                                    published_at=timezone.now(), published_by=UserFactory(username="publicist"))


CORRECTION = {"reason": "Telfout in 3.4.1.", "success_factor": "3.4.1", "judgment": "voldoet_gedeeltelijk"}

RULES.update({
    "national:report_pdf": [
        Case(label="unpublished", kwargs={"round_code": "icms-2013"}, expect=UNPUBLISHED),
        Case(label="published", kwargs={"round_code": "icms-2009"}, setup=_published, expect=NATIONAL),
    ],
    "national:report_docx": [Case(label="shared", kwargs={"round_code": "icms-2013"}, setup=_shared, expect=NATIONAL)],
    "national:report_xlsx": [Case(label="unpublished", kwargs={"round_code": "icms-2013"}, expect=UNPUBLISHED)],
    "national:indicators_csv": [
        Case(label="shared", kwargs={"round_code": "icms-2013"}, setup=_shared, expect=NATIONAL),
        Case(label="unknown round", kwargs={"round_code": "icms-1999"}, expect=expect(403, ministry=404, **{r: 404 for r in INSPECTORS})),
    ],
    "national:report_odt": [Case(label="published", kwargs={"round_code": "icms-2009"}, setup=_published, expect=NATIONAL)],
    "national:report_ods": [Case(label="unpublished", kwargs={"round_code": "icms-2013"}, expect=UNPUBLISHED)],
    "national:indicators_csv_nl": [Case(label="shared", kwargs={"round_code": "icms-2013"}, setup=_shared, expect=NATIONAL)],
    "national:report_page": [Case(label="published", kwargs={"round_code": "icms-2009"}, setup=_published, expect=NATIONAL)],
    # Refused (a message, nothing written) while the round has no published picture to correct.
    "national:picture_correct": [
        Case(label="published", method="post", data=CORRECTION, kwargs={"round_code": "icms-2009"}, setup=_published_picture,
             expect=INSPECTOR_POST, changes=INSPECTORS),
        Case(label="unpublished", method="post", data=CORRECTION, kwargs={"round_code": "icms-2013"}, expect=INSPECTOR_POST),
        Case(label="get", kwargs={"round_code": "icms-2013"}, expect=expect(405)),
    ],
})
