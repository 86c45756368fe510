import pytest
from django.core.exceptions import ValidationError

from findings.models import Recommendation, RecommendationStatus
from framework.models import Round, SuccessFactor
from national.services import drafts_generate, follow_up_save, preview_share, recommendation_decide
from tests.factories import DraftRuleFactory, FindingFactory, RecommendationFactory
from tests.findings.helpers import write_all

pytestmark = pytest.mark.django_db

RECOMMENDATIONS = "/national/recommendations/"


def test_a_2009_recommendation_gets_its_follow_up_in_2013_and_the_2013_round_shows_it(client_for, inspector, ministry):
    recommendation = RecommendationFactory(round=Round.objects.get(year=2009), text="Regel de alarmering van de OVR.")
    client = client_for(inspector)
    response = client.post(
        f"/national/recommendations/{recommendation.pk}/follow-up/icms-2013/",
        {"status": "gedeeltelijk_opgevolgd", "explanation": "In 20 van de 25 regio's geregeld."},
    )
    assert response.status_code == 302
    preview_share(round=Round.objects.get(year=2013), by=inspector)  # the ministry reads 2013 once it is shared
    html = client_for(ministry).get(RECOMMENDATIONS + "?round=icms-2013").content.decode()
    section = html.split('id="opvolging"')[1]
    assert "Regel de alarmering van de OVR." in section
    assert "gedeeltelijk opgevolgd" in section
    assert "In 20 van de 25 regio" in section


def test_a_follow_up_belongs_to_a_later_round(inspector):
    recommendation = RecommendationFactory(round=Round.objects.get(year=2013))
    with pytest.raises(ValidationError):
        follow_up_save(recommendation=recommendation, round=Round.objects.get(year=2013), status="opgevolgd",
                       explanation="Gedaan.", by=inspector)


def test_an_inspector_adds_a_recommendation_for_a_region(client_for, inspector):
    response = client_for(inspector).post("/national/recommendations/icms-2013/new/", {
        "text": "Geef Defensie een vaste plaats in het ROT.", "addressee": "besturen_veiligheidsregios",
        "success_factors": [SuccessFactor.objects.get(code="3.4.1").pk], "region": "",
    })
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(text="Geef Defensie een vaste plaats in het ROT.")
    assert recommendation.region is None
    assert recommendation.history.first().history_user == inspector


def test_ministry_staff_cannot_add_or_change_recommendations(client_for, ministry):
    recommendation = RecommendationFactory()
    client = client_for(ministry)
    assert client.post("/national/recommendations/icms-2013/new/", {"text": "x"}).status_code == 403
    assert client.post(f"/national/recommendations/{recommendation.pk}/edit/", {"text": "x"}).status_code == 403


def test_a_rule_drafts_a_recommendation_for_the_regions_that_fall_short_counting_them(inspector):
    write_all(inspector, code="VR01", judgment="voldoet_gedeeltelijk")
    write_all(inspector, code="VR02", judgment="voldoet_niet")
    write_all(inspector, code="VR03", judgment="voldoet")
    DraftRuleFactory(min_regions=2, text_template="Veranker Defensie in de hoofdstructuur ({aantal} regio's).")
    [draft] = drafts_generate(round=Round.objects.get(year=2013), by=inspector)
    assert draft.status == RecommendationStatus.DRAFT
    assert draft.text == "Veranker Defensie in de hoofdstructuur (2 regio's)."
    assert [r.code for r in draft.concerned_regions.all()] == ["VR01", "VR02"]
    assert drafts_generate(round=Round.objects.get(year=2013), by=inspector) == []


def test_a_rule_does_not_fire_below_its_number_of_regions(inspector):
    write_all(inspector, code="VR01", judgment="voldoet_gedeeltelijk")
    DraftRuleFactory(min_regions=2)
    assert drafts_generate(round=Round.objects.get(year=2013), by=inspector) == []


def test_drafts_are_never_shown_to_ministry_until_an_inspector_accepts_them(client_for, inspector, ministry):
    FindingFactory(judgment="voldoet_niet", success_factor=SuccessFactor.objects.get(code="3.4.1"))
    DraftRuleFactory(min_regions=1, text_template="Concepttekst voor het ministerie.")
    [draft] = drafts_generate(round=Round.objects.get(year=2013), by=inspector)
    preview_share(round=Round.objects.get(year=2013), by=inspector)
    client = client_for(ministry)
    assert "Concepttekst voor het ministerie." not in client.get(RECOMMENDATIONS).content.decode()
    recommendation_decide(recommendation=draft, by=inspector, accept=True)
    assert "Concepttekst voor het ministerie." in client.get(RECOMMENDATIONS).content.decode()


def test_a_dismissed_draft_is_not_published(client_for, inspector, ministry):
    FindingFactory(judgment="voldoet_niet", success_factor=SuccessFactor.objects.get(code="3.4.1"))
    DraftRuleFactory(min_regions=1, text_template="Verworpen concept.")
    [draft] = drafts_generate(round=Round.objects.get(year=2013), by=inspector)
    client_for(inspector).post(f"/national/recommendations/{draft.pk}/decide/", {"decision": "dismiss"})
    draft.refresh_from_db()
    assert draft.status == RecommendationStatus.DISMISSED
    assert "Verworpen concept." not in client_for(ministry).get(RECOMMENDATIONS).content.decode()


@pytest.mark.parametrize("count", [2, 12])
def test_the_recommendations_page_takes_a_fixed_number_of_queries(client_for, inspector, count, django_assert_num_queries):
    from tests.factories import FollowUpFactory

    for _ in range(count):
        RecommendationFactory()
        FollowUpFactory()
        RecommendationFactory(status="draft")
    client = client_for(inspector)
    client.get(RECOMMENDATIONS)
    with django_assert_num_queries(14):
        assert client.get(RECOMMENDATIONS).status_code == 200


def test_an_indicator_rule_drafts_a_recommendation_for_the_regions_that_miss_the_norm(inspector):
    from tests.factories import AnswerFactory, AssessmentFactory, QuestionFactory, subject

    question = QuestionFactory(code="defence_in_policy_team")
    for code, value in (("VR01", "nee"), ("VR02", "ja"), ("VR03", "nee")):
        AnswerFactory(assessment=AssessmentFactory(subject=subject(code)), question=question, value=value)
    DraftRuleFactory(kind="indicator_below", question_code="defence_in_policy_team", values=["ja"], threshold_percent=80,
                     text_template="Geef Defensie een plaats in het beleidsteam ({aantal} regio's).")
    [draft] = drafts_generate(round=Round.objects.get(year=2013), by=inspector)
    assert draft.text == "Geef Defensie een plaats in het beleidsteam (2 regio's)."
    assert [r.code for r in draft.concerned_regions.all()] == ["VR01", "VR03"]
