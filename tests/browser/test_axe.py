"""Accessibility, measured with axe-core (axe-playwright-python) in Chromium: every page the browser journeys
visit, for every demo user, has no violation of any impact (WCAG 2.1 A/AA and axe's best practices; no rule
is switched off and no element left out).

One browser, one context per role and one server for the module: the demo is loaded once and committed, so the
server thread sees it, and removed again when the module ends (the reference data is put back, as the other
browser tests leave it). Loading the demo for each role anew would take most of the run."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browser.conftest import _expected_console_error

# Each test runs in a transaction of its own that it never writes in (it only drives the browser); the marker
# also makes pytest-django create the test database, which this module's server uses.
pytestmark = pytest.mark.django_db

AXE = Axe()

# The questionnaires whose every theme page a role visits (found through the theme tabs), the other pages beyond
# the role's menu (the national dashboard once, as /national/: the page of the current round, 2013, and the
# slowest to check), and the error pages (path and status) it can reach.
QUESTIONNAIRES = {
    "inspecteur": ["/assessments/icms-2013/VR14/"],  # a draft the inspector may fill in on the region's behalf
    "ovr.vr13": ["/assessments/icms-2013/VR13/"],
    "contact.vr13": ["/assessments/icms-2013/VR13/"],
    "rmc.11": ["/assessments/icms-2013/B11/"],
    "ministerie": [],
    "admin": [],
}
PAGES = {
    "inspecteur": [
        "/assessments/icms-2013/VR13/",
        "/assessments/icms-2013/VR13/history/",
        "/assessments/fieldwork/",
        "/findings/",
        "/findings/icms-2013/VR13/",
        "/findings/icms-2013/VR13/3.4.1/",
        "/regions/",
        "/regions/VR13/",
        "/national/",
        "/national/icms-2013/3.4.1/",
        "/national/recommendations/",
        "/rounds/",
        "/rounds/icms-2013/",
        "/frameworks/",
    ],
    "ovr.vr13": ["/assessments/icms-2013/VR13/history/", "/findings/icms-2013/VR13/", "/regions/", "/regions/VR13/"],
    "contact.vr13": ["/findings/icms-2013/VR13/", "/regions/VR13/"],
    "rmc.11": ["/assessments/icms-2013/B11/history/", "/regions/", "/regions/B11/"],
    "ministerie": ["/national/", "/national/icms-2013/3.4.1/", "/national/recommendations/"],
    "admin": ["/assessments/icms-2013/VR13/", "/findings/icms-2013/VR13/", "/regions/VR13/", "/national/"],
    "": ["/login/"],
}
ERROR_PAGES = {
    "inspecteur": [("/regions/VR99/", 404)],
    "ovr.vr13": [("/national/icms-2013/3.4.1/", 403), ("/findings/icms-2013/VR14/", 404)],
    "contact.vr13": [("/bestaat-niet/", 404)],
    "rmc.11": [("/national/icms-2013/3.4.1/", 403)],
    "ministerie": [("/regions/VR13/", 404)],
    "admin": [("/bestaat-niet/", 404)],
    "": [("/bestaat-niet/", 404)],
}


@pytest.fixture(autouse=True)
def reference_data():
    """This module's tests share one server with the demo (`demo_server`); they do not touch the database
    themselves, so the per-test restore of the browser package does not apply."""


@pytest.fixture(scope="module")
def demo_server(django_db_setup, django_db_blocker, reference_snapshot, demo_snapshot):
    from django.core.management import call_command
    from django.db import connection, transaction
    from pytest_django.live_server_helper import LiveServer

    from regions.models import Region

    def reference_restore():
        # Sequences keep counting, so that rows made later never take the number of a restored row.
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
        connection.creation.deserialize_db_from_string(reference_snapshot)

    with django_db_blocker.unblock():
        # This fixture flushes: never a database other than the test database.
        assert connection.settings_dict["NAME"].startswith("test_"), connection.settings_dict["NAME"]
        if not Region.objects.exists():
            reference_restore()  # an earlier browser test left the database empty
        with transaction.atomic():
            demo_snapshot.restore(connection)
        server = LiveServer("localhost:0")
        server._live_server_modified_settings.enable()
        try:
            yield server.url
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            reference_restore()
            # Under Playwright's greenlet this fixture has a connection of its own (see reference_data in
            # conftest.py); left open, it would keep the test database from being dropped at the end of the run.
            connection.close()


def report(results: dict, where: str) -> list[str]:
    """axe-core's violations, one readable line per rule."""
    found = []
    for violation in results["violations"]:
        nodes = violation["nodes"]
        targets = ", ".join(" ".join(node["target"]) for node in nodes[:4]) + (" …" if len(nodes) > 4 else "")
        first = nodes[0]
        detail = (first.get("any") or first.get("all") or first.get("none") or [{"message": ""}])[0]["message"]
        found.append(f"{where}: {violation['id']} ({violation['impact']}, {len(nodes)}×) {violation['help']} — {targets} — {detail}")
    return found


