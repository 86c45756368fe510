"""The national picture as one document (national.picture): counted from the answers and judgments, the same in
`picture_for`, the JSON API and `manage.py national_picture`, in a fixed number of queries, and without any
region's code or name for the ministry."""

import csv
import io
import json
import random
from collections import Counter, defaultdict

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from assessments.exchange import answers_import_file
from assessments.models import Answer, Assessment, Questionnaire
from findings.models import Finding
from framework.models import Round, SuccessFactor
from national.models import JudgmentRule
from national.picture import picture_document, picture_for, proposed_judgment
from national.services import conclusion_save, judgment_rule_save, round_publish
from regions.models import Brigade, Region, Subject, SubjectKind
from tests.factories import FindingFactory

pytestmark = pytest.mark.django_db

PIKET = ["own_region", "brigade"]
TEAMS = ["copi", "rot", "gbt", "rbt", "none"]
NIS = ["lcms", "other"]


def _band(number: int) -> str:
    return "0" if number == 0 else "1_5" if number <= 5 else "6_20" if number <= 20 else "over_20"


def generated_answers(seed: int) -> tuple[bytes, dict, dict]:
    """An answers file for the 25 regions with a random distribution (some regions leave a question open), with
    the counts it must give overall and per brigade: {question: Counter(value)}, {question: {brigade: Counter}}."""
    rng = random.Random(seed)
    brigade_of = {code: str(number) for code, number in Region.objects.values_list("code", "brigade__number")}
    rows, overall, per_brigade = [], defaultdict(Counter), defaultdict(lambda: defaultdict(Counter))

    def give(region, code, value, counted):
        rows.append((region, code, value, ""))
        for item in counted:
            overall[code][item] += 1
            per_brigade[code][brigade_of[region]][item] += 1

    for region in sorted(brigade_of):
        if rng.random() < 0.9:
            value = rng.choice(PIKET)
            give(region, "piket_arrangement", value, [value])
        if rng.random() < 0.9:
            value = rng.choice(["ja", "nee"])
            give(region, "structural_place_policy_team", value, [value])
        if rng.random() < 0.9:
            teams = sorted(rng.sample(TEAMS[:4], rng.randint(1, 3))) if rng.random() < 0.7 else ["none"]
            give(region, "defence_crisis_teams", "|".join(teams), teams)
        if rng.random() < 0.9:
            number = rng.choice([0, rng.randint(1, 5), rng.randint(6, 20), rng.randint(21, 100)])
            give(region, "reservists_count", str(number), [_band(number)])
        nis = rng.choice(NIS)
        give(region, "nis_system", nis, [nis])
        if nis == "lcms":  # only asked of regions with LCMS
            value = rng.choice(["ja", "nee"])
            give(region, "lcms_defence_tab", value, [value])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["region_code", "question_code", "value", "comment"])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8"), overall, per_brigade


def assert_counts(indicators: dict, overall: dict, per_brigade: dict) -> None:
    for code, counts in overall.items():
        indicator = indicators[code]
        assert {k: v for k, v in indicator["counts"].items() if v} == dict(counts), code
        assert sum(per_brigade[code][b].total() for b in per_brigade[code]) == indicator["answered"] or code in (
            "defence_crisis_teams",
        )
        for brigade, brigade_counts in indicator["by_brigade"].items():
            assert {k: v for k, v in brigade_counts.items() if v} == dict(per_brigade[code][brigade]), (code, brigade)


@pytest.mark.parametrize("seed", [8, 2013])
def test_an_imported_random_answers_file_gives_exactly_its_counts_everywhere(seed, inspector, client_for, capsys):
    round = Round.objects.get(year=2013)
    data, overall, per_brigade = generated_answers(seed)
    answers_import_file(name="random.csv", data=data, round=round, by=inspector)

    assert_counts(picture_for(round, user=inspector)["indicators"], overall, per_brigade)
    response = client_for(inspector).get("/api/national/icms-2013/")
    assert response.status_code == 200
    assert_counts(response.json()["indicators"], overall, per_brigade)
    call_command("national_picture", "--round", "2013")
    assert_counts(json.loads(capsys.readouterr().out)["indicators"], overall, per_brigade)
    # The dashboard writes the same counts in its sentences.
    from django.utils.html import escape

    dashboard = client_for(inspector).get("/national/icms-2013/").content.decode()
    for code, indicator in picture_for(round, user=inspector)["indicators"].items():
        if code in overall and indicator["sentence"]:
            assert escape(indicator["sentence"]) in dashboard, code


