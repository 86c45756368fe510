"""What findings work waits for a user on their home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from findings.models import (
    Finding,
    ResponseKind,
    Verification,
    VerificationItem,
    VerificationResponse,
    VerificationStatus,
)
from findings.workflow import OPEN_FOR_RESPONSES
from framework.models import SuccessFactor
from regions.models import Subject, SubjectKind
from regions.policy import Action, may, respondent_filter

if TYPE_CHECKING:
    from accounts.models import User
    from core.contributions import WorkItem
    from framework.models import Round


def _deadline(round: Round) -> str:
    if round.verification_deadline is None:
        return ""
    return _("Deadline verificatie: %(date)s") % {"date": date_format(round.verification_deadline, "j F Y")}


def items_to_verify(user: User, round: Round):
    """Per subject code: the number of sent items `user` has not yet responded to."""
    own = respondent_filter(user)
    if own is None:
        return []
    items = VerificationItem.objects.filter(
        verification__round=round, verification__status__in=OPEN_FOR_RESPONSES,
        verification__subject__in=Subject.objects.filter(own),
    ).exclude(responses__respondent=user)
    return (
        items.values("verification__subject__code", "verification__subject__kind")
        .annotate(pending=Count("pk"))
        .order_by("verification__subject__order")
    )


def open_comments(round: Round):
    """Per subject: comments of respondents the inspectors have not answered yet."""
    return (
        VerificationResponse.objects.filter(
            item__verification__round=round, kind=ResponseKind.COMMENT, replied_at__isnull=True
        )
        .values("item__verification__subject__code")
        .annotate(open=Count("pk"))
        .order_by("item__verification__subject__order")
    )


def waiting_on_respondents(round: Round):
    """The verifications of a round sent and not yet answered by every respondent."""
    return (
        Verification.objects.filter(round=round, status=VerificationStatus.AWAITING)
        .select_related("subject")
        .order_by("subject__order")
    )


def _subject_url(round: Round, code: str) -> str:
    return reverse("findings:subject", args=[round.code, code])


def work_items(user: User, round: Round | None) -> list[WorkItem]:
    """Findings work waiting for `user` in `round` (verification, comments to answer, findings missing)."""
    if round is None or not user.is_authenticated or round.published_at is not None:
        return []
    deadline = _deadline(round)
    if may(user, Action.VERIFY):
        result: list[WorkItem] = []
        for row in items_to_verify(user, round):
            code = row["verification__subject__code"]
            if row["verification__subject__kind"] == SubjectKind.DIRECTORATE:
                # A directorate verifies its interview report only.
                label = _("Gespreksverslag %(subject)s verifiëren") % {"subject": code}
                result.append({"label": label, "url": _subject_url(round, code) + "#verificatie", "detail": deadline})
                continue
            label = ngettext(
                "Bevindingen %(subject)s verifiëren: %(n)s onderdeel wacht op uw reactie",
                "Bevindingen %(subject)s verifiëren: %(n)s onderdelen wachten op uw reactie",
                row["pending"],
            ) % {"subject": code, "n": row["pending"]}
            result.append({"label": label, "url": _subject_url(round, code) + "#verificatie", "detail": deadline})
        return result
    if not may(user, Action.VERIFY_REPLY):
        return []
    result = []
    for verification in waiting_on_respondents(round):
        if verification.subject.kind == SubjectKind.DIRECTORATE:
            label = _("Gespreksverslag %(subject)s wacht op de directie") % {"subject": verification.subject}
        else:
            label = _("Bevindingen %(subject)s wachten op de respondenten") % {"subject": verification.subject}
        detail = _("Ter verificatie verstuurd op %(date)s") % {"date": date_format(verification.sent_at, "j F Y")}
        if round.verification_deadline:
            detail += " · " + deadline
        result.append({"label": label, "url": _subject_url(round, verification.subject.code) + "#verificatie",
                       "detail": detail, "waiting": True})
    for row in open_comments(round):
        code = row["item__verification__subject__code"]
        label = ngettext(
            "%(n)s opmerking van %(subject)s beantwoorden", "%(n)s opmerkingen van %(subject)s beantwoorden", row["open"]
        ) % {"subject": code, "n": row["open"]}
        result.append({"label": label, "url": _subject_url(round, code) + "#verificatie", "detail": deadline})
    counts = _inspector_counts(round)
    overview = reverse("findings:overview") + f"?round={round.code}"
    if counts["incomplete"]:
        label = ngettext(
            "Bij %(n)s regio ontbreken bevindingen", "Bij %(n)s regio's ontbreken bevindingen", counts["incomplete"]
        ) % {"n": counts["incomplete"]}
        result.append({"label": label, "url": overview, "detail": deadline})
    if counts["not_sent"]:
        label = ngettext(
            "%(n)s regio nog niet ter verificatie verstuurd", "%(n)s regio's nog niet ter verificatie verstuurd", counts["not_sent"]
        ) % {"n": counts["not_sent"]}
        result.append({"label": label, "url": overview, "detail": deadline})
    return result


def _inspector_counts(round: Round) -> dict[str, int]:
    factors = SuccessFactor.objects.filter(framework_id=round.framework_id, subject_kind=SubjectKind.REGION).count()
    written = (
        Finding.objects.filter(round=round, subject__kind=SubjectKind.REGION)
        .exclude(text="").values("subject").annotate(n=Count("pk"))
    )
    complete = sum(1 for row in written if row["n"] >= factors)
    regions = Subject.objects.filter(kind=SubjectKind.REGION).count()
    sent = (
        Verification.objects.filter(round=round, subject__kind=SubjectKind.REGION)
        .filter(~Q(status=VerificationStatus.NOT_SENT)).count()
    )
    return {"incomplete": regions - complete, "not_sent": regions - sent}
