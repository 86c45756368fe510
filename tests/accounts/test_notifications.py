"""Notifications at every hand-over (accounts.services.notify, called by the apps' services): a list on the home
page, unread first, and a mail with an absolute link for whoever keeps e-mail on."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from assessments.services import assessment_transition
from findings.services import response_reply, verification_respond
from framework.models import Round
from national.services import round_publish
from tests.factories import AssessmentFactory
from tests.findings.helpers import send

pytestmark = pytest.mark.django_db


def home_text(client) -> str:
    return client.get(reverse("home")).content.decode()


def test_an_inspector_sending_findings_lets_the_ovr_see_it_on_the_home_page_and_mails_them_once(
    client, inspector, ovr_vr13, ovr_vr14, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://audit.example.nl"
    with django_capture_on_commit_callbacks(execute=True):
        send(inspector)
    client.force_login(ovr_vr13)
    page = home_text(client)
    assert "De bevindingen van VR13 Amsterdam-Amstelland (" in page and "liggen ter verificatie bij u." in page
    assert "1 nieuw" in page
    to_ovr = [m for m in mail.outbox if m.to == [ovr_vr13.email]]
    assert len(to_ovr) == 1
    assert "https://audit.example.nl/findings/icms-2013/VR13/#verificatie" in to_ovr[0].body
    assert not [m for m in mail.outbox if m.to == [ovr_vr14.email]]
    client.force_login(ovr_vr14)
    assert "liggen ter verificatie bij u" not in home_text(client)


def test_opening_a_notification_marks_it_read_and_goes_where_it_points(client, inspector, ovr_vr13):
    send(inspector)
    notification = Notification.objects.get(recipient=ovr_vr13)
    client.force_login(ovr_vr13)
    response = client.post(reverse("notification_read", args=[notification.pk]), {"open": "1"})
    assert response["Location"] == "/findings/icms-2013/VR13/#verificatie"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "nieuw" not in home_text(client).split('id="meldingen"')[1].split("</h2>")[0]


def test_unread_notifications_come_first_and_all_can_be_marked_read(client, inspector, ovr_vr13):
    send(inspector)
    older = Notification.objects.get(recipient=ovr_vr13)
    client.force_login(ovr_vr13)
    client.post(reverse("notification_read", args=[older.pk]))
    Notification.objects.create(recipient=ovr_vr13, kind="comment_answered", text="Nieuwere melding.", url="/")
    Notification.objects.create(recipient=ovr_vr13, kind="comment_answered", text="Nog een nieuwe.", url="/")
    page = home_text(client)
    assert page.index("Nog een nieuwe.") < page.index("Nieuwere melding.") < page.index("liggen ter verificatie")
    client.post(reverse("notifications_read_all"))
    assert not Notification.objects.filter(recipient=ovr_vr13, read_at__isnull=True).exists()


def test_someone_with_email_off_gets_the_notification_but_no_mail(client, inspector, ovr_vr13, django_capture_on_commit_callbacks):
    client.force_login(ovr_vr13)
    client.post(reverse("notification_email"), {"email": "off"})
    assert "Meldingen komen alleen hier" in home_text(client)
    with django_capture_on_commit_callbacks(execute=True):
        send(inspector)
    assert Notification.objects.filter(recipient=ovr_vr13).count() == 1
    assert not [m for m in mail.outbox if m.to == [ovr_vr13.email]]


def test_another_persons_notification_cannot_be_opened(client, inspector, ovr_vr13, ovr_vr14):
    send(inspector)
    client.force_login(ovr_vr14)
    notification = Notification.objects.get(recipient=ovr_vr13)
    assert client.post(reverse("notification_read", args=[notification.pk])).status_code == 404


def test_a_questionnaire_sent_back_or_taken_into_review_tells_its_respondents(inspector, ovr_vr13, contact_vr13):
    assessment = AssessmentFactory(status="submitted")
    assessment_transition(assessment=assessment, to="in_review", by=inspector)
    assessment_transition(assessment=assessment, to="draft", by=inspector, reason="Thema 3 is niet ingevuld.")
    for user in (ovr_vr13, contact_vr13):
        texts = list(Notification.objects.filter(recipient=user).order_by("pk").values_list("text", flat=True))
        assert "in beoordeling genomen" in texts[0]
        assert texts[1].endswith("is teruggestuurd: Thema 3 is niet ingevuld.")
    assert not Notification.objects.filter(recipient=inspector).exists()


def test_a_comment_answered_tells_its_author_and_the_completed_verification_tells_the_sender(inspector, ovr_vr13):
    verification = send(inspector)
    first, *rest = verification.items.all()
    comment = verification_respond(item=first, by=ovr_vr13, kind="comment", comment="Wij hebben twee OVR's.")
    for item in rest:
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    response_reply(response=comment, by=inspector, reply="Klopt.", resolution="amended", text="Twee OVR's.")
    assert Notification.objects.filter(recipient=ovr_vr13, kind="comment_answered").count() == 1
    # The inspector answered the last comment himself: the completion is no news to him.
    assert not Notification.objects.filter(recipient=inspector, kind="verification_done").exists()


def test_the_last_agreement_tells_the_inspector_the_verification_is_complete(inspector, ovr_vr13):
    verification = send(inspector)
    for item in verification.items.all():
        verification_respond(item=item, by=ovr_vr13, kind="agree")
    done = Notification.objects.get(recipient=inspector, kind="verification_done")
    assert done.text.startswith("De verificatie van VR13") and done.url.endswith("#verificatie")


def test_publishing_a_round_tells_the_ministry_and_the_other_inspectors(inspector, ministry, ovr_vr13):
    from tests.factories import UserFactory

    colleague = UserFactory(username="collega", role="inspector")
    round_publish(round=Round.objects.get(year=2009), by=inspector, override_reason="Voor de toets.")
    for user in (ministry, colleague):
        assert Notification.objects.get(recipient=user, kind="round_published").url == "/national/icms-2009/"
    assert not Notification.objects.filter(recipient__in=[inspector, ovr_vr13]).exists()
