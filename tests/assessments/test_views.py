"""The fill-in page, autosave, the plain-form fallback, conflicts, session expiry, workflow buttons, history."""

from html import unescape

import pytest
from django.urls import reverse

from assessments.models import Answer, Assessment, AssessmentStatus
from assessments.services import answer_save, assessment_sign
from tests.assessments.helpers import answer_all_required
from tests.factories import AssessmentFactory

FILL = "/assessments/icms-2013/VR13/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def answer_url(code: str) -> str:
    return reverse("assessments:answer", kwargs={"round_code": "icms-2013", "code": "VR13", "question": code})


def test_the_fill_page_shows_a_theme_with_progress_per_theme_and_overall(assessment, client_for, ovr_vr13):
    response = client_for(ovr_vr13).get(FILL)
    html = response.content.decode()
    assert "Is aan de veiligheidsregio een beroeps-OVR toegewezen?" in html
    assert 'name="ovr_assigned-value"' in html
    assert "Beantwoord: <strong class=\"overall-answered\">0</strong>" in html
    assert "?theme=6" in html  # a tab for every theme of the region questionnaire


def test_a_respondent_opening_the_questionnaire_is_offered_to_start_it_and_starts_it_with_a_post(vr13, client_for,
                                                                                                 contact_vr13):
    client = client_for(contact_vr13)
    response = client.get(FILL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vragenlijst beginnen" in html
    assert f'action="{reverse("assessments:start", kwargs={"round_code": "icms-2013", "code": "VR13"})}"' in html
    # Reads never write: opening the page starts nothing.
    assert not Assessment.objects.filter(subject__code="VR13").exists()
    response = client.post(reverse("assessments:start", kwargs={"round_code": "icms-2013", "code": "VR13"}))
    assert response.status_code == 302 and response["Location"] == FILL
    assert Assessment.objects.get(subject__code="VR13").status == AssessmentStatus.DRAFT
    assert 'name="ovr_assigned-value"' in client.get(FILL).content.decode()


def test_autosave_saves_and_shows_saved_with_the_new_revision(assessment, client_for, ovr_vr13):
    response = client_for(ovr_vr13).post(
        answer_url("ovr_assigned"), {"ovr_assigned-value": "ja", "ovr_assigned-revision": "0"}, **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "✓ Opgeslagen" in html
    assert 'name="ovr_assigned-revision" value="1"' in html
    assert 'id="progress" hx-swap-oob="true"' in html
    assert Answer.objects.get(assessment=assessment).value == "ja"


def test_autosave_of_a_bad_number_explains_in_dutch_and_keeps_the_typed_value(assessment, client_for, ovr_vr13):
    response = client_for(ovr_vr13).post(
        answer_url("reservists_count"), {"reservists_count-value": "drie", "reservists_count-revision": "0"}, **HTMX
    )
    html = response.content.decode()
    assert "‘drie’ is geen getal." in html
    assert 'value="drie"' in html
    assert "Niet opgeslagen" in html
    assert not Answer.objects.filter(assessment=assessment).exists()


def test_a_stale_autosave_is_refused_showing_both_values(assessment, question, client_for, ovr_vr13, contact_vr13):
    answer_save(assessment=assessment, question=question("alert_level"), value="grip1", base_revision=0,
                by=contact_vr13)
    response = client_for(ovr_vr13).post(
        answer_url("alert_level"), {"alert_level-value": "grip2", "alert_level-revision": "0"}, **HTMX
    )
    html = response.content.decode()
    assert "Dit antwoord is intussen gewijzigd door" in html
    labels = {c.code: c.label for c in question("alert_level").choices.all()}
    assert f'class="conflict-theirs">{labels["grip1"]}' in html
    assert f'class="conflict-mine">{labels["grip2"]}' in html
    assert "Mijn antwoord bewaren" in html
    assert Answer.objects.get(assessment=assessment).value == "grip1"


def test_keeping_my_answer_after_a_conflict_overwrites_deliberately(assessment, question, client_for, ovr_vr13,
                                                                   contact_vr13):
    stored = answer_save(assessment=assessment, question=question("alert_level"), value="grip1", base_revision=0,
                         by=contact_vr13)
    client_for(ovr_vr13).post(answer_url("alert_level"), {
        "alert_level-value": "grip2", "alert_level-revision": "0", "alert_level-keep_mine": str(stored.revision),
    }, **HTMX)
    assert Answer.objects.get(assessment=assessment).value == "grip2"


def test_an_expired_session_gets_401_from_autosave_instead_of_the_login_page(assessment, client):
    response = client.post(answer_url("ovr_assigned"), {"ovr_assigned-value": "ja"}, **HTMX)
    assert response.status_code == 401
    assert "Uw sessie is verlopen" in response.content.decode()
    assert not Answer.objects.exists()


def test_the_page_has_the_session_expiry_message_and_script(assessment, client_for, ovr_vr13):
    html = client_for(ovr_vr13).get(FILL).content.decode()
    assert 'id="session-banner"' in html
    assert "js/questionnaire.js" in html


def test_without_javascript_the_theme_form_saves_only_what_changed(assessment, question, client_for, ovr_vr13,
                                                                  contact_vr13):
    # Meanwhile the contact person answered ovr_workplace; the OVR's page still shows it empty.
    answer_save(assessment=assessment, question=question("ovr_workplace"), value="nee", base_revision=0,
                by=contact_vr13)
    response = client_for(ovr_vr13).post(f"{FILL}?theme=1", {
        "ovr_assigned-value": "ja", "ovr_assigned-revision": "0", "ovr_assigned-orig_value": "",
        "ovr_assigned-comment": "Sinds 2011", "ovr_assigned-orig_comment": "",
        "ovr_workplace-revision": "0", "ovr_workplace-orig_value": "",
    })
    assert response.status_code == 302
    assert response["Location"].endswith("?theme=1")
    values = dict(Answer.objects.filter(assessment=assessment).values_list("question__code", "value"))
    assert values == {"ovr_assigned": "ja", "ovr_workplace": "nee"}
    assert Answer.objects.get(assessment=assessment, question__code="ovr_assigned").comment == "Sinds 2011"


def test_without_javascript_a_refused_answer_is_shown_inline_and_nothing_typed_is_lost(assessment, question,
                                                                                       client_for, ovr_vr13,
                                                                                       contact_vr13):
    answer_save(assessment=assessment, question=question("ovr_days_per_week"), value="1", base_revision=0,
                by=contact_vr13)
    response = client_for(ovr_vr13).post(f"{FILL}?theme=1", {
        "ovr_assigned-value": "ja", "ovr_assigned-revision": "0",
        "reservists_count-value": "veel", "reservists_count-revision": "0",
        "ovr_days_per_week-value": "2_or_more", "ovr_days_per_week-revision": "0",
    })
    html = response.content.decode()
    assert response.status_code == 200
    assert "Niet alle antwoorden zijn opgeslagen" in html
    assert "‘veel’ is geen getal." in html and 'value="veel"' in html
    assert "Dit antwoord is intussen gewijzigd door" in html
    assert Answer.objects.get(assessment=assessment, question__code="ovr_assigned").value == "ja"
    assert Answer.objects.get(assessment=assessment, question__code="ovr_days_per_week").value == "1"


def test_submitting_in_the_browser_lists_what_is_missing(assessment, client_for, ovr_vr13):
    response = client_for(ovr_vr13).post(reverse("assessments:submit", kwargs={"round_code": "icms-2013", "code": "VR13"}),
                                         follow=True)
    html = response.content.decode()
    assert "verplichte vragen onbeantwoord" in html
    # The missing questions by their words, not their codes.
    first = assessment.questionnaire.questions.filter(required=True, condition_code="").order_by("order").first()
    assert first.text[:40] in unescape(html) and f"({first.code}" not in html
    assert "Ondertekening door de OVR ontbreekt." in html


def test_respondents_sign_and_submit_and_the_inspector_takes_it_into_review(assessment, client_for, ovr_vr13,
                                                                             contact_vr13, inspector):
    answer_all_required(assessment, ovr_vr13)
    assessment_sign(assessment=assessment, by=contact_vr13)
    client = client_for(ovr_vr13)
    client.post(reverse("assessments:sign", kwargs={"round_code": "icms-2013", "code": "VR13"}))
    html = client.post(reverse("assessments:submit", kwargs={"round_code": "icms-2013", "code": "VR13"}), follow=True)
    assert "De vragenlijst is ingediend" in html.content.decode()
    inspector_page = client_for(inspector).get(FILL).content.decode()
    assert "In beoordeling nemen" in inspector_page
    client_for(inspector).post(reverse("assessments:transition", kwargs={"round_code": "icms-2013", "code": "VR13"}),
                               {"to": "in_review"})
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_REVIEW


def test_a_submitted_questionnaire_shows_answers_without_inputs(assessment, question, client_for, ovr_vr13):
    answer_save(assessment=assessment, question=question("ovr_assigned"), value="ja", base_revision=0, by=ovr_vr13)
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.save()
    html = client_for(ovr_vr13).get(FILL).content.decode()
    assert 'name="ovr_assigned-value"' not in html
    assert "Deze vragenlijst heeft de status ‘ingediend’ en kan niet meer worden gewijzigd." in html


def test_reopening_from_the_page_without_a_reason_is_refused(assessment, client_for, inspector):
    assessment.status = AssessmentStatus.FINAL
    assessment.save()
    response = client_for(inspector).post(reverse("assessments:transition", kwargs={"round_code": "icms-2013", "code": "VR13"}),
                                          {"to": "in_review", "reason": ""}, follow=True)
    assert "Geef een reden op voor deze stap." in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.FINAL


def test_the_history_page_shows_who_when_old_and_new_value(assessment, question, client_for, ovr_vr13, contact_vr13,
                                                           inspector):
    q = question("alert_level")
    first = answer_save(assessment=assessment, question=q, value="grip1", base_revision=0, by=ovr_vr13)
    answer_save(assessment=assessment, question=q, value="grip2", base_revision=first.revision, by=contact_vr13)
    html = client_for(inspector).get(reverse("assessments:history", kwargs={"round_code": "icms-2013", "code": "VR13"})).content
    html = html.decode()
    labels = {c.code: c.label for c in q.choices.all()}
    newest = html.index(contact_vr13.get_full_name())
    oldest = html.index(ovr_vr13.get_full_name())
    assert newest < oldest  # newest first
    row = html[newest:oldest]
    assert labels["grip1"] in row and labels["grip2"] in row


def test_carried_answers_are_marked_and_can_be_confirmed(assessment, question, client_for, ovr_vr13):
    Answer.objects.create(assessment=assessment, question=question("ovr_assigned"), value="ja", carried=True,
                          revision=1)
    client = client_for(ovr_vr13)
    assert "Overgenomen uit de vorige meting" in client.get(FILL).content.decode()
    client.post(answer_url("ovr_assigned"), {"ovr_assigned-value": "ja", "ovr_assigned-revision": "1",
                                             "ovr_assigned-confirm": "on"}, **HTMX)
    answer = Answer.objects.get(assessment=assessment)
    assert (answer.carried, answer.answered_by) == (False, ovr_vr13)


@pytest.mark.parametrize("answered", [1, 40])
def test_the_fill_page_takes_a_fixed_number_of_queries(assessment, ovr_vr13, client_for, answered,
                                                       django_assert_num_queries):
    for q in assessment.questionnaire.questions.filter(kind="yes_no").order_by("order")[:answered]:
        Answer.objects.create(assessment=assessment, question=q, value="ja", answered_by=ovr_vr13, revision=1)
    client = client_for(ovr_vr13)
    # 15: one reads the criteria of the theme's success factors, one the respondent's own menu entries, one the
    # region's answers in 2009 to the questions these continue (none here: so no query for their choices).
    with django_assert_num_queries(15):
        assert client.get(FILL).status_code == 200


@pytest.mark.parametrize("changes", [1, 12])
def test_the_history_page_takes_a_fixed_number_of_queries(assessment, question, ovr_vr13, inspector, client_for,
                                                          changes, django_assert_num_queries):
    revision = 0
    for n in range(changes):
        revision = answer_save(assessment=assessment, question=question("reservists_count"), value=str(n + 1),
                               base_revision=revision, by=ovr_vr13).revision
    client = client_for(inspector)
    with django_assert_num_queries(9):
        assert client.get(reverse("assessments:history", kwargs={"round_code": "icms-2013", "code": "VR13"})).status_code == 200


def _answer_2009(code: str, value: str, by) -> None:
    from framework.models import Round
    from tests.factories import subject

    round_2009 = Round.objects.get(code="icms-2009")
    earlier = AssessmentFactory(round=round_2009, subject=subject("VR13"),
                                questionnaire=round_2009.questionnaires.get(audience="region"))
    question = earlier.questionnaire.questions.get(code=code)
    Answer.objects.create(assessment=earlier, question=question, value=value, answered_by=by, revision=1)


def test_a_question_that_continues_one_of_the_previous_round_shows_the_regions_answer_there(assessment, ovr_vr13,
                                                                                           client_for):
    question = assessment.questionnaire.questions.select_related("continues").filter(
        continues__isnull=False, kind="yes_no").order_by("order").first()
    _answer_2009(question.continues.code, "nee", ovr_vr13)
    html = client_for(ovr_vr13).get(f"{FILL}?theme={question.success_factor.theme.number}").content.decode()
    card = html.split(f'id="q-{question.code}"')[1].split('class="answer-state')[0]
    assert "Uw antwoord in 2009: nee" in card
    assert html.count("Uw antwoord in 2009") == 1


@pytest.mark.parametrize("earlier", [1, 6])
def test_the_fill_page_with_answers_of_the_previous_round_takes_a_fixed_number_of_queries(
    assessment, ovr_vr13, client_for, earlier, django_assert_num_queries
):
    from framework.models import Round
    from tests.factories import subject

    round_2009 = Round.objects.get(code="icms-2009")
    previous = AssessmentFactory(round=round_2009, subject=subject("VR13"),
                                 questionnaire=round_2009.questionnaires.get(audience="region"))
    continued = assessment.questionnaire.questions.filter(
        continues__isnull=False, success_factor__theme__number=1).select_related("continues").order_by("order")
    earlier_questions = list(dict.fromkeys(question.continues for question in continued))[:earlier]
    for question in earlier_questions:
        Answer.objects.create(assessment=previous, question=question, value="ja" if question.kind == "yes_no" else "1",
                              answered_by=ovr_vr13, revision=1)
    client = client_for(ovr_vr13)
    # 17: the pinned 15 of the fill page, the labels of the earlier questions' choices, and (no answer in 2013 yet)
    # whether the region has a questionnaire in 2009 to carry over.
    with django_assert_num_queries(17):
        html = client.get(f"{FILL}?theme=1").content.decode()
    assert "Uw antwoord in 2009" in html
