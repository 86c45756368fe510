"""The layout at common laptop widths: at 1366 and 1280 px, in Dutch and English, no page of any role scrolls
sideways, and the menu's language switch and logout button are whole and on one line; below that the menu
collapses behind a toggler that works."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import _expected_console_error

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (1366, 1280)
LANGUAGES = ("nl", "en")
LOGOUT = {"nl": "Uitloggen", "en": "Log out"}

# Pages beyond the menu's own entries, per demo user: a questionnaire, a region's findings and the national
# dashboard of 2013, where the role may see them; for the inspector also the longest pages (history, a finding,
# a national factor).
EXTRA_PAGES = {
    "inspecteur": [
        "/assessments/icms-2013/VR13/",
        "/assessments/icms-2013/VR13/history/",
        "/regions/VR13/",
        "/findings/icms-2013/VR13/",
        "/findings/icms-2013/VR13/3.2.1/",
        "/national/icms-2013/",
        "/national/icms-2013/3.4.1/",
    ],
    "admin": ["/assessments/icms-2013/VR13/", "/findings/icms-2013/VR13/", "/national/icms-2013/"],
    "ovr.vr13": ["/assessments/icms-2013/VR13/"],
    "rmc.11": ["/assessments/icms-2013/B11/"],
    "ministerie": ["/national/icms-2013/"],
}

# Where the page overflows, which elements stick out (for the failure message).
MEASURE = """() => {
  const width = window.innerWidth;
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5)
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && el.className.baseVal === undefined ? "." + el.className.trim().replace(/\\s+/g, ".") : ""));
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide};
}"""

# The distinct line positions of an element's text: one when it does not wrap.
LINES = """(el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}"""


def inside_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    width = page.evaluate("window.innerWidth")
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width and box["width"] > 0


def layout_problems(page: Page, path: str, language: str, width: int) -> list[str]:
    where = f"{path} ({language}, {width} px)"
    problems = []
    measured = page.evaluate(MEASURE)
    if measured["scrollWidth"] > measured["innerWidth"]:
        problems.append(
            f"{where} scrolls sideways: {measured['scrollWidth']} > {measured['innerWidth']}, wide: {measured['wide']}"
        )
    if not inside_viewport(page, "#language"):
        problems.append(f"{where}: the language switch is not fully inside the window")
    logout = page.get_by_role("button", name=LOGOUT[language])
    if not logout.is_visible() or not inside_viewport(page, "form[action='/logout/'] button"):
        problems.append(f"{where}: '{LOGOUT[language]}' is not fully inside the window")
    elif logout.evaluate(LINES) != 1:
        problems.append(f"{where}: '{LOGOUT[language]}' wraps")
    return problems


def test_no_page_of_any_role_scrolls_sideways_at_1366_and_1280_px_in_dutch_and_english(
    browser, live_server, demo_committed
):
    problems: list[str] = []
    console: list[str] = []
    for username, extra in EXTRA_PAGES.items():
        context = browser.new_context(
            base_url=live_server.url, locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1366, "height": 768}
        )
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: console.append(str(error)))
        page.goto("/login/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill("demo")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/login/" not in url)
        menu = [
            href
            for href in page.locator("#mainnav .navbar-nav a.nav-link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
            if not href.startswith("/admin/")
        ]
        paths = list(dict.fromkeys(menu + extra))
        for language in LANGUAGES:
            context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
            for path in paths:
                response = page.goto(path)
                assert response.status == 200, f"{username}: {path} answered {response.status}"
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 768})
                    problems += [f"{username}: {p}" for p in layout_problems(page, path, language, width)]
                page.set_viewport_size({"width": 1366, "height": 768})
        context.close()
    assert not problems, "\n".join(problems)
    unexpected = [p for p in console if not _expected_console_error(p)]
    assert not unexpected, f"errors in the browser console: {unexpected}"


def test_below_1280_px_the_menu_collapses_behind_a_toggler_that_opens_it(page, login, ministry):
    page.set_viewport_size({"width": 1024, "height": 768})
    login(ministry)
    logout = page.get_by_role("button", name="Uitloggen")
    expect(logout).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="Menu tonen").click()
    expect(logout).to_be_visible()
    expect(page.get_by_role("link", name="Landelijk beeld")).to_be_visible()