def violations(page: Page, where: str) -> list[str]:
    """axe-core's violations on the page as it stands."""
    return report(AXE.run(page).response, where)


def axe_start(page: Page) -> None:
    """Starts axe-core on the page without waiting for it (`axe_results` collects): the browser checks one page
    while the server renders the next."""
    page.evaluate(AXE.axe_script)
    page.evaluate("() => { window.cmsauditAxe = axe.run(document, {resultTypes: ['violations']}); }")


def axe_results(page: Page) -> dict:
    return page.evaluate("() => window.cmsauditAxe")


def log_in(page: Page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def pages_of(page: Page, username: str) -> list[str]:
    """The role's menu entries (the admin site aside), its questionnaires' theme pages and its other pages."""
    paths = ["/"]
    if username:
        paths += page.locator("#mainnav .navbar-nav a.nav-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for questionnaire in QUESTIONNAIRES.get(username, []):
        page.goto(questionnaire)
        tabs = page.locator("#progress .nav-tabs a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert len(tabs) > 1, f"{username}: {questionnaire} shows no theme tabs"
        paths += tabs
    paths += PAGES[username]
    return [path for path in dict.fromkeys(paths) if not path.startswith("/admin/")]


@pytest.mark.parametrize("username", [*QUESTIONNAIRES, ""], ids=[*QUESTIONNAIRES, "anoniem"])
def test_every_page_of_the_role_has_no_accessibility_violation(browser: Browser, demo_server: str, username: str):
    context = browser.new_context(base_url=demo_server, locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1366, "height": 768})
    context.set_default_timeout(10_000)
    console: list[str] = []
    context.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    context.on("weberror", lambda error: console.append(str(error.error)))
    # Two tabs take turns: while axe checks the page in one, the other loads the next page.
    tabs = [context.new_page(), context.new_page()]
    checking: dict[int, str] = {}
    problems: list[str] = []
    try:
        if username:
            log_in(tabs[0], username)
        visits = [(path, 200) for path in pages_of(tabs[0], username)] + ERROR_PAGES[username]
        for number, (path, status) in enumerate(visits):
            tab = number % 2
            if tab in checking:
                problems += report(axe_results(tabs[tab]), checking.pop(tab))
            response = tabs[tab].goto(path)
            if response.status != status:
                problems.append(f"{path}: answered {response.status}, expected {status}")
                continue
            axe_start(tabs[tab])
            checking[tab] = path
        for tab, path in checking.items():
            problems += report(axe_results(tabs[tab]), path)
    finally:
        context.close()
    who = username or "anoniem"
    assert not problems, f"{who}: {len(problems)} problems on {len(visits)} pages:\n" + "\n".join(problems)
    unexpected = [p for p in console if not _expected_console_error(p)]
    assert not unexpected, f"{who}: errors in the browser console: {unexpected}"


# Focused checks on the pages where the issue found the problems; they share the module's demo server.

READ_ERROR = """(input) => {
  const ids = (input.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
  return {invalid: input.getAttribute("aria-invalid"), described: ids.map((id) => (document.getElementById(id) || {}).textContent || "")};
}"""


@pytest.fixture
def respondent_page(browser: Browser, demo_server: str):
    """VR14's OVR (`ovr.vr14`) on the first theme page of VR14's 2013 questionnaire, a draft."""
    context = browser.new_context(base_url=demo_server, locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1366, "height": 768})
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, "ovr.vr14")
    page.goto("/assessments/icms-2013/VR14/?theme=1")
    yield page
    context.close()


