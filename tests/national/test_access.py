"""The ministry reads a round's national picture, recommendations and follow-ups only when the round is published
or shared as a preview (national/access.py): on the demo, after the inspector withdraws the 2013 preview, no page,
file or API shows the ministry a 2013 recommendation or follow-up, and its menu links nothing it cannot open."""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from findings.models import FollowUp, Recommendation
from framework.models import Round
from national.access import readable_rounds
from national.services import preview_withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture
def withdrawn(demo_data, db):
    preview_withdraw(round=Round.objects.get(year=2013), by=User.objects.get(username="inspecteur"))


@pytest.fixture
def ministry_client(withdrawn, client):
    client.force_login(User.objects.get(username="ministerie"))
    return client


def texts_of_2013() -> list[str]:
    """Every 2013 recommendation and every follow-up established in 2013, by a telling piece of their text."""
    recommendations = Recommendation.objects.filter(round__year=2013).values_list("text", flat=True)
    follow_ups = FollowUp.objects.filter(round__year=2013).values_list("explanation", flat=True)
    texts = [text[:60] for text in [*recommendations, *follow_ups]]
    assert len(texts) >= 13  # the demo: 6 accepted 2013 recommendations, 7 follow-ups of 2009's
    return texts


def leaked(content: str) -> list[str]:
    content = content.replace("\\u2019", "’")
    return [text for text in texts_of_2013() if text in content]


def test_the_ministry_reads_the_rounds_that_are_published_or_shared(demo_data, ministry, inspector):
    assert set(readable_rounds(ministry).values_list("year", flat=True)) == {2009, 2013}
    assert set(readable_rounds(inspector).values_list("year", flat=True)) == {2006, 2009, 2013}


def test_after_the_withdrawal_the_ministry_reads_only_the_published_round(withdrawn, ministry):
    assert list(readable_rounds(ministry).values_list("year", flat=True)) == [2009]


def test_the_recommendations_of_a_withdrawn_preview_answer_404_to_the_ministry(ministry_client):
    assert ministry_client.get(reverse("national:recommendations") + "?round=icms-2013").status_code == 404


def test_without_a_round_the_ministry_reads_the_latest_round_it_may_read_and_nothing_of_2013(ministry_client):
    response = ministry_client.get(reverse("national:recommendations"))
    assert response.status_code == 200
    assert response.context["round"].year == 2009
    assert [r.year for r in response.context["rounds"]] == [2009]
    assert leaked(response.content.decode()) == []


@pytest.mark.parametrize("path", ["/national/icms-2009/", "/api/national/icms-2009/", "/national/icms-2009/report/"])
def test_the_published_2009_picture_carries_no_follow_up_of_2013(ministry_client, path):
    response = ministry_client.get(path)
    assert response.status_code == 200
    assert leaked(response.content.decode()) == []


def test_the_national_menu_entry_leads_to_a_round_the_ministry_may_read(ministry_client):
    response = ministry_client.get(reverse("national:dashboard"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("national:round", args=["icms-2009"])


def test_every_link_on_the_ministrys_home_opens(ministry_client):
    home = ministry_client.get(reverse("home")).content.decode()
    links = sorted(link for link in set(re.findall(r'href="(/[^"#]*)"', home)) if not link.startswith("/static/"))
    assert links
    broken = [link for link in links if ministry_client.get(link, follow=True).status_code != 200]
    assert broken == []


def test_with_no_round_to_read_the_ministrys_national_pages_say_so_instead_of_failing(ministry_client):
    Round.objects.filter(year=2009).update(published_at=None)
    for name in ("national:dashboard", "national:recommendations"):
        response = ministry_client.get(reverse(name), follow=True)
        assert response.status_code == 200
        assert "Er is nog geen landelijk beeld voor u vrijgegeven." in response.content.decode()


def test_the_inspector_still_reads_every_round(withdrawn, client_for, inspector):
    client = client_for(User.objects.get(username="inspecteur"))
    response = client.get(reverse("national:recommendations") + "?round=icms-2013")
    assert response.status_code == 200
    assert leaked(response.content.decode())
