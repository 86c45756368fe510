"""The report publishes no questionnaire: every page that shows a reconstructed questionnaire, or a round whose
questionnaires are reconstructed, says so in one line with the word "gereconstrueerd"."""

import pytest
from django.urls import reverse

from assessments.models import Questionnaire

LINE = "De vragenlijst van 2013 is gereconstrueerd uit het rapport"


@pytest.fixture
def started(assessment):
    """VR13's 2013 questionnaire (reconstructed, like every bundled one)."""
    assert assessment.questionnaire.reconstructed
    return assessment


def test_the_fill_and_history_pages_of_a_reconstructed_questionnaire_say_so(started, client_for, ovr_vr13):
    client = client_for(ovr_vr13)
    for url in (started.url("fill"), started.url("history")):
        html = client.get(url).content.decode()
        assert html.count("gereconstrueerd") == 1, url
        assert LINE in html, url


def test_the_page_of_a_questionnaire_not_yet_started_says_so(db, client_for, inspector):
    response = client_for(inspector).get(reverse("assessments:fill", args=["icms-2013", "VR14"]))
    assert response.status_code == 200
    assert LINE in response.content.decode()


def test_the_findings_and_national_pages_of_a_reconstructed_round_say_so(started, client_for, inspector):
    client = client_for(inspector)
    assert LINE in client.get(reverse("findings:subject", args=["icms-2013", "VR13"])).content.decode()
    national = client.get(reverse("national:round", args=["icms-2013"])).content.decode()
    assert "De meting 2013 is gereconstrueerd uit het rapport" in national


def test_a_questionnaire_that_is_no_reconstruction_says_nothing_of_it(started, client_for, ovr_vr13, inspector):
    Questionnaire.objects.update(reconstructed=False)
    assert "gereconstrueerd" not in client_for(ovr_vr13).get(started.url("fill")).content.decode()
    assert "gereconstrueerd" not in client_for(inspector).get(
        reverse("findings:subject", args=["icms-2013", "VR13"])
    ).content.decode()
