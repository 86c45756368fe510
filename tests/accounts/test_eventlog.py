"""The event log (BIO 8.15): sign-ins, sign-outs, invitations and resets recorded with actor, action, result and
address; append-only; chained by hashes that `verify_log` checks (accounts/models.py, accounts/services.py,
accounts/signals.py)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from accounts.models import EventLog, EventLogImmutable
from accounts.services import Event, event_record, eventlog_verify

pytestmark = pytest.mark.django_db


def test_a_sign_in_is_logged_with_who_and_from_where(client, ovr_vr13):
    assert client.post(reverse("login"), {"username": "ovr.vr13", "password": "demo"}, REMOTE_ADDR="192.0.2.7").status_code == 302
    entry = EventLog.objects.get(action=Event.LOGIN)
    assert (entry.actor, entry.actor_name, entry.result, entry.origin) == (ovr_vr13, "ovr.vr13", "ok", "192.0.2.7")


def test_a_failed_sign_in_is_logged_under_the_typed_name_without_the_password(client, ovr_vr13):
    client.post(reverse("login"), {"username": "ovr.vr13", "password": "Geheim-123"}, REMOTE_ADDR="192.0.2.8")
    entry = EventLog.objects.get(action=Event.LOGIN)
    assert (entry.actor, entry.actor_name, entry.result, entry.origin) == (None, "ovr.vr13", "failed", "192.0.2.8")
    assert not any("Geheim-123" in str(value) for value in EventLog.objects.values_list())


def test_a_sign_out_is_logged(client, ovr_vr13):
    client.force_login(ovr_vr13)
    client.post(reverse("logout"))
    assert EventLog.objects.filter(action=Event.LOGOUT, actor=ovr_vr13, result="ok").exists()


def test_a_reset_request_names_the_account_but_never_the_link_or_the_address(client, ovr_vr13):
    from django.core import mail

    client.post(reverse("password_reset"), {"email": ovr_vr13.email})
    client.post(reverse("password_reset"), {"email": "niemand@example.nl"})
    sent, unknown = EventLog.objects.filter(action=Event.PASSWORD_RESET_REQUESTED).order_by("id")
    assert sent.result == "sent" and f"user:{ovr_vr13.pk} ovr.vr13" == sent.target
    assert unknown.result == "no_account" and unknown.target == ""
    token = mail.outbox[0].body.split("/password/reset/")[1].split("/")[1]
    assert not any(token in str(value) or "niemand@" in str(value) for value in EventLog.objects.values_list())


def test_every_entry_carries_the_hash_of_the_one_before():
    first = event_record(action="test", result="ok", actor_name="a")
    second = event_record(action="test", result="ok", actor_name="b")
    assert second.previous_hash == first.hash and len(second.hash) == 64
    assert eventlog_verify() is None


def test_the_log_refuses_changes_and_removals(ovr_vr13):
    entry = event_record(action="test", result="ok", actor=ovr_vr13)
    entry.result = "failed"
    with pytest.raises(EventLogImmutable):
        entry.save()
    with pytest.raises(EventLogImmutable):
        entry.delete()
    with pytest.raises(EventLogImmutable):
        EventLog.objects.filter(pk=entry.pk).update(result="failed")
    with pytest.raises(EventLogImmutable):
        EventLog.objects.all().delete()


def test_verify_log_passes_on_an_intact_log_and_fails_at_the_changed_row(client, ovr_vr13, capsys):
    client.post(reverse("login"), {"username": "ovr.vr13", "password": "demo"})
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "ovr.vr13", "password": "fout"})
    call_command("verify_log")
    assert "intact: 3 regels" in capsys.readouterr().out
    changed = EventLog.objects.order_by("id")[1]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_eventlog SET actor_name = 'iemand.anders' WHERE id = %s", [changed.pk])
    with pytest.raises(CommandError, match=f"onderbroken bij regel {changed.pk} "):
        call_command("verify_log")


def test_verify_log_notices_a_removed_row(client, ovr_vr13):
    for _ in range(3):
        event_record(action="test", result="ok", actor=ovr_vr13)
    first, removed, third = EventLog.objects.order_by("id")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_eventlog WHERE id = %s", [removed.pk])
    assert eventlog_verify() == third


def test_invitations_and_deactivation_are_logged_with_the_inspector_as_actor(client, inspector, ovr_vr13):
    client.force_login(inspector)
    client.post(reverse("people:invite"), {
        "form": "one", "one-subject": "VR07", "one-role": "ovr", "one-name": "Petra de Wit", "one-email": "petra@example.nl",
    }, REMOTE_ADDR="192.0.2.9")
    client.post(reverse("people:deactivate", args=[ovr_vr13.pk]))
    invitation = EventLog.objects.get(action=Event.INVITATION)
    assert (invitation.actor, invitation.result, invitation.origin) == (inspector, "sent", "192.0.2.9")
    assert "petra@example.nl" in invitation.target
    assert EventLog.objects.get(action=Event.DEACTIVATE).target == f"user:{ovr_vr13.pk} ovr.vr13"