def test_a_refused_number_is_tied_to_its_field_and_the_page_stays_without_violations(respondent_page: Page):
    from playwright.sync_api import expect

    page = respondent_page
    field = page.locator("#id-reservists_count-value")
    assert field.evaluate(READ_ERROR)["invalid"] is None
    field.fill("3x")
    field.dispatch_event("change")
    expect(page.locator("#q-reservists_count .save-state")).to_have_text("Niet opgeslagen")
    expect(field).to_have_attribute("aria-invalid", "true")
    described = field.evaluate(READ_ERROR)["described"]
    assert any("geen getal" in text for text in described), f"the field is described by {described}, not by its error"
    assert violations(page, "na een geweigerd antwoord") == []
    # Corrected, the field is no longer marked invalid and no longer points to an error.
    field.fill("3")
    field.dispatch_event("change")
    expect(page.locator("#q-reservists_count .save-state")).to_contain_text("Opgeslagen")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    assert not any("geen getal" in text for text in field.evaluate(READ_ERROR)["described"])


def test_without_javascript_a_refused_number_is_tied_to_its_field(browser: Browser, demo_server: str):
    context = browser.new_context(base_url=demo_server, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, "ovr.vr14")
        page.goto("/assessments/icms-2013/VR14/?theme=1")
        page.locator("#id-reservists_count-value").fill("3x")
        page.get_by_role("button", name="Opslaan", exact=True).click()
        field = page.locator("#id-reservists_count-value")
        assert field.get_attribute("aria-invalid") == "true"
        assert any("geen getal" in text for text in field.evaluate(READ_ERROR)["described"])
    finally:
        context.close()


def test_required_questions_are_marked_required_not_only_by_an_asterisk(respondent_page: Page):
    cards = respondent_page.locator(".question-card[data-required]")
    assert cards.count() > 0
    unmarked = respondent_page.evaluate("""() => [...document.querySelectorAll(".question-card[data-required]")].filter((card) => {
        const fields = [...card.querySelectorAll("input[name$='-value']:not([type=checkbox]), textarea[name$='-value'], select[name$='-value']")];
        const groups = [...card.querySelectorAll("[role=radiogroup]")];
        const marked = fields.every((f) => f.required) && fields.filter((f) => f.type !== "radio").every((f) => f.getAttribute("aria-required") === "true")
          && groups.every((g) => g.getAttribute("aria-required") === "true");
        return !marked || !card.querySelector("legend + div").textContent.includes("verplicht");
      }).map((card) => card.id)""")
    assert unmarked == [], f"required questions not marked as such: {unmarked}"


def test_each_save_is_announced_by_one_live_region_that_stays_in_place(respondent_page: Page):
    from playwright.sync_api import expect

    page = respondent_page
    announcer = page.locator("#save-announcer")
    assert announcer.get_attribute("aria-live") == "polite"
    # The answers' own state areas are replaced on each save: they are no live regions of their own.
    assert page.locator("#answers-form [aria-live]").count() == 0
    announcer.evaluate("(el) => { el.cmsauditMarker = 'same node'; }")
    field = page.locator("#id-reservists_count-value")
    field.fill("5")
    field.dispatch_event("change")
    expect(announcer).to_contain_text("Opgeslagen")
    assert announcer.evaluate("(el) => el.cmsauditMarker") == "same node", "the save replaced the live region"
    field.fill("5 personen")
    field.dispatch_event("change")
    expect(announcer).to_contain_text("Niet opgeslagen")
    assert announcer.evaluate("(el) => el.cmsauditMarker") == "same node"


