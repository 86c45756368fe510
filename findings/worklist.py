"""What findings work waits for a user on their home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role
from findings.access import OPEN_FOR_RESPONSES
from findings.models import (
    Finding,
    ResponseKind,
    Verification,
    VerificationItem,
    VerificationResponse,
    VerificationStatus,
)

if TYPE_CHECKING:
    from accounts.models import User
    from assessments.models import Round
    from cmsaudit.worklist import WorkItem


def _deadline(round: Round) -> str:
    if round.verification_deadline is None:
        return ""
    return _("Deadline verificatie: %(date)s") % {"date": date_format(round.verification_deadline, "j F Y")}


def items_to_verify(user: User, round: Round):
    """Per region (or brigade) code: the number of sent items `user` has not yet responded to."""
    items = VerificationItem.objects.filter(verification__round=round, verification__status__in=OPEN_FOR_RESPONSES)
    if user.role in (Role.OVR, Role.CONTACT):
        items = items.filter(verification__region__in=user.regions.all())
    elif user.role == Role.RMC and user.brigade_id:
        items = items.filter(verification__brigade_id=user.brigade_id)
    else:
        return items.none().values("verification__region__code", "verification__brigade__number")
    return (
        items.exclude(responses__respondent=user)
        .values("verification__region__code", "verification__brigade__number")
        .annotate(pending=Count("pk"))
        .order_by("verification__region__code", "verification__brigade__number")
    )


def open_comments(round: Round):
    """Per region (or brigade): comments of respondents the inspectors have not answered yet."""
    return (
        VerificationResponse.objects.filter(
            item__verification__round=round, kind=ResponseKind.COMMENT, replied_at__isnull=True
        )
        .values("item__verification__region__code", "item__verification__brigade__number")
        .annotate(open=Count("pk"))
        .order_by("item__verification__region__code", "item__verification__brigade__number")
    )


def _subject_url(round: Round, code: str | None, number: int | None) -> str:
    if code:
        return reverse("findings:region", args=[round.year, code])
    return reverse("findings:brigade", args=[round.year, number])


def work_items(user: User, round: Round | None) -> list[WorkItem]:
    """Findings work waiting for `user` in `round` (verification, comments to answer, findings missing)."""
    if round is None or not user.is_authenticated:
        return []
    deadline = _deadline(round)
    if user.is_respondent:
        result = []
        for row in items_to_verify(user, round):
            code, number = row["verification__region__code"], row["verification__brigade__number"]
            subject = code or _("brigade %(number)s") % {"number": number}
            label = ngettext(
                "Bevindingen %(subject)s verifiëren: %(n)s onderdeel wacht op uw reactie",
                "Bevindingen %(subject)s verifiëren: %(n)s onderdelen wachten op uw reactie",
                row["pending"],
            ) % {"subject": subject, "n": row["pending"]}
            result.append({"label": label, "url": _subject_url(round, code, number) + "#verificatie", "detail": deadline})
        return result
    if not user.is_inspector:
        return []
    result = []
    for row in open_comments(round):
        code, number = row["item__verification__region__code"], row["item__verification__brigade__number"]
        subject = code or _("brigade %(number)s") % {"number": number}
        label = ngettext(
            "%(n)s opmerking van %(subject)s beantwoorden", "%(n)s opmerkingen van %(subject)s beantwoorden", row["open"]
        ) % {"subject": subject, "n": row["open"]}
        result.append({"label": label, "url": _subject_url(round, code, number) + "#verificatie", "detail": deadline})
    counts = _inspector_counts(round)
    overview = reverse("findings:overview") + f"?round={round.year}"
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
    from assessments.models import SuccessFactor
    from regions.models import Region

    factors = SuccessFactor.objects.filter(subject="region").count()
    written = (
        Finding.objects.filter(round=round, region__isnull=False).exclude(text="").values("region").annotate(n=Count("pk"))
    )
    complete = sum(1 for row in written if row["n"] >= factors)
    regions = Region.objects.count()
    sent = Verification.objects.filter(round=round, region__isnull=False).filter(~Q(status=VerificationStatus.NOT_SENT)).count()
    return {"incomplete": regions - complete, "not_sent": regions - sent}
