"""Demo: the 2013 interviews with the Defence directorates (findings/demo/directorates.yaml).

Each goes through the services a real round uses: the inspector writes the interview report and sends it for
verification; the directorate's contact person agrees, or comments and the inspector answers (DOPS: the report is
amended). Every step runs at its moment in spring 2013 (`assessments.demo.demo_clock`), so the dates on the pages
and in the history are the round's, not the day the demo was loaded. Idempotent: a directorate already sent is
left alone.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from assessments.definitions import read_yaml
from assessments.demo import DEMO_FRAMEWORK, demo_clock
from findings.models import Verification, VerificationItem
from findings.services import report_save, response_reply, verification_respond, verification_send
from framework.models import Round
from regions.models import Subject, SubjectKind

SPEC = Path(__file__).resolve().parent / "demo" / "directorates.yaml"


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@transaction.atomic
def directorates_demo_load(*, by: User) -> str:
    """Load the directorates' 2013 interview reports and their verification; returns a one-line summary."""
    spec = read_yaml(SPEC)
    round = Round.objects.get(framework__code=DEMO_FRAMEWORK, year=spec["round"])
    loaded = []
    for code, entry in spec["directorates"].items():
        subject = Subject.objects.get(code=code, kind=SubjectKind.DIRECTORATE)
        if Verification.objects.filter(round=round, subject=subject).exists():
            continue
        with demo_clock(_at(entry["held_on"], 16)):
            report_save(
                round=round, subject=subject, held_on=entry["held_on"], participants=entry["participants"],
                text=entry["text"], by=by,
            )
        with demo_clock(_at(entry["sent_on"], 10)):
            verification = verification_send(round=round, subject=subject, by=by)
        contact = User.objects.filter(role=Role.DIRECTORATE, memberships__subject=subject, is_active=True).order_by("pk").first()
        if contact is not None:
            _answer(verification.items.get(), entry, contact=contact, by=by)
        loaded.append(code if contact is not None else f"{code} (wacht: geen contactpersoon)")
    return f"{round.year}: gespreksverslagen " + (", ".join(loaded) if loaded else "directies al geladen")


def _answer(item: VerificationItem, entry: dict, *, contact: User, by: User) -> None:
    """The contact person agrees, or comments and the inspector answers that afternoon (amending the report when
    the spec says so)."""
    answered = _at(entry["answered_on"], 11)
    if not entry.get("comment"):
        with demo_clock(answered):
            verification_respond(item=item, by=contact, kind="agree")
        return
    with demo_clock(answered):
        response = verification_respond(item=item, by=contact, kind="comment", comment=entry["comment"])
    amended = entry.get("amended")
    text = item.report.text.replace(amended["from"], amended["to"]) if amended and item.report is not None else None
    with demo_clock(answered + datetime.timedelta(hours=4)):
        response_reply(
            response=response, by=by, reply=entry["reply"], resolution="amended" if amended else "kept", text=text
        )
