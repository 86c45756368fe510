"""Filling in a questionnaire in Chromium as respondents do (autosave, reload, sign, submit, review), and as an
inspector on behalf of a region."""

import re

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Answer, Assessment, AssessmentStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SAMPLE = {"number": "3", "date": "2013-02-01", "text": "Zie het convenant."}


def wait_saved(card) -> None:
    expect(card.locator(".save-state")).to_contain_text("✓ Opgeslagen")


def answer_card(card) -> bool:
    """Answer one question card by its kind if it is still empty; True when it answered something."""
    kind = card.get_attribute("data-kind")
    if kind in ("yes_no", "single_choice", "multiple_choice"):
        boxes = card.locator("input[type=radio], input[type=checkbox]")
        if card.locator("input:checked").count():
            return False
        boxes.first.check()
    else:
        field = card.locator(f"[name='{card.get_attribute('data-code')}-value']")
        if field.input_value():
            return False
        field.fill(SAMPLE[kind])
        field.dispatch_event("change")
    wait_saved(card)
    return True


def answer_visible_required(page: Page) -> None:
    """Answer every visible required question on this theme page; answers may reveal more questions."""
    for _ in range(4):
        cards = page.locator(".question-card[data-required]:not([hidden])")
        answered = [answer_card(cards.nth(i)) for i in range(cards.count())]
        if not any(answered):
            return


def complete_every_theme(page: Page) -> None:
    hrefs = [a.get_attribute("href") for a in page.locator("#progress .nav-tabs a").all()]
    for href in hrefs:
        page.goto(href)
        answer_visible_required(page)


