"""`manage.py invite_users FILE` and the invitation it mails: the account, its scope, the link (people/services.py,
accounts/services.py, accounts/tokens.py)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from tests.factories import UserFactory, parties

pytestmark = pytest.mark.django_db

HEADER = "subject_code,role,name,email\n"
PETRA = "VR07,ovr,Petra de Wit,petra.dewit@example.nl\n"
PASSWORD = "Hollands-Midden-2013!"


def invite_file(tmp_path, text: str, name: str = "uitnodigingen.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def link_in(message) -> str:
    return re.search(r"(https?://\S+/invitation/\S+/)", message.body).group(1)


def accept(client, link: str, password: str = PASSWORD, site_url: str = "http://localhost:8000"):
    page = client.get(link.removeprefix(site_url), follow=True)
    if not page.redirect_chain:  # the link is not valid: no form to post to
        return page, None
    return page, client.post(page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}, follow=True)


def test_petra_is_invited_as_ovr_of_vr07_without_a_password_and_sets_one_through_the_mailed_link(client, tmp_path, settings):
    settings.SITE_URL = "https://audit.example.nl"
    call_command("invite_users", invite_file(tmp_path, HEADER + PETRA))
    petra = User.objects.get(email="petra.dewit@example.nl")
    assert petra.username == "petra.dewit@example.nl"
    assert (petra.first_name, petra.last_name, petra.role) == ("Petra", "de Wit", Role.OVR)
    assert parties(petra) == ["VR07"]
    assert not petra.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["petra.dewit@example.nl"] and "Uitnodiging" in message.subject
    assert "OVR van VR07 Gelderland-Midden" in message.body
    link = link_in(message)
    assert link.startswith("https://audit.example.nl/invitation/")

    page, done = accept(client, link, site_url="https://audit.example.nl")
    assert "kies uw wachtwoord" in page.content.decode()
    assert done.redirect_chain[-1][0] == reverse("home")
    assert "Uw wachtwoord is ingesteld" in done.content.decode()
    # She is logged in, and sees VR07 and nothing else.
    regions = client.get(reverse("regions:list")).context["regions"]
    assert [r.code for r in regions] == ["VR07"]
    assert client.get(reverse("regions:detail", args=["VR07"])).status_code == 200
    assert client.get(reverse("regions:detail", args=["VR13"])).status_code == 404
    client.logout()
    assert client.login(username="petra.dewit@example.nl", password=PASSWORD)


def test_each_role_gets_exactly_its_party(tmp_path):
    call_command("invite_users", invite_file(tmp_path, HEADER + (
        "VR13,contact,Karin Smit,k.smit@example.nl\n"
        "B11,rmc,Jan Jansen,j.jansen@example.nl\n"
        "DOPS,directorate,Els Bakker,e.bakker@example.nl\n"
    )))
    contact, rmc, directorate = (User.objects.get(email=e) for e in ("k.smit@example.nl", "j.jansen@example.nl", "e.bakker@example.nl"))
    assert contact.role == Role.CONTACT and parties(contact) == ["VR13"]
    assert rmc.role == Role.RMC and parties(rmc) == ["B11"]
    assert directorate.role == Role.DIRECTORATE and parties(directorate) == ["DOPS"]
    assert len(mail.outbox) == 3


def test_a_bad_row_refuses_the_whole_file_naming_its_line(tmp_path):
    text = HEADER + PETRA + "VR99,ovr,Piet Puk,piet@example.nl\nB11,ovr,Jan Jansen,j.jansen@example.nl\nVR01,chef,A B,a@example.nl\nVR02,contact,,c@example.nl\nVR03,contact,C D,geen-adres\n"
    with pytest.raises(CommandError) as refused:
        call_command("invite_users", invite_file(tmp_path, text))
    message = str(refused.value)
    assert "Regel 3: Onbekende partij ‘VR99’" in message
    assert "Regel 4: Een OVR hoort bij een veiligheidsregio; B11 is een brigade." in message
    assert "Regel 5: Onbekende rol ‘chef’" in message
    assert "Regel 6: De naam ontbreekt." in message
    assert "Regel 7: ‘geen-adres’ is geen geldig e-mailadres." in message
    assert not User.objects.filter(email="petra.dewit@example.nl").exists()
    assert mail.outbox == []


def test_a_file_with_a_wrong_header_is_refused_on_line_1(tmp_path):
    with pytest.raises(CommandError, match="Regel 1: De kopregel moet precies"):
        call_command("invite_users", invite_file(tmp_path, "code,rol,naam,email\n" + PETRA))


def test_a_contact_person_with_two_regions_is_refused_and_an_ovr_with_two_needs_confirmation(tmp_path):
    with pytest.raises(CommandError, match="Regel 3: Alleen een OVR kan bij meer dan één partij horen"):
        call_command("invite_users", invite_file(tmp_path, HEADER + "VR07,contact,K S,k@example.nl\nVR08,contact,K S,k@example.nl\n"))
    two = invite_file(tmp_path, HEADER + PETRA + "VR08,ovr,Petra de Wit,petra.dewit@example.nl\n")
    with pytest.raises(CommandError, match="krijgt meer dan één partij: VR07, VR08"):
        call_command("invite_users", two)
    assert not User.objects.filter(email="petra.dewit@example.nl").exists()
    call_command("invite_users", two, "--several")
    petra = User.objects.get(email="petra.dewit@example.nl")
    assert parties(petra) == ["VR07", "VR08"]


def test_inviting_again_sends_a_new_link_and_voids_the_old_one(client, tmp_path):
    path = invite_file(tmp_path, HEADER + PETRA)
    call_command("invite_users", path)
    call_command("invite_users", path)
    assert User.objects.filter(email="petra.dewit@example.nl").count() == 1
    old, new = (link_in(m) for m in mail.outbox)
    assert old != new
    page, _done = accept(client, old)
    assert "niet meer geldig" in page.content.decode()
    _page, done = accept(client, new)
    assert done.redirect_chain[-1][0] == reverse("home")


def test_the_link_is_valid_for_seven_days(client, tmp_path, monkeypatch):
    call_command("invite_users", invite_file(tmp_path, HEADER + PETRA))
    link = link_in(mail.outbox[0])
    from accounts.tokens import invitation_tokens

    later = datetime.datetime.now() + datetime.timedelta(days=6, hours=23)  # noqa: DTZ005 (Django's tokens count naive)
    monkeypatch.setattr(invitation_tokens, "_now", lambda: later)
    assert "kies uw wachtwoord" in client.get(link.removeprefix("http://localhost:8000"), follow=True).content.decode()
    monkeypatch.setattr(invitation_tokens, "_now", lambda: later + datetime.timedelta(days=1, hours=2))
    assert "niet meer geldig" in client.get(link.removeprefix("http://localhost:8000"), follow=True).content.decode()


def test_an_account_in_use_or_of_another_role_is_not_invited(tmp_path):
    UserFactory(username="petra", email="petra.dewit@example.nl", role=Role.OVR)
    UserFactory(username="insp", email="insp@example.nl", role=Role.INSPECTOR)
    with pytest.raises(CommandError) as refused:
        call_command("invite_users", invite_file(tmp_path, HEADER + PETRA + "VR01,ovr,I N,insp@example.nl\n"))
    assert "Regel 2: petra.dewit@example.nl heeft al een account met een wachtwoord" in str(refused.value)
    assert "Regel 3: insp@example.nl heeft al een account als Inspecteur" in str(refused.value)


def test_a_deactivated_account_cannot_use_its_invitation(client, tmp_path):
    call_command("invite_users", invite_file(tmp_path, HEADER + PETRA))
    User.objects.filter(email="petra.dewit@example.nl").update(is_active=False)
    page, _done = accept(client, link_in(mail.outbox[0]))
    assert "niet meer geldig" in page.content.decode()


def test_an_invitation_link_is_no_password_reset_link(client, tmp_path):
    call_command("invite_users", invite_file(tmp_path, HEADER + PETRA))
    path = link_in(mail.outbox[0]).removeprefix("http://localhost:8000").replace("/invitation/", "/password/reset/")
    assert "niet meer geldig" in client.get(path, follow=True).content.decode()


def test_the_invited_at_time_is_recorded(tmp_path):
    before = timezone.now()
    call_command("invite_users", invite_file(tmp_path, HEADER + PETRA))
    assert User.objects.get(email="petra.dewit@example.nl").invited_at >= before
