"""The login page, logging out and a forgotten password (accounts/views.py)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def without_csrf(response) -> str:
    return re.sub(r'"X-CSRFToken": "[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def reset_link(message) -> str:
    return re.search(r"(https?://\S+/password/reset/\S+/)", message.body).group(1)


def test_the_login_page_links_a_forgotten_password_and_shows_the_configured_help_line(client, settings):
    settings.LOGIN_HELP = "Bel de servicedesk: 070 123 45 67."
    page = client.get(reverse("login")).content.decode()
    assert reverse("password_reset") in page
    assert "Wachtwoord vergeten?" in page
    assert "Bel de servicedesk: 070 123 45 67." in page


def test_without_a_configured_help_line_the_login_page_says_whom_to_ask(client, settings):
    settings.LOGIN_HELP = ""
    assert "Neem contact op met de inspecteur" in client.get(reverse("login")).content.decode()


def test_logging_out_says_so_on_the_login_page(client, ovr_vr13):
    client.force_login(ovr_vr13)
    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "U bent uitgelogd." in response.content.decode()


def test_a_reset_answers_alike_for_a_known_and_an_unknown_address(client, ovr_vr13):
    known = client.post(reverse("password_reset"), {"email": ovr_vr13.email})
    unknown = client.post(reverse("password_reset"), {"email": "niemand@example.nl"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("password_reset_done")
    assert without_csrf(client.get(known["Location"])) == without_csrf(client.get(unknown["Location"]))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ovr_vr13.email]


def test_the_mailed_link_is_absolute_on_the_site_url_and_sets_a_new_password(client, ovr_vr13, settings):
    settings.SITE_URL = "https://audit.example.nl"
    # Even where the host names are loosely configured, the link does not follow the Host header.
    settings.ALLOWED_HOSTS = ["*"]
    client.post(reverse("password_reset"), {"email": ovr_vr13.email}, HTTP_HOST="evil.example.com")
    [message] = mail.outbox
    assert "nieuw wachtwoord" in message.subject
    link = reset_link(message)
    assert link.startswith("https://audit.example.nl/password/reset/")
    path = link.removeprefix("https://audit.example.nl")
    form_page = client.get(path, follow=True)
    assert "Nieuw wachtwoord instellen" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "Kazerne-Oost-2013!", "new_password2": "Kazerne-Oost-2013!"})
    assert done["Location"] == reverse("password_reset_complete")
    assert client.login(username=ovr_vr13.username, password="Kazerne-Oost-2013!")
    # The link works once.
    assert "niet meer geldig" in client.get(path, follow=True).content.decode()


def test_the_reset_mail_is_in_english_for_an_english_reader(client, ovr_vr13):
    client.cookies["django_language"] = "en"
    client.post(reverse("password_reset"), {"email": ovr_vr13.email})
    [message] = mail.outbox
    assert "new password" in message.subject
    assert "Dear" in message.body


def test_an_inactive_account_gets_no_reset_mail_and_the_same_answer(client):
    user = UserFactory(username="oud.vr13", is_active=False)
    response = client.post(reverse("password_reset"), {"email": user.email})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