def test_the_theme_tabs_and_the_page_title_say_which_theme(respondent_page: Page):
    page = respondent_page
    tab = page.locator("#progress .nav-tabs a.active")
    name = page.evaluate("(el) => el.textContent.replace(/\\s+/g, ' ').trim()", tab.element_handle())
    assert name.startswith("Thema 1. ") and " van " in name and name.endswith("beantwoord"), name
    theme_name = page.locator("#progress .nav-tabs a.active").evaluate("(a) => a.childNodes[2].textContent.replace(/^[\\s\\d.]+/, '').trim()")
    assert page.title().startswith(f"Thema 1: {theme_name} — Vragenlijst VR14 2013"), page.title()


def test_no_focused_field_is_hidden_behind_the_sticky_save_bar(respondent_page: Page):
    page = respondent_page
    page.locator("#answers-form").evaluate("(form) => form.querySelector('input, textarea').focus()")
    covered = []
    for _ in range(80):
        page.keyboard.press("Tab")
        seen = page.evaluate("""() => {
          const el = document.activeElement, bar = document.getElementById("save-bar");
          if (!el || !bar || !el.closest("#answers-form") || bar.contains(el)) return null;
          const box = el.getBoundingClientRect(), top = bar.getBoundingClientRect().top;
          return {id: el.id || el.name || el.tagName, bottom: box.bottom, top: box.top, barTop: top, height: innerHeight};
        }""")
        if seen and (seen["bottom"] > seen["barTop"] or seen["top"] < 0):
            covered.append(seen)
    assert covered == [], f"focused fields behind the save bar: {covered[:5]}"


def test_the_region_map_links_are_not_inside_an_image(browser: Browser, demo_server: str):
    context = browser.new_context(base_url=demo_server, locale="nl-NL")
    page = context.new_page()
    try:
        log_in(page, "inspecteur")
        for path in ("/regions/", "/regions/VR13/", "/national/icms-2013/"):
            page.goto(path)
            assert page.locator("[role=img] a, [role=img] [tabindex]").count() == 0, f"{path}: links inside role=img"
        page.goto("/regions/")
        links = page.locator("svg.region-map a")
        assert links.count() == 25
        assert page.get_by_role("group", name="Kaart van de veiligheidsregio's die u mag inzien").get_by_role("link", name="VR13 Amsterdam-Amstelland").count() == 1
    finally:
        context.close()


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_focus_rings_and_menu_text_have_enough_contrast(respondent_page: Page):
    page = respondent_page
    navbar = page.locator(".app-navbar").evaluate("(el) => getComputedStyle(el).backgroundColor")
    for selector in ("#mainnav a.nav-link", "#mainnav .navbar-text"):
        color = page.locator(selector).first.evaluate("(el) => getComputedStyle(el).color")
        # rgba text over the bar: blend it as the browser does
        if color.startswith("rgba"):
            r, g, b, a = (float(x) for x in color[5:-1].split(","))
            br, bg, bb = (float(x) for x in navbar[navbar.index("(") + 1 : -1].split(",")[:3])
            color = f"rgb({round(r * a + br * (1 - a))}, {round(g * a + bg * (1 - a))}, {round(b * a + bb * (1 - a))})"
        assert contrast(color, navbar) >= 4.5, f"{selector}: {color} on {navbar}"
    ring = """(el) => { const s = getComputedStyle(el); return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor}; }"""
    page.keyboard.press("Tab")  # the skip link, then the menu
    for _ in range(3):
        page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    assert focused.evaluate("(el) => !!el.closest('.app-navbar')")
    outline = focused.evaluate(ring)
    assert outline["style"] != "none" and outline["width"] >= 2 and contrast(outline["color"], navbar) >= 3, outline
    field = page.locator("#id-reservists_count-value")
    field.focus()
    outline = field.evaluate(ring)
    assert outline["style"] != "none" and outline["width"] >= 2 and contrast(outline["color"], "rgb(255, 255, 255)") >= 3, outline
