from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    INSPECTOR = "inspector", _("Inspecteur")
    OVR = "ovr", _("OVR")
    CONTACT = "contact", _("Contactpersoon veiligheidsregio")
    RMC = "rmc", _("RMC")
    DIRECTORATE = "directorate", _("Contactpersoon directie")
    MINISTRY = "ministry", _("Ministerie")
    ADMIN = "admin", _("Beheerder")


class User(AbstractUser):
    """A person using cmsaudit; `role` and, for a respondent, their memberships decide what they see."""

    # What the account is; for a respondent the parties it responds for are its memberships (regions.Membership).
    role = models.CharField(_("rol"), max_length=16, choices=Role.choices, default=Role.MINISTRY)
    organisation = models.CharField(_("organisatie"), max_length=150, blank=True)
    # When the latest invitation was sent; its link is valid for INVITATION_DAYS from then (accounts.tokens).
    invited_at = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)
    # Each person chooses whether a notification (accounts.services.notify) also comes by e-mail.
    notify_by_email = models.BooleanField(_("meldingen ook per e-mail"), default=True)

    # The subjects the account responds for, kept here by regions.policy for the rest of the request.
    _policy_respondent_ids: frozenset[int]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        full = self.get_full_name()
        return f"{full} ({self.username})" if full else self.username


class NotificationKind(models.TextChoices):
    """The hand-overs that tell someone their turn has come."""

    FINDINGS_SENT = "findings_sent", _("bevindingen ter verificatie")
    QUESTIONNAIRE_RETURNED = "questionnaire_returned", _("vragenlijst teruggestuurd")
    QUESTIONNAIRE_IN_REVIEW = "questionnaire_in_review", _("vragenlijst in beoordeling")
    COMMENT_ANSWERED = "comment_answered", _("opmerking beantwoord")
    VERIFICATION_DONE = "verification_done", _("verificatie afgerond")
    ROUND_PUBLISHED = "round_published", _("meting gepubliceerd")


class NotificationQuerySet(models.QuerySet):
    def for_home(self, user) -> NotificationQuerySet:
        """`user`'s notifications as the home page lists them: unread first, newest first within each."""
        return self.filter(recipient=user).order_by(models.F("read_at").desc(nulls_first=True), "-created", "-pk")


class Notification(models.Model):
    """That something now waits on `recipient` (or concerns them): written only by accounts.services.notify."""

    recipient = models.ForeignKey(
        User, verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("soort"), max_length=32, choices=NotificationKind.choices)
    text = models.CharField(_("tekst"), max_length=300)
    # A path within the application; the e-mail makes it absolute on SITE_URL.
    url = models.CharField(_("link"), max_length=300)
    created = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [
            # The home page: a person's notifications, unread first, newest first.
            models.Index(fields=["recipient", "read_at", "-created"], name="notification_home"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.get_kind_display()} · {self.text}"


class EventLogQuerySet(models.QuerySet):
    # Append-only: a bulk change or removal is refused like a single one (EventLog.save / delete).
    def update(self, **kwargs):
        raise EventLogImmutable(_("Het logboek wordt alleen aangevuld; een regel wijzigen kan niet."))

    def delete(self):
        raise EventLogImmutable(_("Het logboek wordt alleen aangevuld; een regel verwijderen kan niet."))


class EventLogImmutable(Exception):
    pass


class EventLog(models.Model):
    """Who did what, when, from where, with what result (BIO 8.15): append-only, each entry carrying the hash of
    the one before, so that a changed or removed entry breaks the chain (`manage.py verify_log`).

    Written only through accounts.services.event_record. The actor is kept by id and by name as it was, so that
    the entry never changes when the account does. No secrets: never a password, token or link.
    """

    at = models.DateTimeField(_("tijd"), default=timezone.now)
    # Kept whatever happens to the account: no database constraint, never set to null.
    actor = models.ForeignKey(
        User, verbose_name=_("wie"), null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField(_("naam van wie"), max_length=150, blank=True)
    action = models.CharField(_("actie"), max_length=40)
    target = models.CharField(_("object"), max_length=200, blank=True)
    result = models.CharField(_("resultaat"), max_length=40)
    origin = models.GenericIPAddressField(_("herkomstadres"), null=True, blank=True)
    previous_hash = models.CharField(_("hash van de vorige regel"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    objects = EventLogQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        indexes = [
            # The log page filtered by person, newest first.
            models.Index(fields=["actor", "-id"], name="eventlog_actor"),
            # The log page filtered by date.
            models.Index(fields=["at"], name="eventlog_at"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.at:%Y-%m-%d %H:%M:%S} {self.actor_name or '-'} {self.action} {self.result}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise EventLogImmutable(_("Het logboek wordt alleen aangevuld; een regel wijzigen kan niet."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise EventLogImmutable(_("Het logboek wordt alleen aangevuld; een regel verwijderen kan niet."))


class ExternalIdentity(models.Model):
    """A person's identity at the organisation's identity provider (OpenID Connect): the account signs in through
    it when the ID token's issuer and subject are these. Never matched on e-mail; linked by an administrator."""

    user = models.ForeignKey(User, verbose_name=_("account"), on_delete=models.CASCADE, related_name="external_identities")
    issuer = models.URLField(_("uitgever (iss)"), max_length=300)
    subject = models.CharField(_("onderwerp (sub)"), max_length=255)
    linked_at = models.DateTimeField(_("gekoppeld op"), default=timezone.now)

    class Meta:
        verbose_name = _("externe identiteit")
        verbose_name_plural = _("externe identiteiten")
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="external_identity_unique")]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer}"
