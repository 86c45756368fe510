"""What the people page shows of each account: role, scope, state, and what an inspector may do with it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import EventLog, Role, User
from accounts.services import Event
from accounts.tokens import invitation_tokens
from people.services import INVITABLE_ROLES
from regions.models import Membership
from regions.policy import scope_text

INVITABLE = frozenset(role for role, _kind in INVITABLE_ROLES.values())


@dataclass(frozen=True)
class PersonRow:
    user: User
    scope: str
    state: str
    state_class: str  # a Bootstrap text-bg colour
    may_reinvite: bool
    may_deactivate: bool
    may_change_party: bool


def _state(user: User, now) -> tuple[str, str]:
    if not user.is_active:
        return _("gedeactiveerd"), "secondary"
    if user.has_usable_password():
        return _("actief"), "success"
    if user.invited_at is None:
        return _("geen wachtwoord"), "light"
    if user.invited_at + invitation_tokens.max_age < now:
        return _("uitnodiging verlopen"), "danger"
    return _("uitgenodigd"), "warning"


def people_queryset(query: str = "") -> QuerySet[User]:
    people = User.objects.prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("subject")))
    if query:
        people = people.filter(
            Q(username__icontains=query) | Q(email__icontains=query) | Q(first_name__icontains=query)
            | Q(last_name__icontains=query) | Q(memberships__subject__code__iexact=query)
        ).distinct()
    return people.order_by("role", "last_name", "first_name", "username")


def people_rows(*, query: str = "", viewer: User) -> list[PersonRow]:
    """Every account (or those matching `query`), in two queries whatever their number."""
    now = timezone.now()
    rows = []
    for user in people_queryset(query):
        state, state_class = _state(user, now)
        rows.append(PersonRow(
            user=user,
            scope=scope_text(user),
            state=state,
            state_class=state_class,
            may_reinvite=user.is_active and user.role in INVITABLE and not user.has_usable_password(),
            may_deactivate=user.is_active and user.pk != viewer.pk and not user.is_superuser and user.role != Role.ADMIN,
            may_change_party=user.is_active and user.role in INVITABLE and not user.is_superuser,
        ))
    return rows


# --- the event log -----------------------------------------------------------------------------------------

ACTION_LABELS = {
    Event.LOGIN: gettext_lazy("inloggen"),
    Event.LOGOUT: gettext_lazy("uitloggen"),
    Event.INVITATION: gettext_lazy("uitnodiging"),
    Event.INVITATION_ACCEPTED: gettext_lazy("uitnodiging aanvaard, wachtwoord gekozen"),
    Event.PASSWORD_RESET_REQUESTED: gettext_lazy("nieuw wachtwoord gevraagd"),
    Event.PASSWORD_RESET: gettext_lazy("nieuw wachtwoord ingesteld"),
    Event.DEACTIVATE: gettext_lazy("account gedeactiveerd"),
    Event.PARTY_CHANGE: gettext_lazy("partij gewijzigd"),
}
RESULT_LABELS = {
    "ok": (gettext_lazy("gelukt"), "success"),
    "failed": (gettext_lazy("mislukt"), "danger"),
    "sent": (gettext_lazy("verstuurd"), "success"),
    "mail_failed": (gettext_lazy("e-mail mislukt"), "danger"),
    "no_account": (gettext_lazy("geen account bij dit adres"), "secondary"),
}


@dataclass(frozen=True)
class LogRow:
    entry: EventLog
    action: str
    result: str
    result_class: str


def log_entries(*, person: User | None = None, date_from=None, date_to=None) -> QuerySet[EventLog]:
    """The log, newest first, of one person (their own entries and failed sign-ins under their user name) and
    between two dates (inclusive, in the local time zone)."""
    entries = EventLog.objects.order_by("-id")
    if person is not None:
        entries = entries.filter(Q(actor=person) | Q(actor__isnull=True, actor_name=person.get_username()))
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries


def log_rows(entries) -> list[LogRow]:
    rows = []
    for entry in entries:
        result, result_class = RESULT_LABELS.get(entry.result, (entry.result, "secondary"))
        rows.append(LogRow(entry=entry, action=str(ACTION_LABELS.get(entry.action, entry.action)), result=str(result), result_class=result_class))
    return rows