def begin(page: Page) -> None:
    """A questionnaire nobody has started yet opens on a page with one button; GET never creates it."""
    page.get_by_role("button", name="Vragenlijst beginnen").click()
    expect(page.locator("#progress")).to_be_visible()


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login/**")


def test_an_ovr_and_an_inspector_fill_in_the_region_questionnaire_both_respondents_sign_and_the_inspector_reviews(
    page, login, ovr_vr13, contact_vr13, inspector, screenshot
):
    """Journey 1 of issue 11: the OVR starts and answers, the inspector fills in the rest on the region's behalf,
    the answers survive a reload, the OVR and the contact person sign, the contact person submits, the inspector
    takes the questionnaire into review."""
    login(ovr_vr13)
    page.get_by_role("link", name="Vragenlijst 2013 voor VR13 Amsterdam-Amstelland").click()
    begin(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vragenlijst veiligheidsregio")

    # Autosave: a choice and a typed number are saved without pressing a button.
    assigned = page.locator("#q-ovr_assigned")
    expect(page.locator("#q-ovr_workplace")).to_be_hidden()
    assigned.get_by_label("Ja").check()
    wait_saved(assigned)
    expect(page.locator("#q-ovr_workplace")).to_be_visible()  # its condition is now met
    reservists = page.locator("#q-reservists_count")
    reservists.locator("input[name='reservists_count-value']").press_sequentially("4")
    wait_saved(reservists)
    expect(page.locator(".overall-answered")).to_have_text("2")

    page.reload()
    expect(page.locator("#id-ovr_assigned-ja")).to_be_checked()
    expect(page.locator("#id-reservists_count-value")).to_have_value("4")
    answer_visible_required(page)
    screenshot(page, "questionnaire")
    logout(page)

    # The inspector fills in the other themes on the region's behalf.
    login(inspector)
    page.goto("/assessments/icms-2013/VR13/")
    expect(page.locator("#on-behalf")).to_contain_text("U vult deze vragenlijst in als inspectie namens VR13")
    complete_every_theme(page)
    page.reload()
    expect(page.locator("#submit-problems")).not_to_contain_text("onbeantwoord")  # only the signatures are missing
    logout(page)

    login(ovr_vr13)
    page.goto("/assessments/icms-2013/VR13/")
    expect(page.locator("#id-ovr_assigned-ja")).to_be_checked()  # the OVR's answers and the inspector's persist
    expect(page.locator("#id-reservists_count-value")).to_have_value("4")
    page.get_by_role("button", name="Ondertekenen").click()
    expect(page.get_by_text("U heeft de vragenlijst ondertekend.")).to_be_visible()
    logout(page)

    login(contact_vr13)
    page.goto("/assessments/icms-2013/VR13/")
    page.get_by_role("button", name="Ondertekenen").click()
    page.get_by_role("button", name="Indienen").click()
    expect(page.get_by_text("De vragenlijst is ingediend.")).to_be_visible()
    expect(page.locator("#status")).to_have_text("ingediend")
    logout(page)

    login(inspector)
    page.get_by_role("link", name="Ingediende vragenlijst VR13 Amsterdam-Amstelland: in beoordeling nemen").click()
    page.get_by_role("button", name="In beoordeling nemen").click()
    expect(page.locator("#status")).to_have_text("in beoordeling")
    assessment = Assessment.objects.get(subject__code="VR13", round__year=2013)
    assert assessment.status == AssessmentStatus.IN_REVIEW
    assert Answer.objects.get(assessment=assessment, question__code="reservists_count").value == "4"
    answered_by = set(Answer.objects.filter(assessment=assessment).values_list("answered_by__username", flat=True))
    assert answered_by == {ovr_vr13.username, inspector.username}
    assert set(assessment.signatures.values_list("user__username", flat=True)) == {ovr_vr13.username, contact_vr13.username}


def test_an_rmc_fills_in_the_brigade_questionnaire_and_submits_it(page, login, rmc_11, inspector):
    login(rmc_11)
    page.get_by_role("link", name="Vragenlijst 2013 voor 11 Luchtmobiele Brigade").click()
    expect(page).to_have_url(re.compile(r"/assessments/icms-2013/B11/$"))
    begin(page)
    expect(page).to_have_url(re.compile(r"/assessments/icms-2013/B11/"))
    complete_every_theme(page)
    page.reload()
    expect(page.locator(".overall-answered")).not_to_have_text("0")
    page.get_by_role("button", name="Ondertekenen").click()
    page.get_by_role("button", name="Indienen").click()
    expect(page.locator("#status")).to_have_text("ingediend")
    logout(page)

    login(inspector)
    page.goto("/assessments/2013/brigades/11/")  # the brigade's address of earlier versions
    expect(page).to_have_url(re.compile(r"/assessments/icms-2013/B11/$"))
    page.get_by_role("button", name="In beoordeling nemen").click()
    expect(page.locator("#status")).to_have_text("in beoordeling")
    assert Assessment.objects.get(subject__code="B11", round__year=2013).status == AssessmentStatus.IN_REVIEW


def test_an_answer_typed_after_the_session_expired_is_kept_and_saved_after_logging_in_again(
    page, login, ovr_vr13
):
    login(ovr_vr13)
    page.goto("/assessments/icms-2013/VR13/")
    begin(page)
    page.context.clear_cookies(name="sessionid")
    card = page.locator("#q-reservists_count")
    card.locator("input[name='reservists_count-value']").press_sequentially("7")
    expect(page.locator("#session-banner")).to_be_visible()
    expect(page.locator("#session-banner")).to_contain_text("Uw sessie is verlopen; log opnieuw in")
    expect(card.locator("input[name='reservists_count-value']")).to_have_value("7")
    assert not Answer.objects.filter(question__code="reservists_count").exists()

    login(ovr_vr13)
    page.goto("/assessments/icms-2013/VR13/")
    expect(page.locator("#id-reservists_count-value")).to_have_value("7")
    wait_saved(page.locator("#q-reservists_count"))
    assert Answer.objects.get(question__code="reservists_count").value == "7"


def test_without_javascript_the_theme_page_is_a_plain_form(browser, live_server, ovr_vr13):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto("/login/")
    page.get_by_label("Gebruikersnaam").fill(ovr_vr13.username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()
    page.goto("/assessments/icms-2013/VR13/")
    page.get_by_role("button", name="Vragenlijst beginnen").click()
    page.locator("#id-ovr_assigned-nee").check()
    page.locator("#id-reservists_count-value").fill("twee")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("‘twee’ is geen getal.")).to_be_visible()
    expect(page.locator("#id-reservists_count-value")).to_have_value("twee")
    page.locator("#id-reservists_count-value").fill("2")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Uw antwoorden zijn opgeslagen.")).to_be_visible()
    values = dict(Answer.objects.values_list("question__code", "value"))
    assert values == {"ovr_assigned": "nee", "reservists_count": "2"}
    context.close()


def test_in_english_the_autosave_states_are_english(page, login, ovr_vr13):
    login(ovr_vr13)
    page.goto("/assessments/icms-2013/VR13/")
    begin(page)
    page.locator("#language").select_option("en")
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto("/assessments/icms-2013/VR13/")
    card = page.locator("#q-reservists_count")
    expect(card).to_contain_text("How many reservists have been assigned to the safety region to support the OVR?")
    page.context.clear_cookies(name="sessionid")
    card.locator("input[name='reservists_count-value']").press_sequentially("7")
    expect(card.locator(".save-state")).to_have_text("Not saved: your session has expired")


def test_an_inspector_fills_in_vr14s_draft_on_behalf_of_the_region_and_the_history_names_the_inspector(
    page, login, inspector, ovr_vr14, vr14_draft_2013
):
    login(inspector)
    page.goto("/assessments/icms-2013/VR14/")
    expect(page.locator("#on-behalf")).to_contain_text("U vult deze vragenlijst in als inspectie namens VR14")
    expect(page.get_by_role("button", name="Ondertekenen")).to_have_count(0)  # signing stays with the respondents

    card = page.locator("#q-reservists_count")
    field = card.locator("input[name='reservists_count-value']")
    expect(field).to_have_value("2")
    field.select_text()
    field.press_sequentially("5")  # typed over the OVR's answer; autosave after a pause in typing
    wait_saved(card)

    page.reload()
    expect(page.locator("#on-behalf")).to_be_visible()
    expect(page.locator("#id-reservists_count-value")).to_have_value("5")
    answer = Answer.objects.get(assessment=vr14_draft_2013, question__code="reservists_count")
    assert (answer.value, answer.answered_by) == ("5", inspector)

    page.get_by_role("link", name="Geschiedenis").click()
    expect(page).to_have_url(re.compile(r"/assessments/icms-2013/VR14/history/$"))
    rows = page.locator("#answer-changes tbody tr[data-question='reservists_count']")
    expect(rows).to_have_count(2)
    cells = rows.first.get_by_role("cell")  # newest first
    expect(cells.nth(1)).to_have_text(inspector.get_full_name())
    expect(cells.nth(3)).to_have_text("2 personen")
    expect(cells.nth(4)).to_have_text("5 personen")
    expect(rows.nth(1).get_by_role("cell").nth(1)).to_have_text(ovr_vr14.get_full_name())
