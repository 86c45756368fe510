"""Small builders for findings tests: write all findings of a subject and send them."""

from __future__ import annotations

from assessments.models import Round, SuccessFactor
from findings.services import finding_save, verification_send
from regions.models import Brigade, Region


def write_all(by, *, code: str = "VR13", year: int = 2013, judgment: str = "voldoet", brigade: int | None = None):
    round = Round.objects.get(year=year)
    subject = {"brigade": Brigade.objects.get(number=brigade)} if brigade else {"region": Region.objects.get(code=code)}
    kind = "brigade" if brigade else "region"
    return [
        finding_save(round=round, success_factor=sf, text=f"Bevinding {sf.code}.", judgment=judgment, by=by, **subject)
        for sf in SuccessFactor.objects.filter(subject=kind)
    ]


def send(by, *, code: str = "VR13", year: int = 2013, brigade: int | None = None):
    write_all(by, code=code, year=year, brigade=brigade)
    subject = {"brigade": Brigade.objects.get(number=brigade)} if brigade else {"region": Region.objects.get(code=code)}
    return verification_send(round=Round.objects.get(year=year), by=by, **subject)