def test_the_sentence_fills_its_placeholders_from_the_counts(inspector):
    round = Round.objects.get(year=2013)
    data, overall, _per_brigade = generated_answers(1)
    answers_import_file(name="random.csv", data=data, round=round, by=inspector)
    piket = picture_for(round, user=inspector)["indicators"]["piket_arrangement"]
    assert piket["sentence"] == (
        f"In {overall['piket_arrangement']['own_region']} van de 25 veiligheidsregio's draaien OVR en reservisten "
        f"piket binnen de eigen regio; in {overall['piket_arrangement']['brigade']} per brigade."
    )
    tab = picture_for(round, user=inspector)["indicators"]["lcms_defence_tab"]
    assert f"van de {overall['nis_system']['lcms']} regio's met LCMS" in tab["sentence"]


def test_an_answer_hidden_by_its_condition_is_not_counted(inspector):
    round = Round.objects.get(year=2013)
    answers_import_file(name="a.csv", data=b"region_code,question_code,value,comment\nVR01,nis_system,lcms,\n"
                        b"VR01,lcms_defence_tab,ja,\n", round=round, by=inspector)
    Answer.objects.filter(question__code="nis_system").update(value="other")  # the condition no longer holds
    assert picture_document(round, detail=False)["indicators"]["lcms_defence_tab"]["answered"] == 0


def test_the_trend_compares_the_question_a_question_continues(inspector):
    round_2013, round_2009 = Round.objects.get(year=2013), Round.objects.get(year=2009)
    answers_import_file(name="2009.csv", data=b"region_code,question_code,value,comment\nVR01,exercise_calendars_aligned,nee,\n"
                        b"VR02,exercise_calendars_aligned,nee,\n", round=round_2009, by=inspector)
    answers_import_file(name="2013.csv", data=b"region_code,question_code,value,comment\nVR01,exercise_calendars_aligned,ja,\n",
                        round=round_2013, by=inspector)
    calendars = picture_document(round_2013, detail=False)["indicators"]["exercise_calendars_aligned"]
    assert calendars["previous"]["round"] == 2009
    assert calendars["previous"]["counts"] == {"ja": 0, "nee": 2}
    assert calendars["previous"]["relation"] == "same"
    assert calendars["previous"]["change"] == {"ja": 1, "nee": -2}
    policy_team = picture_document(round_2013, detail=False)["indicators"]["structural_place_policy_team"]
    assert policy_team["previous"]["relation"] == "split" and policy_team["previous"]["change"] is None


# --- the national judgment, proposed by a rule and reasoned ------------------------------------------------------


def _judge(round, factor, judgments: dict[str, int]):
    regions = iter(Subject.objects.filter(kind=SubjectKind.REGION).order_by("code"))
    for judgment, n in judgments.items():
        for _ in range(n):
            FindingFactory(round=round, subject=next(regions), success_factor=factor, judgment=judgment)


def test_the_rule_proposes_the_national_judgment():
    assert proposed_judgment({"voldoet": 15, "voldoet_gedeeltelijk": 10}, 15, 13) == "voldoet"
    assert proposed_judgment({"voldoet": 3, "voldoet_gedeeltelijk": 22}, 15, 13) == "voldoet_gedeeltelijk"
    assert proposed_judgment({"voldoet": 3, "voldoet_gedeeltelijk": 5, "voldoet_niet": 17}, 15, 13) == "voldoet_niet"


