"""The English interface: texts, database content in both languages, values and change reasons."""

import pytest
from django.urls import reverse
from django.utils import translation

from assessments.models import Answer, Choice, Question
from assessments.services import answer_save, assessment_start
from core.i18n import change_reason, localized
from findings.services import finding_save
from findings.templatetags.findings_tags import change_reason as change_reason_filter
from framework.models import Round, SuccessFactor, Theme

FILL = "/assessments/icms-2013/VR13/"
START = "/assessments/icms-2013/VR13/start/"
HTMX = {"HTTP_HX_REQUEST": "true"}
# From assessments/questionnaires/2013-region.yaml and assessments/migrations/0002_framework.py.
OVR_ASSIGNED_NL = "Is aan de veiligheidsregio een beroeps-OVR toegewezen?"
OVR_ASSIGNED_EN = "Has a professional OVR been assigned to the safety region?"
FACTOR_311_NL = "Kennen en gekend worden: goede civiel-militaire contacten"
FACTOR_311_EN = "Knowing and being known: good civil-military contacts"


def in_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def started(client):
    """The respondent starts the questionnaire (opening it no longer does), as the start button does."""
    response = client.post(START)
    assert response.status_code == 302
    return client


def answer_url(code: str) -> str:
    return reverse("assessments:answer", kwargs={"round_code": "icms-2013", "code": "VR13", "question": code})


# --- pages -------------------------------------------------------------------------------------------------


def test_the_questionnaire_shows_questions_factors_and_choices_in_english(client_for, ovr_vr13):
    html = in_english(started(client_for(ovr_vr13))).get(FILL).content.decode()
    assert OVR_ASSIGNED_EN in html
    assert FACTOR_311_EN in html
    assert "Safety region questionnaire — final measurement 2013" in html
    assert "1. Mutual familiarity" in html
    assert "One day a week" in html
    assert 'data-msg-saving="Saving…"' in html
    assert OVR_ASSIGNED_NL not in html and FACTOR_311_NL not in html


def test_the_questionnaire_stays_dutch_by_default(client_for, ovr_vr13):
    html = started(client_for(ovr_vr13)).get(FILL).content.decode()
    assert OVR_ASSIGNED_NL in html
    assert FACTOR_311_NL in html
    assert "Vragenlijst veiligheidsregio — eindmeting 2013" in html
    assert 'data-msg-saving="Bezig met opslaan…"' in html
    assert OVR_ASSIGNED_EN not in html and FACTOR_311_EN not in html


def test_a_yes_answer_reads_yes_in_english_but_is_stored_as_ja(client_for, ovr_vr13, rmc_11, vr13):
    assessment = assessment_start(round=Round.objects.get(year=2013), subject=vr13.subject, by=ovr_vr13)
    question = assessment.questionnaire.questions.get(code="ovr_assigned")
    answer_save(assessment=assessment, question=question, value="ja", base_revision=0, by=ovr_vr13)
    # The RMC of the region's brigade reads the answers; respondents (and inspectors, who may fill in) see inputs instead.
    html = in_english(client_for(rmc_11)).get(FILL).content.decode()
    assert '<p class="mb-1 fw-semibold">yes</p>' in html
    assert Answer.objects.get(assessment=assessment, question=question).value == "ja"


def _shared_2013(inspector):
    from framework.models import Round
    from national.services import preview_share

    preview_share(round=Round.objects.get(year=2013), by=inspector)


def test_the_national_page_shows_success_factors_and_themes_in_english(client_for, ministry, inspector):
    _shared_2013(inspector)
    html = in_english(client_for(ministry)).get(reverse("national:dashboard"), follow=True).content.decode()
    assert "Operational command under single leadership" in html
    assert "4. Deployment of Defence in a multidisciplinary context" in html
    assert "0 of 25 regions have verified their findings;" in html
    assert "Operationele leiding onder eenhoofdige aansturing" not in html


def test_the_national_page_stays_dutch_by_default(client_for, ministry, inspector):
    _shared_2013(inspector)
    html = client_for(ministry).get(reverse("national:dashboard"), follow=True).content.decode()
    assert "Operationele leiding onder eenhoofdige aansturing" in html
    assert "0 van 25 regio's hebben hun bevindingen geverifieerd;" in html


