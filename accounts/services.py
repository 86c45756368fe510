"""Writes on accounts: the event log, invitations and their mail, deactivation, notifications.

Who may call these is decided by the caller (the people pages ask regions.policy); these only keep the
account's own rules.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.models import EventLog, Notification, Role, User
from accounts.tokens import INVITATION_DAYS, invitation_tokens
from core.net import client_address

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

log = logging.getLogger(__name__)

# --- the event log ---------------------------------------------------------------------------------------

# The "previous hash" of the first entry.
GENESIS = "0" * 64
# Any fixed number: the PostgreSQL advisory lock that lets one writer at a time append to the log.
_LOG_LOCK = 815_0001


class Event:
    """The actions the log names (EventLog.action)."""

    LOGIN = "login"
    LOGOUT = "logout"
    INVITATION = "invitation"
    INVITATION_ACCEPTED = "invitation.accepted"
    PASSWORD_RESET_REQUESTED = "password_reset.requested"
    PASSWORD_RESET = "password_reset.done"
    DEACTIVATE = "account.deactivate"
    PARTY_CHANGE = "account.party"


def user_label(user: User | None) -> str:
    return f"user:{user.pk} {user.get_username()}" if user is not None else ""


def entry_hash(*, previous_hash: str, at: datetime.datetime, actor_id: int | None, actor_name: str, action: str,
               target: str, result: str, origin: str | None) -> str:
    """The hash of one entry: SHA-256 over its fields and the hash of the entry before it."""
    fields = [
        previous_hash, at.astimezone(datetime.UTC).isoformat(timespec="microseconds"), str(actor_id or ""),
        actor_name, action, target, result, origin or "",
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def event_record(*, action: str, result: str, actor: User | None = None, actor_name: str = "", target: str = "",
                 request: HttpRequest | None = None) -> EventLog:
    """Append one entry to the event log, chained to the one before it. `actor` None is the system (a command)
    or somebody unknown (a failed login, named by `actor_name` as typed). Never pass a secret."""
    actor_name = (actor.get_username() if actor is not None else actor_name)[:150]
    origin = client_address(request) if request is not None else None
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # One writer at a time, until its transaction ends: two entries never chain to the same one.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOG_LOCK])
        last = EventLog.objects.order_by("-id").values_list("hash", flat=True).first()
        entry = EventLog(
            at=timezone.now(), actor=actor, actor_name=actor_name, action=action, target=target[:200],
            result=result[:40], origin=origin, previous_hash=last or GENESIS,
        )
        entry.hash = entry_hash(
            previous_hash=entry.previous_hash, at=entry.at, actor_id=actor.pk if actor else None,
            actor_name=entry.actor_name, action=entry.action, target=entry.target, result=entry.result,
            origin=entry.origin,
        )
        entry.save()
    return entry


def eventlog_verify() -> EventLog | None:
    """The first entry (oldest first) whose hash does not match its fields or does not chain to the entry
    before it; None when the whole log holds."""
    previous = GENESIS
    for entry in EventLog.objects.order_by("id").iterator(chunk_size=2000):
        expected = entry_hash(
            previous_hash=entry.previous_hash, at=entry.at, actor_id=entry.actor_id, actor_name=entry.actor_name,
            action=entry.action, target=entry.target, result=entry.result, origin=entry.origin,
        )
        if entry.previous_hash != previous or entry.hash != expected:
            return entry
        previous = entry.hash
    return None


# --- invitations -----------------------------------------------------------------------------------------


def invitation_renew(*, user: User) -> None:
    """Ready `user` for a new invitation link: no usable password (which voids every earlier link, invitation or
    reset) and the time it is sent. The caller saves nothing else; this saves the two fields."""
    user.set_unusable_password()
    user.invited_at = timezone.now()
    user.save(update_fields=["password", "invited_at"])


def invitation_link(user: User) -> str:
    """The absolute set-password link of `user`'s current invitation, on SITE_URL."""
    path = reverse(
        "invitation_accept",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": invitation_tokens.make_token(user)},
    )
    return f"{settings.SITE_URL}{path}"


