"""Playwright (sync API) driving Debian's Chromium against pytest-django's live server on PostgreSQL.

Never `playwright install`: the browser is /usr/bin/chromium (make test installs it when missing).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(reference_snapshot):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: make test installeert het (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(10_000)
    page = context.new_page()
    # Every journey runs under the application's Content-Security-Policy; a refused script or style, or any
    # other error in the console or the page, fails the test that caused it.
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    unexpected = [p for p in problems if not _expected_console_error(p)]
    assert not unexpected, f"errors in the browser console: {unexpected}"


def _expected_console_error(text: str) -> bool:
    """What a journey provokes on purpose: a refused request (4xx) shows as a failed resource load, and htmx
    reports the status of a refused save (the session-expiry journey)."""
    codes = (400, 401, 403, 404, 409, 422, 429)
    return ("Failed to load resource" in text and any(f"status of {code}" in text for code in codes)) or any(
        text.startswith(f"Response Status Error Code {code} ") for code in codes
    )


# The README shows these; `SCREENSHOTS=1 make test` writes them anew (otherwise each test writes its own into a
# temporary directory, so the code that takes them runs, and fails, in every run).
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SCREENSHOT_SIZE = {"width": 1366, "height": 768}


@pytest.fixture
def screenshot(tmp_path):
    """`screenshot(page, "questionnaire")`: the page at 1366 × 768 as `questionnaire.png`, the whole page down to
    `max_height` pixels."""
    target = SCREENSHOT_DIR if os.environ.get("SCREENSHOTS") == "1" else tmp_path

    def take(page, name: str, *, max_height: int = 2400, element=None) -> Path:
        """The page from its top, or only `element` (a locator)."""
        if page.viewport_size != SCREENSHOT_SIZE:
            page.set_viewport_size(SCREENSHOT_SIZE)
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"{name}.png"
        if element is not None:
            element.screenshot(path=str(path), animations="disabled", caret="hide")
        else:
            height = min(page.evaluate("document.documentElement.scrollHeight"), max_height)
            page.screenshot(
                path=str(path), full_page=True, animations="disabled", caret="hide",
                clip={"x": 0, "y": 0, "width": SCREENSHOT_SIZE["width"], "height": height},
            )
        assert path.stat().st_size > 10_000, f"{name}.png is (nearly) empty"
        return path

    return take


@pytest.fixture
def login(page, live_server):
    """Log in through the login form, as a user would: `login(ovr_vr13)` (password: demo)."""

    def do_login(user, password: str = "demo"):
        page.goto("/login/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/login/" not in url)
        return page

    return do_login


@pytest.fixture(autouse=True)
def reference_data(transactional_db, reference_snapshot):
    """Browser tests run in transactional tests, which flush the database afterwards. Once Playwright runs,
    the test code sees another connection object than the one Django stored the serialized database on,
    so `serialized_rollback` does not restore it by itself: the snapshot is put back here whenever the
    reference data is missing (the migrations' loaders cannot be rerun: they speak the schema of their day)."""
    from django.core.management import call_command
    from django.db import connection

    from regions.models import Region

    if not hasattr(connection, "_test_serialized_contents"):
        # Lets the flush after this test skip post_migrate, as with serialized_rollback.
        connection._test_serialized_contents = reference_snapshot
    if not Region.objects.exists():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(reference_snapshot)


@pytest.fixture
def vr14_draft_2013(ovr_vr14):
    """VR14's questionnaire of 2013 as its OVR left it: started, a draft, one answer (2 reservists)."""
    from assessments import services
    from framework.models import Round
    from tests.factories import subject

    round = Round.objects.get(year=2013)
    assessment = services.assessment_start(round=round, subject=subject("VR14"), by=ovr_vr14)
    question = assessment.questionnaire.questions.get(code="reservists_count")
    services.answer_save(assessment=assessment, question=question, value="2", base_revision=0, by=ovr_vr14)
    return assessment


@pytest.fixture
def demo_committed(demo_snapshot, reference_data):
    """The demo in the live server's database, committed: copied in from the snapshot that the process loads once
    (tests/conftest.py `demo_snapshot`); the flush after the test removes it again."""
    from django.db import connection, transaction

    with transaction.atomic():
        demo_snapshot.restore(connection)