def test_a_national_judgment_other_than_the_proposal_needs_a_reason(inspector):
    round, factor = Round.objects.get(year=2013), SuccessFactor.objects.get(code="3.4.2")
    _judge(round, factor, {"voldoet": 4, "voldoet_gedeeltelijk": 21})
    judgment_rule_save(round=round, success_factor=factor, meets_min=15, partly_min=13, by=inspector)
    with pytest.raises(ValidationError, match="geef een reden"):
        conclusion_save(round=round, success_factor=factor, text="Voldoende.", judgment="voldoet", by=inspector)
    conclusion_save(round=round, success_factor=factor, text="Voldoende.", judgment="voldoet", reason="Zie rapport.",
                    by=inspector)
    picture = picture_document(round, detail=False)["success_factors"]["3.4.2"]
    assert (picture["proposed_judgment"], picture["national_judgment"], picture["reason"]) == (
        "voldoet_gedeeltelijk", "voldoet", "Zie rapport.")
    assert picture["rule"].startswith("voldoet wanneer ten minste 15 van de 25 regio's voldoen")
    # Agreeing with the proposal keeps no reason.
    conclusion_save(round=round, success_factor=factor, text="Voldoende.", judgment="voldoet_gedeeltelijk",
                    reason="Overbodig.", by=inspector)
    assert picture_document(round, detail=False)["success_factors"]["3.4.2"]["reason"] == ""


def test_only_inspectors_set_a_rule_and_not_in_a_published_round(inspector, ministry):
    round, factor = Round.objects.get(year=2013), SuccessFactor.objects.get(code="3.4.1")
    with pytest.raises(PermissionDenied):
        judgment_rule_save(round=round, success_factor=factor, meets_min=15, partly_min=13, by=ministry)
    with pytest.raises(ValidationError):
        judgment_rule_save(round=round, success_factor=factor, meets_min=26, partly_min=13, by=inspector)
    round_2009 = Round.objects.get(year=2009)
    round_publish(round=round_2009, by=inspector, override_reason="Test.")
    with pytest.raises(ValidationError):
        judgment_rule_save(round=round_2009, success_factor=factor, meets_min=15, partly_min=13, by=inspector)
    assert not JudgmentRule.objects.exists()


# --- a fixed number of queries ------------------------------------------------------------------------------------


def _grow_to(size: int) -> None:
    """`size` regions, each with a 2013 and a 2009 questionnaire answered and judged (bulk, beside the 25)."""
    brigades = list(Brigade.objects.order_by("number"))
    regions = Region.objects.bulk_create(
        Region(code=f"VR{n}", name=f"Testregio {n}", province="Test", brigade=brigades[n % 3]) for n in range(26, size + 1)
    )
    Subject.objects.bulk_create(
        Subject(kind=SubjectKind.REGION, code=r.code, name=r.name, region=r, order=100) for r in regions
    )
    factors = list(SuccessFactor.objects.filter(subject_kind=SubjectKind.REGION))
    for year in (2009, 2013):
        round = Round.objects.get(year=year)
        questionnaire = Questionnaire.objects.filter(round=round, audience="region").order_by("-version").first()
        questions = list(questionnaire.questions.exclude(indicator="").filter(kind="yes_no", condition_code=""))
        assessments = Assessment.objects.bulk_create(
            Assessment(round=round, questionnaire=questionnaire, subject=subject)
            for subject in Subject.objects.filter(kind=SubjectKind.REGION)
        )
        Answer.objects.bulk_create(
            Answer(assessment=a, question=q, value="ja" if (a.pk + q.pk) % 3 else "nee") for a in assessments for q in questions
        )
        Finding.objects.bulk_create(
            Finding(round=round, subject_id=a.subject_id, success_factor=f, judgment="voldoet") for a in assessments for f in factors
        )


@pytest.mark.parametrize("size", [25, 250])
def test_the_picture_takes_a_fixed_number_of_queries(size, inspector, ministry, django_assert_num_queries):
    _grow_to(size)
    round = Round.objects.get(year=2013)
    assert Region.objects.count() == size
    # One query each for the round's context and the factors' criteria.
    with django_assert_num_queries(20):
        detail = picture_for(round, user=inspector)
    with django_assert_num_queries(18):
        national = picture_for(round, user=ministry)
    assert detail["regions"] == national["regions"] == size
    assert sum(detail["success_factors"]["3.4.1"]["counts"].values()) == size
