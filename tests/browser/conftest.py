"""Playwright (sync API) driving Debian's Chromium against pytest-django's live server on PostgreSQL.

Never `playwright install`: the browser is /usr/bin/chromium (make test installs it when missing).
"""

import importlib
import os

import pytest
from django.apps import apps
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
def browser():
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
    yield page
    context.close()


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


REFERENCE_MIGRATIONS = [
    "regions.migrations.0002_reference_data",
    "assessments.migrations.0002_framework",
    "assessments.migrations.0003_load_questionnaires",
]


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """Browser tests run in transactional tests, which flush the database afterwards; the reference
    data from the data migrations is loaded again whenever it is missing."""
    from regions.models import Region

    if not Region.objects.exists():
        for module in REFERENCE_MIGRATIONS:
            importlib.import_module(module).load(apps, None)
