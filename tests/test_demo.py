"""The demo reproduces the 2013 report's figures from answers and judgments (never typed in)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from accounts.models import User
from assessments.models import Answer, Assessment
from findings.models import FollowUp, Verification

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo as `load_demo` loads it, once for this module."""


def count(question_code: str, value: str, year: int = 2013) -> int:
    return Answer.objects.filter(
        assessment__round__year=year, assessment__subject__kind="region", question__code=question_code, value=value
    ).count()


def test_the_demo_answers_give_the_figures_of_the_2013_report(demo):
    # Section 3.2.1: six regions run piket in their own region, nineteen within the brigade;
    # in three regions attendance needs the operational leader's consent.
    assert (count("piket_arrangement", "own_region"), count("piket_arrangement", "brigade")) == (6, 19)
    assert count("attendance_needs_ol_consent", "ja") == 3
    # Section 3.4.1: three regions give Defence a structural place in the policy team, 22 do not.
    assert (count("structural_place_policy_team", "ja"), count("structural_place_policy_team", "nee")) == (3, 22)
    # Section 3.5.1: ten regions do not align exercise calendars; the OVR observes in seventeen;
    # reservists take part in exercises in twenty-three.
    assert count("exercise_calendars_aligned", "nee") == 10
    assert count("ovr_observer_at_exercises", "ja") == 17
    assert count("reservists_in_exercises", "ja") == 23
    # Every region has an OVR with a workplace.
    assert count("ovr_assigned", "ja") == count("ovr_workplace", "ja") == 25


def test_the_national_picture_of_the_demo_counts_the_regional_judgments(demo):
    out = StringIO()
    call_command("national_picture", "--round", "2013", stdout=out)
    picture = json.loads(out.getvalue())
    factor = picture["success_factors"]["3.4.1"]
    assert factor["counts"]["voldoet"] == 3
    assert sum(factor["counts"].values()) == 25
    assert picture["success_factors"]["3.3.1"]["counts"]["voldoet"] == 3  # the three brigades


def test_the_demo_leaves_work_for_each_demo_user(demo, client):
    assert Assessment.objects.get(round__year=2013, subject__code="VR14").status == "draft"
    assert Verification.objects.get(round__year=2013, subject__code="VR13").status == "awaiting"
    client.force_login(User.objects.get(username="ovr.vr13"))
    assert "/findings/2013/VR13/" in client.get("/").content.decode()


def test_the_2009_recommendations_have_their_2013_follow_up(demo):
    assert FollowUp.objects.filter(round__year=2013, recommendation__round__year=2009).count() >= 5


def test_loading_the_demo_twice_changes_nothing(demo, settings):
    settings.DEBUG = True
    before = (
        Answer.objects.count(),
        Answer.history.count(),
        Assessment.objects.aggregate(final=Count("pk", filter=Q(status="final")))["final"],
    )
    call_command("load_demo", stdout=StringIO())
    after = (
        Answer.objects.count(),
        Answer.history.count(),
        Assessment.objects.aggregate(final=Count("pk", filter=Q(status="final")))["final"],
    )
    assert before == after


def test_every_demo_finding_and_deelconclusie_cites_what_it_rests_on(demo):
    from assessments.models import Round
    from findings.pages import uncited

    left = uncited(Round.objects.get(year=2013))
    assert list(left["findings"]) == []
    assert [c.success_factor for c in left["conclusions"]] == [None]  # only the overall conclusion
