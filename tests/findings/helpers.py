"""Small builders for findings tests: write all findings of a subject and send them."""

from __future__ import annotations

from findings.services import finding_save, verification_send
from framework.models import Round, SuccessFactor
from regions.models import Subject


def _subject(code: str, brigade: int | None) -> Subject:
    return Subject.objects.get(code=f"B{brigade}" if brigade else code)


def write_all(by, *, code: str = "VR13", year: int = 2013, judgment: str = "voldoet", brigade: int | None = None):
    round = Round.objects.get(year=year)
    subject = _subject(code, brigade)
    return [
        finding_save(round=round, subject=subject, success_factor=sf, text=f"Bevinding {sf.code}.", judgment=judgment, by=by)
        for sf in SuccessFactor.objects.filter(subject_kind=subject.kind)
    ]


def send(by, *, code: str = "VR13", year: int = 2013, brigade: int | None = None):
    write_all(by, code=code, year=year, brigade=brigade)
    return verification_send(round=Round.objects.get(year=year), subject=_subject(code, brigade), by=by)
