"""Sign-ins, failed sign-ins and sign-outs into the event log. Django announces them only by its auth signals;
each receiver records one entry and nothing else."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from accounts.services import Event, event_record


@receiver(user_logged_in, dispatch_uid="eventlog_login")
def _logged_in(sender, request, user, **kwargs):
    event_record(action=Event.LOGIN, result="ok", actor=user, request=request)


@receiver(user_login_failed, dispatch_uid="eventlog_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    # Only the user name as typed: Django has already masked the password, and it is not kept anyway.
    event_record(action=Event.LOGIN, result="failed", actor_name=str(credentials.get("username") or ""), request=request)


@receiver(user_logged_out, dispatch_uid="eventlog_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        event_record(action=Event.LOGOUT, result="ok", actor=user, request=request)
