"""The fieldwork overview, the home work list and the region page links."""

import datetime

import pytest
from django.urls import reverse

from assessments.models import Answer
from assessments.progress import progress
from assessments.querysets import fieldwork_assessments
from assessments.sections import subject_sections
from assessments.services import answer_save
from assessments.worklist import work_items
from framework.models import Round
from regions.models import Region
from tests.factories import AssessmentFactory, subject


def fieldwork_rows(html: str) -> dict[str, str]:
    body = html[html.index('<table class="table table-sm table-hover align-middle" id="fieldwork">'):]
    rows = body.split("<tr>")[2:]
    return {row.split('font-monospace">')[1].split("<")[0]: row for row in rows}


def test_the_fieldwork_overview_lists_all_regions_and_brigades_with_status_and_progress(
    assessment, question, ovr_vr13, inspector, client_for
):
    Round.objects.filter(year=2013).update(submission_deadline=datetime.date(2013, 3, 1))
    answer_save(assessment=assessment, question=question("ovr_assigned"), value="nee", base_revision=0, by=ovr_vr13)
    html = client_for(inspector).get(reverse("assessments:fieldwork")).content.decode()
    rows = fieldwork_rows(html)
    assert len(rows) == 25 + 3
    # ovr_assigned = nee hides the questions that depend on it; so do unanswered conditions: they do not count.
    questions = list(assessment.questionnaire.questions.all())
    applicable = sum(1 for q in questions if not q.condition_code)
    assert applicable == progress(questions, {"ovr_assigned": "nee"}).total < len(questions)
    assert f"(1/{applicable})" in rows["VR13"]
    assert "concept" in rows["VR13"] and "1 maart 2013" in rows["VR13"] and "verlopen" in rows["VR13"]
    assert "niet begonnen" in rows["VR14"] and "niet begonnen" in rows["B43"]


@pytest.mark.parametrize("started", [1, 12])
def test_the_fieldwork_overview_takes_a_fixed_number_of_queries(inspector, client_for, started,
                                                                django_assert_num_queries):
    for region in Region.objects.order_by("code")[:started]:
        a = AssessmentFactory(subject=region.subject)
        for q in a.questionnaire.questions.order_by("order")[:5]:
            Answer.objects.create(assessment=a, question=q, value="ja", revision=1)
    AssessmentFactory(subject=subject("B43"))
    client = client_for(inspector)
    with django_assert_num_queries(7):
        assert client.get(reverse("assessments:fieldwork")).status_code == 200


def test_an_ovr_finds_the_questionnaire_with_progress_and_deadline_on_the_home_page(assessment, question, ovr_vr13):
    round = Round.objects.get(year=2013)
    round.submission_deadline = datetime.date(2013, 4, 1)
    answer_save(assessment=assessment, question=question("ovr_assigned"), value="ja", base_revision=0, by=ovr_vr13)
    [item] = work_items(ovr_vr13, round)
    assert item["url"] == "/assessments/icms-2013/VR13/"
    assert item["detail"].startswith("1% beantwoord") and "1 april 2013" in item["detail"]


def test_an_rmc_finds_the_brigade_questionnaire(rmc_11):
    [item] = work_items(rmc_11, Round.objects.get(year=2013))
    assert item["url"] == "/assessments/icms-2013/B11/"
    assert item["detail"] == "Nog niet begonnen"


def test_an_inspector_finds_every_questionnaire_that_is_not_final_with_its_next_step(inspector):
    AssessmentFactory(status="submitted")
    AssessmentFactory(subject=subject("VR14"))
    AssessmentFactory(subject=subject("VR15"), status="final")
    items = work_items(inspector, Round.objects.get(year=2013))
    assert [i["url"] for i in items] == ["/assessments/icms-2013/VR13/", "/assessments/icms-2013/VR14/"]
    assert "in beoordeling nemen" in items[0]["label"]
    assert "nog een concept" in items[1]["label"]


def test_the_region_page_links_to_each_rounds_questionnaire_the_user_may_open(ovr_vr13, rmc_11):
    AssessmentFactory(round=Round.objects.get(year=2009), status="final")
    vr13 = subject("VR13")
    assert [s["url"] for s in subject_sections(ovr_vr13, vr13)] == ["/assessments/icms-2013/VR13/", "/assessments/icms-2009/VR13/"]
    # The RMC reads, and cannot start the 2013 questionnaire.
    assert [s["url"] for s in subject_sections(rmc_11, vr13)] == ["/assessments/icms-2009/VR13/"]


@pytest.mark.parametrize("assigned", ["ja", "nee"])
def test_progress_in_the_database_follows_the_same_conditions_as_the_page(assessment, question, ovr_vr13, assigned):
    answer_save(assessment=assessment, question=question("ovr_workplace"), value="ja", base_revision=0,
                           by=ovr_vr13)
    answer_save(assessment=assessment, question=question("ovr_assigned"), value=assigned, base_revision=0, by=ovr_vr13)
    [row] = fieldwork_assessments(Round.objects.get(year=2013))
    questions = list(assessment.questionnaire.questions.all())
    expected = progress(questions, {"ovr_assigned": assigned, "ovr_workplace": "ja"})
    assert (row.answered, row.applicable) == (expected.answered, expected.total)
    assert row.answered == (2 if assigned == "ja" else 1)