def test_a_refused_answer_is_explained_in_english(client_for, ovr_vr13):
    client = in_english(client_for(ovr_vr13))
    started(client)
    response = client.post(
        answer_url("reservists_count"), {"reservists_count-value": "drie", "reservists_count-revision": "0"}, **HTMX
    )
    html = response.content.decode()
    assert "‘drie’ is not a number." in html
    assert "Not saved" in html
    assert "geen getal" not in html


def test_a_refused_answer_is_explained_in_dutch_by_default(client_for, ovr_vr13):
    client = started(client_for(ovr_vr13))
    response = client.post(
        answer_url("reservists_count"), {"reservists_count-value": "drie", "reservists_count-revision": "0"}, **HTMX
    )
    assert "‘drie’ is geen getal." in response.content.decode()


def test_a_403_message_is_english_after_switching(client_for, ministry):
    html = in_english(client_for(ministry)).get(reverse("regions:list")).content.decode()
    assert "The overview of the regions is for the Inspectorate and the respondents of regions and brigades." in html


# --- database content in two languages ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_models_show_their_english_text_only_in_english():
    factor = SuccessFactor.objects.get(code="3.1.1")
    theme = Theme.objects.get(number=1)
    assert (str(factor), str(theme)) == (f"3.1.1 {FACTOR_311_NL}", "1. Wederzijdse bekendheid")
    with translation.override("en"):
        assert (str(factor), str(theme)) == (f"3.1.1 {FACTOR_311_EN}", "1. Mutual familiarity")
        assert factor.name == FACTOR_311_NL  # what is stored does not change


def test_a_missing_english_text_falls_back_to_dutch():
    question = Question(text="Vraag?", text_en="")
    choice = Choice(label="Eén", label_en="")
    with translation.override("en"):
        assert (question.display_text, choice.display_label) == ("Vraag?", "Eén")
        assert Question(text="Vraag?", text_en="Question?").display_text == "Question?"


def test_localized_picks_the_language_of_the_interface():
    assert localized("ja", "yes") == "ja"
    with translation.override("en"):
        assert localized("ja", "yes") == "yes"
        assert localized("ja", "") == "ja"
    with translation.override("en-gb"):
        assert localized("ja", "yes") == "yes"


# --- change reasons: stored in Dutch, shown in the interface language ---------------------------------------


def test_change_reasons_are_translated_when_shown():
    with translation.override("en"):
        assert change_reason("gewijzigd") == "changed"
        assert change_reason("overgenomen uit 2009") == "carried over from 2009"
        assert change_reason("import antwoorden.csv") == "import antwoorden.csv"
        assert change_reason("Een reden die een inspecteur typte.") == "Een reden die een inspecteur typte."
        assert change_reason(None) == change_reason("") == ""
    assert change_reason("overgenomen uit 2009") == "overgenomen uit 2009"
    assert change_reason("gewijzigd") == "gewijzigd"


def test_the_change_reason_filter_is_the_function():
    with translation.override("en"):
        assert change_reason_filter("aangemaakt") == "created"
        assert change_reason_filter(None) == ""


@pytest.mark.django_db
def test_change_reasons_are_stored_in_dutch_whatever_the_language(vr13, ovr_vr13, inspector):
    round = Round.objects.get(year=2013)
    assessment = assessment_start(round=round, subject=vr13.subject, by=ovr_vr13)
    question = assessment.questionnaire.questions.get(code="ovr_assigned")
    with translation.override("en"):
        answer = answer_save(assessment=assessment, question=question, value="ja", base_revision=0, by=ovr_vr13)
        finding = finding_save(round=round, subject=vr13.subject, success_factor=SuccessFactor.objects.get(code="3.1.1"),
                               text="Er is een OVR.", judgment="voldoet", by=inspector)
    assert answer.history.latest().history_change_reason == "gewijzigd"
    assert finding.history.latest().history_change_reason == "aangemaakt"