def invitation_mail(*, user: User, scope: str, by: User | None, request: HttpRequest | None = None) -> bool:
    """Mail `user` their invitation with its link (in Dutch, the interface's language). Returns False when the
    mail server refused it: the account stands, and inviting again sends a new link."""
    assert user.invited_at is not None, "invitation_renew stamps the invitation before it is mailed"
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "name": user.get_full_name() or user.username,
            "role": user.get_role_display(),
            "scope": scope,
            "inviter": (by.get_full_name() or by.username) if by else _("De inspectie"),
            "link": invitation_link(user),
            "days": INVITATION_DAYS,
            "valid_until": timezone.localtime(user.invited_at + invitation_tokens.max_age),
        }
        subject = _("Uitnodiging voor cmsaudit")
        body = render_to_string("registration/invitation_email.txt", context)
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
    except OSError:
        log.exception("invitation mail to user %s failed", user.pk)
        event_record(action=Event.INVITATION, result="mail_failed", actor=by, target=user_label(user), request=request)
        return False
    event_record(action=Event.INVITATION, result="sent", actor=by, target=user_label(user), request=request)
    return True


@transaction.atomic
def user_deactivate(*, user: User, by: User | None, request: HttpRequest | None = None) -> User:
    """Deactivate `user`: they can no longer log in, and their open invitation link no longer works. The account
    and everything it did stay. Refused (ValidationError) for oneself and for an administrator."""
    if by is not None and by.pk == user.pk:
        raise ValidationError(_("U kunt uw eigen account niet deactiveren."))
    if user.is_superuser or user.role == Role.ADMIN:
        raise ValidationError(_("Een beheerdersaccount wordt door een beheerder gedeactiveerd, in het beheer."))
    if not user.is_active:
        raise ValidationError(_("Dit account is al gedeactiveerd."))
    user.is_active = False
    user.save(update_fields=["is_active"])
    event_record(action=Event.DEACTIVATE, result="ok", actor=by, target=user_label(user), request=request)
    return user


# --- notifications ---------------------------------------------------------------------------------------


def notify(
    *, recipients: Iterable[User], kind: str, text: str | StrPromise, url: str, params: dict | None = None,
    by: User | None = None,
) -> list[Notification]:
    """Tell each active recipient (but `by`, who did it) that something now waits on them or concerns them: one
    notification in the list on their home page, and, for those who keep e-mail on and have an address, one mail
    with the text and the absolute link (SITE_URL + `url`). The mails go out when the caller's transaction commits,
    so a refused or rolled-back hand-over sends nothing; a mail server that fails is logged, the notification stays.

    Called by the services of the apps at each hand-over, inside their transaction. `text` (a lazy translation,
    formatted with `params`) is kept in Dutch, the interface's language, as the mails are written."""
    with translation.override(settings.LANGUAGE_CODE):
        text = str(text) % {key: str(value) for key, value in params.items()} if params else str(text)
    people = {user.pk: user for user in recipients if user.is_active and (by is None or user.pk != by.pk)}
    now = timezone.now()
    notifications = Notification.objects.bulk_create([
        Notification(recipient=user, kind=kind, text=text[:300], url=url[:300], created=now) for user in people.values()
    ])
    mailed = [user for user in people.values() if user.notify_by_email and user.email]
    if mailed:
        transaction.on_commit(lambda: _notification_mails(mailed, text=text, url=url))
    return notifications


def _notification_mails(users: list[User], *, text: str, url: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("cmsaudit: %(text)s") % {"text": text if len(text) <= 80 else text[:79] + "…"}
        for user in users:
            body = render_to_string("accounts/notification_email.txt", {
                "name": user.get_full_name() or user.username, "text": text, "link": f"{settings.SITE_URL}{url}",
                "settings_link": f"{settings.SITE_URL}{reverse('home')}#meldingen",
            })
            try:
                send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email])
            except OSError:
                log.exception("notification mail to user %s failed", user.pk)


def notifications_read(*, user: User, pk: int | None = None) -> int:
    """Mark one of `user`'s notifications (or, without `pk`, all of them) read; returns how many changed."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if pk is not None:
        unread = unread.filter(pk=pk)
    return unread.update(read_at=timezone.now())


def notify_by_email_set(*, user: User, on: bool) -> None:
    user.notify_by_email = on
    user.save(update_fields=["notify_by_email"])
