"""/.well-known/security.txt (RFC 9116): where to report a vulnerability, until when that holds, in which
languages; public, plain text, from the settings."""

import datetime

from django.urls import reverse
from django.utils import timezone

PATH = "/.well-known/security.txt"


def fields(text: str) -> dict[str, str]:
    pairs = (line.split(":", 1) for line in text.splitlines() if line and not line.startswith("#"))
    return {name.strip(): value.strip() for name, value in pairs}


def test_security_txt_is_served_as_plain_text_to_anyone(client, db):
    response = client.get(PATH)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert reverse("security_txt") == PATH


def test_it_names_the_contact_and_languages_from_the_settings(client, db, settings):
    settings.SECURITY_CONTACT = "mailto:cvd@inspectie.example.nl"
    text = client.get(PATH).content.decode()
    assert fields(text)["Contact"] == "mailto:cvd@inspectie.example.nl"
    assert fields(text)["Preferred-Languages"] == "nl, en"
    assert fields(text)["Canonical"] == f"{settings.SITE_URL}{PATH}"


def test_it_expires_on_the_configured_date_in_rfc_3339(client, db, settings):
    settings.SECURITY_TXT_EXPIRES = datetime.date(2031, 3, 1)
    assert fields(client.get(PATH).content.decode())["Expires"] == "2031-03-01T00:00:00Z"


def test_without_a_configured_date_it_expires_within_a_year(client, db, settings):
    settings.SECURITY_TXT_EXPIRES = None
    expires = datetime.datetime.fromisoformat(fields(client.get(PATH).content.decode())["Expires"])
    assert timezone.now() < expires <= timezone.now() + datetime.timedelta(days=366)
