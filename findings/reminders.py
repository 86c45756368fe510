"""Who gets a reminder today: respondents with items to verify and inspectors with comments to answer,
when the round's deadline is within `days`."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, TypeGuard

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from assessments.models import Assessment, AssessmentStatus
from findings.models import Reminder
from findings.worklist import work_items
from framework.models import round_parties
from regions.policy import respondent_filter

if TYPE_CHECKING:
    from framework.models import Round


def _near(deadline: datetime.date | None, today: datetime.date, days: int) -> TypeGuard[datetime.date]:
    return deadline is not None and 0 <= (deadline - today).days <= days


def _submission_lines(user: User, round: Round, near: dict[int, datetime.date]) -> tuple[list[str], list[datetime.date]]:
    """Respondents whose questionnaire is still a draft near its party's submission deadline (`near`: subject id →
    deadline); the lines and their deadlines."""
    own = respondent_filter(user)
    if own is None or not near:
        return [], []
    pending = Assessment.objects.filter(
        round=round, subject__in=round_parties(round).filter(own).filter(pk__in=list(near)),
        status=AssessmentStatus.DRAFT,
    ).select_related("subject").order_by("subject__order", "subject__code")
    return (
        [_("Vragenlijst %(subject)s is nog niet ingediend (deadline %(date)s).")
         % {"subject": a.subject.code, "date": near[a.subject_id].isoformat()} for a in pending],
        [near[a.subject_id] for a in pending],
    )


def reminders_send(*, round: Round, days: int = 7, today: datetime.date | None = None) -> list[User]:
    """E-mail every user with open work whose deadline is within `days`; at most once per user per day. The
    submission deadline is each party's own (the setup page), else the round's."""
    today = today or timezone.localdate()
    verification_near = _near(round.verification_deadline, today, days)
    near = {subject.pk: subject.deadline for subject in round_parties(round) if _near(subject.deadline, today, days)}
    submission_near = bool(near)
    if not (verification_near or submission_near):
        return []
    users = User.objects.filter(is_active=True).exclude(email="").filter(
        Q(role__in=[Role.OVR, Role.CONTACT, Role.RMC, Role.DIRECTORATE, Role.INSPECTOR, Role.ADMIN])
    )
    sent = []
    for user in users.order_by("pk"):
        lines: list[str] = []
        dates: list[datetime.date] = []
        if verification_near:
            # An e-mail is read outside the application: its links are absolute, on the configured SITE_URL.
            lines += [f"- {item['label']} ({settings.SITE_URL}{item['url']})" for item in work_items(user, round)
                      if "#verificatie" in item["url"] and not item.get("waiting")]
        if submission_near:
            pending, dates = _submission_lines(user, round, near)
            lines += [f"- {line}" for line in pending]
        if not lines:
            continue
        deadlines = []
        if verification_near and round.verification_deadline is not None:
            deadlines.append(_("deadline verificatie %(date)s") % {"date": round.verification_deadline.isoformat()})
        if dates:
            deadlines.append(_("deadline indienen %(date)s") % {"date": min(dates).isoformat()})
        summary = "\n".join(lines)
        try:
            with transaction.atomic():
                Reminder.objects.create(user=user, round=round, sent_on=today, summary=summary)
        except IntegrityError:
            continue  # already reminded today
        send_mail(
            subject=_("cmsaudit: er wacht werk op u (%(deadlines)s)") % {"deadlines": ", ".join(deadlines)},
            message=_("Beste %(name)s,\n\nIn %(round)s wacht het volgende op u:\n\n%(lines)s\n\nMet vriendelijke groet,\ncmsaudit")
            % {"name": user.get_full_name() or user.username, "round": round, "lines": summary},
            from_email=None,
            recipient_list=[user.email],
        )
        sent.append(user)
    return sent
