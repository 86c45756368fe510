"""No question code shows in the text of a page that a respondent or the ministry reads (issue 11, "words
everywhere"): on the demo, each page is fetched as the demo user, its markup stripped (scripts, styles and
attribute values go with it), and the visible text searched for the 2013 questionnaires' question codes."""

import re

import pytest
from django.conf import settings
from django.utils.html import strip_tags

from accounts.models import User
from assessments.models import Question
from framework.models import Theme

pytestmark = pytest.mark.django_db

HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def visible_text(html: str) -> str:
    """The text a reader sees: the body without tags, attribute values, scripts and styles."""
    body = html.split("<body", 1)[-1].split(">", 1)[-1] if "<body" in html else html
    return strip_tags(HIDDEN.sub(" ", body))


def codes_in(text: str) -> dict[str, str]:
    """Each question code in the text, with the words around its first occurrence (for the failure message)."""
    # Codes that are ordinary words ("remarks") could be read as words; only the made-up ones with an underscore
    # (`ovr_assigned`) are looked for.
    codes = set(
        Question.objects.filter(questionnaire__round__year=2013, code__contains="_").values_list("code", flat=True)
    )
    found = {}
    for match in re.finditer(r"\w+", text):
        if match[0] in codes and match[0] not in found:
            found[match[0]] = " ".join(text[max(match.start() - 60, 0) : match.end() + 60].split())
    return found


def theme_pages(base: str) -> list[str]:
    numbers = Theme.objects.filter(success_factors__questions__questionnaire__round__year=2013).values_list(
        "number", flat=True
    )
    return [base] + [f"{base}?theme={number}" for number in sorted(set(numbers))] + [f"{base}history/"]


@pytest.fixture
def pages_for(demo_data, client):
    def fetch(username: str, urls: list[str]) -> dict[str, dict[str, str]]:
        client.force_login(User.objects.get(username=username))
        found = {}
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            codes = codes_in(visible_text(response.content.decode()))
            if codes:
                found[url] = codes
        return found

    return fetch


def test_the_ovr_of_vr14_reads_its_questionnaire_and_history_without_codes(pages_for):
    assert pages_for("ovr.vr14", theme_pages("/assessments/icms-2013/VR14/")) == {}


def test_the_ovr_of_vr13_reads_its_findings_and_questionnaire_without_codes(pages_for):
    assert pages_for("ovr.vr13", ["/findings/icms-2013/VR13/", *theme_pages("/assessments/icms-2013/VR13/")]) == {}


def test_the_rmc_of_11_reads_its_questionnaire_without_codes(pages_for):
    assert pages_for("rmc.11", theme_pages("/assessments/icms-2013/B11/")) == {}


def test_the_ministry_reads_the_national_pages_without_codes(pages_for):
    assert pages_for("ministerie", [
        "/national/icms-2013/", "/national/icms-2013/?map=ovr_assigned", "/national/icms-2013/3.1.1/", "/national/recommendations/",
    ]) == {}


def test_a_condition_reads_as_the_condition_questions_text_and_answer(demo_data, client):
    client.force_login(User.objects.get(username="ovr.vr14"))
    text = visible_text(client.get("/assessments/icms-2013/VR14/?theme=1").content.decode())
    assert "alleen als u ‘ja’ antwoordde op ‘Is aan de veiligheidsregio een beroeps-OVR toegewezen?’" in text

    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})
    english = visible_text(client.get("/assessments/icms-2013/VR14/?theme=1").content.decode())
    assert "only if you answered ‘yes’ to ‘Has a professional OVR been assigned to the safety region?’" in english


def test_a_cited_answer_reads_as_its_question(demo_data, rf):
    from django.template.loader import render_to_string

    from assessments.models import Answer
    from findings.models import Citation

    answer = Answer.objects.get(assessment__round__year=2013, assessment__subject__code="VR13",
                                question__code="ovr_assigned")
    request = rf.get("/")
    request.user = User.objects.get(username="ministerie")
    html = render_to_string("findings/_citation.html", {"citation": Citation(answer=answer)}, request=request)
    assert "Antwoord op ‘Is aan de veiligheidsregio een beroeps-OVR toegewezen?’: ja" in visible_text(html)
    assert "ovr_assigned" not in html


def test_the_draft_rule_form_offers_questions_by_their_text_and_keeps_the_code(demo_data):
    from findings.forms import DraftRuleForm
    from framework.models import Round, SuccessFactor

    round = Round.objects.get(year=2013)
    form = DraftRuleForm(round=round, data={
        "success_factor": SuccessFactor.objects.get(code="3.1.1").pk, "kind": "indicator_below",
        "question_code": "ovr_assigned", "values": "ja", "threshold_percent": 80, "addressee": "defensie",
        "text_template": "Wijs een OVR toe in {aantal} regio's.",
    })
    labels = dict(form.fields["question_code"].choices)
    assert labels["ovr_assigned"] == "3.1.1 · Is aan de veiligheidsregio een beroeps-OVR toegewezen?"
    assert form.is_valid(), form.errors
    assert form.cleaned_data["question_code"] == "ovr_assigned"
