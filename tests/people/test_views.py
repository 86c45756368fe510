"""The inspectors' pages of people: the list, inviting one person or a file, inviting again, deactivating
(people/views.py, people/pages.py)."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from tests.factories import UserFactory, parties

pytestmark = pytest.mark.django_db


def upload(text: str, name: str = "mensen.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_the_people_page_lists_every_account_with_its_role_scope_and_state(client, inspector, ovr_vr13, rmc_11, contact_dops):
    client.force_login(inspector)
    page = client.get(reverse("people:list")).content.decode()
    assert "ovr.vr13" in page and "VR13" in page
    assert "B11" in page and "DOPS" in page
    assert "actief" in page


def test_the_people_page_finds_a_person_by_region(client, inspector, ovr_vr13, ovr_vr14):
    client.force_login(inspector)
    page = client.get(reverse("people:list"), {"q": "vr14"}).content.decode()
    assert "ovr.vr14" in page and "ovr.vr13" not in page


def test_the_people_page_costs_the_same_queries_for_few_and_many_accounts(client, inspector, vr13):
    client.force_login(inspector)
    UserFactory(role=Role.OVR, regions=[vr13])
    client.get(reverse("people:list"))  # warm the session and the menu
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("people:list"))
    for _ in range(10):
        UserFactory(role=Role.OVR, regions=[vr13])
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("people:list"))
    assert len(many) == len(few)


def test_an_inspector_invites_one_person_from_the_form(client, inspector):
    client.force_login(inspector)
    response = client.post(reverse("people:invite"), {
        "form": "one", "one-subject": "VR07", "one-role": "ovr", "one-name": "Petra de Wit", "one-email": "petra.dewit@example.nl",
    }, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:list")
    assert "petra.dewit@example.nl is uitgenodigd" in response.content.decode()
    petra = User.objects.get(email="petra.dewit@example.nl")
    assert parties(petra) == ["VR07"] and not petra.has_usable_password()
    [message] = mail.outbox
    assert inspector.get_full_name() in message.body


def test_the_form_refuses_a_role_that_does_not_fit_the_party_in_dutch(client, inspector):
    client.force_login(inspector)
    response = client.post(reverse("people:invite"), {
        "form": "one", "one-subject": "B11", "one-role": "contact", "one-name": "K S", "one-email": "k@example.nl",
    })
    assert "Een Contactpersoon veiligheidsregio hoort bij een veiligheidsregio; B11 is een brigade." in response.content.decode()
    assert not User.objects.filter(email="k@example.nl").exists()


def test_an_uploaded_file_is_refused_whole_with_its_lines(client, inspector):
    client.force_login(inspector)
    response = client.post(reverse("people:invite"), {
        "form": "file", "file-file": upload("subject_code,role,name,email\nVR07,ovr,Petra de Wit,petra@example.nl\nVR99,ovr,X Y,x@example.nl\n"),
    })
    page = response.content.decode()
    assert "Niets geïmporteerd" in page and "Onbekende partij ‘VR99’" in page
    assert not User.objects.filter(email="petra@example.nl").exists()


def test_an_uploaded_file_giving_an_ovr_two_regions_asks_for_confirmation(client, inspector):
    client.force_login(inspector)
    text = "subject_code,role,name,email\nVR07,ovr,Petra de Wit,petra@example.nl\nVR08,ovr,Petra de Wit,petra@example.nl\n"
    page = client.post(reverse("people:invite"), {"form": "file", "file-file": upload(text)}).content.decode()
    assert "krijgt meer dan één partij: VR07, VR08" in page
    assert not User.objects.filter(email="petra@example.nl").exists()
    client.post(reverse("people:invite"), {"form": "file", "file-file": upload(text), "file-several": "on"})
    assert parties(User.objects.get(email="petra@example.nl")) == ["VR07", "VR08"]


def test_inviting_again_from_the_list_mails_a_new_link(client, inspector):
    client.force_login(inspector)
    client.post(reverse("people:invite"), {
        "form": "one", "one-subject": "B11", "one-role": "rmc", "one-name": "Jan Jansen", "one-email": "j@example.nl",
    })
    jan = User.objects.get(email="j@example.nl")
    assert "Opnieuw uitnodigen" in client.get(reverse("people:list")).content.decode()
    response = client.post(reverse("people:reinvite", args=[jan.pk]), follow=True)
    assert "opnieuw uitgenodigd" in response.content.decode()
    assert len(mail.outbox) == 2 and mail.outbox[0].body != mail.outbox[1].body
    jan.refresh_from_db()
    assert parties(jan) == ["B11"]


def test_a_deactivated_account_can_no_longer_log_in(client, inspector, ovr_vr13):
    client.force_login(inspector)
    response = client.post(reverse("people:deactivate", args=[ovr_vr13.pk]), follow=True)
    assert "is gedeactiveerd" in response.content.decode()
    client.logout()
    assert not client.login(username="ovr.vr13", password="demo")


def test_an_inspector_cannot_deactivate_themselves(client, inspector):
    client.force_login(inspector)
    response = client.post(reverse("people:deactivate", args=[inspector.pk]), follow=True)
    assert "U kunt uw eigen account niet deactiveren." in response.content.decode()
    inspector.refresh_from_db()
    assert inspector.is_active


def test_the_home_page_links_people_and_the_log_to_inspectors_only(client, inspector, ovr_vr13):
    client.force_login(inspector)
    home = client.get(reverse("home")).content.decode()
    assert reverse("people:list") in home and reverse("people:invite") in home and reverse("people:log") in home
    client.force_login(ovr_vr13)
    assert reverse("people:list") not in client.get(reverse("home")).content.decode()


def test_the_log_page_shows_who_did_what_filtered_by_person_and_date(client, inspector, ovr_vr13, ovr_vr14):
    from accounts.services import event_record

    event_record(action="login", result="ok", actor=ovr_vr13)
    event_record(action="login", result="failed", actor_name="ovr.vr14")
    client.force_login(inspector)
    page = client.get(reverse("people:log")).content.decode()
    assert "ovr.vr13" in page and "ovr.vr14" in page and "mislukt" in page and "inloggen" in page
    only_vr14 = client.get(reverse("people:log"), {"person": ovr_vr14.pk}).content.decode()
    assert "ovr.vr14" in only_vr14 and "ovr.vr13</td>" not in only_vr14
    today = timezone.localdate()
    assert "ovr.vr13" in client.get(reverse("people:log"), {"date_from": today, "date_to": today}).content.decode()
    yesterday = today - datetime.timedelta(days=1)
    assert "Geen logboekregels" in client.get(reverse("people:log"), {"date_to": yesterday}).content.decode()


def test_the_log_page_refuses_a_start_after_its_end_in_dutch(client, inspector):
    client.force_login(inspector)
    response = client.get(reverse("people:log"), {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert response.status_code == 400 and "De begindatum ligt na de einddatum." in response.content.decode()


def test_the_log_page_costs_the_same_queries_for_few_and_many_entries(client, inspector, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.services import event_record

    client.force_login(inspector)
    client.get(reverse("people:log"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("people:log"))
    for _ in range(30):
        event_record(action="login", result="ok", actor=inspector)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("people:log"))
    assert len(many) == len(few)
