"""The journeys of issue 11 not covered elsewhere (journey 1 is in test_questionnaire.py, journey 2 in
test_verification.py): the ministry reads the national dashboard, recolours the map and downloads the report;
journey 1 by keyboard alone, every focused element visible and uncovered; the English switch on every page of
journey 1. The demo journey also takes the README's screenshots of each role's home."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page, expect

from assessments import services
from assessments.models import Assessment, AssessmentStatus
from framework.models import Round
from tests.assessments.helpers import answer_all_required
from tests.factories import subject

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page: Page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/login/" not in url)


# --- journey 3 (and the screenshots of the demo) -------------------------------------------------------------


def test_the_ministry_reads_the_national_dashboard_recolours_the_map_and_downloads_the_report(
    page, screenshot, demo_committed
):
    page.set_viewport_size({"width": 1366, "height": 768})

    # Each role's home, as the demo leaves the round (the README shows them).
    for username in ("inspecteur", "ovr.vr13", "rmc.11"):
        log_in(page, username)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        screenshot(page, f"home-{username.replace('.', '-')}", max_height=1400)
        if username == "inspecteur":
            page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bevindingen").click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("Bevindingen")
            screenshot(page, "findings-overview", max_height=1400)
        page.context.clear_cookies()

    log_in(page, "ministerie")
    screenshot(page, "home-ministerie", max_height=1400)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Landelijk beeld").click()
    expect(page).to_have_url(re.compile(r"/national/icms-2013/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Landelijk beeld 2013")
    expect(page.locator("#q1")).to_be_visible()

    # The map's control: choose another success factor, show it, and the map (its title, colours, table) changes.
    section = page.locator("section[aria-labelledby='map-heading']")
    select = section.locator("#map-select")
    before = select.input_value()
    title_before = section.locator("svg.national-map title").first.text_content()
    fills_before = section.locator("svg.national-map path").evaluate_all("ps => ps.map(p => p.getAttribute('class'))")
    # 3.4.1 (the OVR in the regional crisis structure) is judged unevenly across the regions; 3.1.1 nearly evenly.
    target = "3.4.1" if before != "3.4.1" else "3.1.1"
    select.select_option(target)
    section.get_by_role("button", name="Tonen").click()
    expect(page).to_have_url(re.compile(rf"[?&]map={re.escape(target)}"))
    section = page.locator("section[aria-labelledby='map-heading']")
    expect(section.locator("#map-select")).to_have_value(target)
    expect(section.locator("svg.national-map title").first).not_to_have_text(title_before)
    fills_after = section.locator("svg.national-map path").evaluate_all("ps => ps.map(p => p.getAttribute('class'))")
    assert fills_after != fills_before, "the map's colours did not change with the factor"
    screenshot(page, "national-dashboard", max_height=2000)
    screenshot(page, "national-map", element=section)

    # The national tables keep one column layout from theme to theme.
    widths = {}
    for code in ("3.1.1", "3.4.1", "3.6.1"):
        page.goto(f"/national/icms-2013/{code}/")
        tables = page.locator("table.table-fixed")
        expect(tables.first).to_be_visible()
        widths[code] = [
            tables.nth(i).locator("thead th, colgroup col").evaluate_all("cells => cells.map(c => Math.round(c.getBoundingClientRect().width))")
            for i in range(tables.count())
        ]
    assert widths["3.1.1"] == widths["3.4.1"] == widths["3.6.1"], widths
    page.goto(f"/national/icms-2013/?map={target}")

    # The report as PDF and as XLSX, downloaded from the page.
    downloads = page.get_by_role("navigation", name="Downloads")
    # The PDF is typeset on request: on a busy machine that takes a while.
    with page.expect_download(timeout=60_000) as pdf_download:
        downloads.get_by_role("link", name="PDF").click()
    pdf = _read(pdf_download.value)
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Landelijk beeld" in text
    assert "3.4.1" in text

    with page.expect_download(timeout=30_000) as xlsx_download:
        downloads.get_by_role("link", name="Excel (XLSX)").click()
    xlsx = _read(xlsx_download.value)
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(xlsx), read_only=True)
    cells = {str(c) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c}
    factors = {"3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.3.1", "3.4.1", "3.4.2", "3.5.1", "3.6.1"}
    found = {code for code in factors if any(cell.startswith(code) for cell in cells)}
    assert found == factors, f"factors missing from the workbook: {factors - found}"


def _read(download) -> bytes:
    assert download.failure() is None, download.failure()
    with open(download.path(), "rb") as handle:
        return handle.read()


# --- journey 4: journey 1 by keyboard alone -----------------------------------------------------------------

# What has the focus, whether it is whole inside the window and not covered by another element (the sticky
# "Opslaan / Volgend thema" bar, a menu): elementFromPoint at its centre must be the element or inside it.
FOCUSED = """async () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // The browser scrolls the focused element into view, smoothly where motion is allowed: measure once it rests.
  let r = el.getBoundingClientRect();
  for (let i = 0; i < 60; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const next = el.getBoundingClientRect();
    if (next.top === r.top && next.left === r.left) break;
    r = next;
  }
  const card = el.closest('.question-card');
  const label = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') + (label ? ` "${label}"` : '');
  const problems = [];
  if (r.width === 0 || r.height === 0) {
    problems.push('has no size');
  } else if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) {
    problems.push(`is not whole inside the window (top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)} of ${window.innerHeight})`);
  } else {
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(hit === el || el.contains(hit))) {
      const by = hit ? hit.tagName.toLowerCase() + (hit.id ? '#' + hit.id : '') + (typeof hit.className === 'string' && hit.className ? '.' + hit.className.trim().split(/\\s+/).join('.') : '') : 'nothing';
      problems.push('is covered by ' + by);
    }
  }
  let answered = null;
  if (card) {
    const field = card.querySelector(`[name="${card.dataset.code}-value"]`);
    answered = card.querySelector('input:checked') !== null || (field && field.type !== 'radio' && field.type !== 'checkbox' && field.value !== '');
  }
  return {
    name, problems, tag: el.tagName, type: el.type || '', id: el.id,
    text: (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 120),
    card: card ? card.id : null, kind: card ? card.dataset.kind : null, required: card ? card.hasAttribute('data-required') : false,
    isValue: card ? el.getAttribute('name') === card.dataset.code + '-value' : false, answered,
  };
}"""

KEYBOARD_SAMPLE = {"number": "3", "date": "01022013", "text": "Zie het convenant."}


class Keyboard:
    """Walks a page by Tab alone, checking every element that receives the focus."""

    def __init__(self, page: Page):
        self.page = page
        self.problems: list[str] = []
        self.focused = 0

    def check(self) -> dict | None:
        state = self.page.evaluate(FOCUSED)
        if state:
            self.focused += 1
            path = self.page.url.split("//", 1)[-1].split("/", 1)[-1]
            self.problems += [f"/{path} {state['name']} {p}" for p in state["problems"]]
        return state

    def tab(self, *, back: bool = False) -> dict | None:
        self.page.keyboard.press("Shift+Tab" if back else "Tab")
        return self.check()

    def tab_to(self, wanted, *, limit: int = 250) -> dict:
        """Tab on until `wanted(state)` holds for the focused element (the one focused now counts too)."""
        state = self.check()
        for _ in range(limit):
            if state and wanted(state):
                return state
            state = self.tab()
        raise AssertionError(f"{self.page.url}: no element found by Tab within {limit} steps")

    def press(self, key: str, *, navigates: bool = False) -> None:
        if navigates:
            with self.page.expect_navigation():
                self.page.keyboard.press(key)
        else:
            self.page.keyboard.press(key)


def is_button(text: str):
    return lambda s: s["tag"] == "BUTTON" and s["text"] == text


def is_link(text: str):
    return lambda s: s["tag"] == "A" and s["text"].startswith(text)


def log_in_by_keyboard(kb: Keyboard, username: str) -> None:
    kb.page.goto("/login/")
    kb.tab_to(lambda s: s["id"] == "id_username")
    kb.page.keyboard.type(username)
    kb.tab_to(lambda s: s["id"] == "id_password")
    kb.page.keyboard.type("demo")
    kb.press("Enter", navigates=True)
    assert "/login/" not in kb.page.url


def log_out_by_keyboard(kb: Keyboard) -> None:
    """From a page just loaded: the logout button is near the top of the tab order."""
    kb.tab_to(is_button("Uitloggen"))
    kb.press("Enter", navigates=True)


def answer_theme_by_keyboard(kb: Keyboard) -> bool:
    """Tab through a theme page from the top, answering every required question still empty (Space for a choice,
    typing for the rest), until the sticky bar's "Opslaan"; then Enter on "Volgend thema" when there is one.
    True when it went on to the next theme."""
    page = kb.page
    pending: list[str] = []
    state = kb.tab_to(lambda s: s["card"] is not None)
    while not (state["tag"] == "BUTTON" and state["text"] == "Opslaan"):
        if state["card"] and state["required"] and state["isValue"] and not state["answered"]:
            if state["kind"] in ("yes_no", "single_choice", "multiple_choice"):
                page.keyboard.press("Space")
            else:
                page.keyboard.type(KEYBOARD_SAMPLE[state["kind"]])
            pending.append(state["card"])
        state = kb.tab()
        assert state is not None, f"{page.url}: the focus left the page"
    for card in dict.fromkeys(pending):
        expect(page.locator(f"#{card} .save-state")).to_contain_text("Opgeslagen")
    state = kb.tab()
    if state and state["tag"] == "A" and state["text"].startswith("Volgend thema"):
        kb.press("Enter", navigates=True)
        return True
    return False


def test_journey_1_by_keyboard_alone_with_every_focused_element_visible_and_uncovered(
    page, ovr_vr13, contact_vr13, inspector
):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.emulate_media(reduced_motion="reduce")
    kb = Keyboard(page)

    log_in_by_keyboard(kb, ovr_vr13.username)
    kb.tab_to(is_link("Vragenlijst 2013 voor VR13 Amsterdam-Amstelland"))
    kb.press("Enter", navigates=True)
    kb.tab_to(is_button("Vragenlijst beginnen"))
    kb.press("Enter", navigates=True)
    answer_theme_by_keyboard(kb)  # the OVR answers the first theme …
    log_out_by_keyboard(kb)

    log_in_by_keyboard(kb, inspector.username)  # … the inspector the others, on the region's behalf
    page.goto("/assessments/icms-2013/VR13/?theme=2")
    while answer_theme_by_keyboard(kb):
        pass
    page.reload()
    expect(page.locator("#submit-problems")).not_to_contain_text("onbeantwoord")
    log_out_by_keyboard(kb)

    for respondent, last_step in ((ovr_vr13, None), (contact_vr13, "Indienen")):
        log_in_by_keyboard(kb, respondent.username)
        page.goto("/assessments/icms-2013/VR13/")
        kb.tab_to(is_button("Ondertekenen"))
        kb.press("Enter", navigates=True)
        expect(page.get_by_text("U heeft de vragenlijst ondertekend.")).to_be_visible()
        if last_step:
            kb.tab_to(is_button(last_step))
            kb.press("Enter", navigates=True)
            expect(page.locator("#status")).to_have_text("ingediend")
        log_out_by_keyboard(kb)

    log_in_by_keyboard(kb, inspector.username)
    kb.tab_to(is_link("Ingediende vragenlijst VR13 Amsterdam-Amstelland: in beoordeling nemen"))
    kb.press("Enter", navigates=True)
    kb.tab_to(is_button("In beoordeling nemen"))
    kb.press("Enter", navigates=True)
    expect(page.locator("#status")).to_have_text("in beoordeling")
    assert Assessment.objects.get(subject__code="VR13", round__year=2013).status == AssessmentStatus.IN_REVIEW
    assert kb.focused > 100
    assert not kb.problems, f"{len(kb.problems)} focused elements hidden or covered:\n" + "\n".join(kb.problems)


# --- journey 5: the English switch on every page of journey 1 -----------------------------------------------

# Per page of journey 1: what reads English after the switch, and Dutch that must be gone.
ENGLISH = {
    "login": (["Log in", "Username", "Password"], ["Inloggen", "Gebruikersnaam", "Wachtwoord"]),
    "home": (["Welcome,", "Awaiting your action", "Log out"], ["Welkom", "Wat op u wacht", "Uitloggen"]),
    "not started": (["Questionnaire", "Start the questionnaire"], ["Vragenlijst beginnen"]),
    "theme": (
        ["Save", "Next theme", "Sign and submit", "History", "Documents", "Explanation", "Dissenting view", "required"],
        ["Opslaan", "Volgend thema", "Ondertekenen en indienen", "Geschiedenis", "Documenten", "Toelichting",
         "Afwijkende mening", "verplicht", "Nog niet beantwoord"],
    ),
    "history": (["History", "Stages", "Changes to answers"], ["Geschiedenis", "Fasen", "Wijzigingen in antwoorden"]),
    "review": (["Take into review", "Sign and submit", "Recent steps"],
               ["In beoordeling nemen", "Ondertekenen en indienen", "Laatste stappen"]),
}


def switch_language(page: Page, code: str) -> None:
    with page.expect_navigation():
        page.locator("#language").select_option(code)
    expect(page.locator("html")).to_have_attribute("lang", code)


def assert_english(page: Page, what: str) -> None:
    english, dutch = ENGLISH[what]
    body = page.locator("body")
    menu = [] if what == "login" else ["Log out"]
    for text in [*english, *menu]:
        expect(body).to_contain_text(text)
    text = body.inner_text()
    found = [word for word in [*dutch, "Uitloggen"] if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert not found, f"{page.url} ({what}) still reads Dutch after the switch: {found}"


def visit_in_both_languages(page: Page, path: str, what: str, dutch_marker: str) -> None:
    page.goto(path)
    expect(page.locator("body")).to_contain_text(dutch_marker)
    switch_language(page, "en")
    assert page.url.endswith(path)
    assert_english(page, what)
    switch_language(page, "nl")
    expect(page.locator("body")).to_contain_text(dutch_marker)


def test_the_english_switch_turns_every_page_of_journey_1_english(page, ovr_vr13, contact_vr13, inspector):
    round = Round.objects.get(year=2013)
    visit_in_both_languages(page, "/login/", "login", "Gebruikersnaam")
    log_in(page, ovr_vr13.username)
    visit_in_both_languages(page, "/", "home", "Uitloggen")
    visit_in_both_languages(page, "/assessments/icms-2013/VR13/", "not started", "Vragenlijst beginnen")

    assessment = services.assessment_start(round=round, subject=subject("VR13"), by=ovr_vr13)
    visit_in_both_languages(page, "/assessments/icms-2013/VR13/", "theme", "Volgend thema")
    visit_in_both_languages(page, "/assessments/icms-2013/VR13/?theme=2", "theme", "Volgend thema")
    visit_in_both_languages(page, "/assessments/icms-2013/VR13/history/", "history", "Geschiedenis")

    answer_all_required(assessment, ovr_vr13)
    services.assessment_sign(assessment=assessment, by=ovr_vr13)
    services.assessment_sign(assessment=assessment, by=contact_vr13)
    services.assessment_submit(assessment=assessment, by=contact_vr13)
    page.context.clear_cookies()
    log_in(page, inspector.username)
    visit_in_both_languages(page, "/", "home", "Uitloggen")
    visit_in_both_languages(page, "/assessments/icms-2013/VR13/", "review", "In beoordeling nemen")
