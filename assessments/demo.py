"""Demo questionnaires for `manage.py load_demo`: the 2009 and 2013 answers of all 25 regions
(assessments/demo/*.csv, imported through the same path as an inspector's upload) and the
2013 brigade questionnaires. Idempotent: loading twice changes nothing.

Workflow states are set so every demo user finds work: VR14's 2013 questionnaire is a draft for
ovr.vr14 and contact.vr14, VR13's is in verification, the rest of 2013 and all of 2009 are final.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.db import transaction

from accounts.models import User
from assessments.exchange import answers_import_file
from assessments.models import Assessment, AssessmentStatus, Round, Transition
from assessments.services import answer_save, assessment_start
from regions.models import Subject, SubjectKind

DEMO = Path(__file__).resolve().parent / "demo"
REGION_FILES = [(2009, "2009-region-answers.csv"), (2013, "2013-region-answers.csv")]
# Demo states of 2013 per region; every other assessment is final.
STATES_2013 = {"VR13": AssessmentStatus.VERIFICATION, "VR14": AssessmentStatus.DRAFT}


def demo_load(*, stdout=None) -> str:
    inspector = User.objects.get(username="inspecteur")
    parts = []
    with transaction.atomic():
        for year, name in REGION_FILES:
            round = Round.objects.get(year=year)
            if round.assessments.filter(subject__kind=SubjectKind.REGION).exists():
                parts.append(f"{year}: al geladen")
                continue
            result = answers_import_file(name=name, data=(DEMO / name).read_bytes(), round=round, by=inspector)
            parts.append(f"{year}: {result.summary()}")
        parts.append(f"brigades 2013: {_brigade_answers_load(inspector)} antwoorden")
        for assessment in Assessment.objects.select_related("subject", "round"):
            target = AssessmentStatus.FINAL
            if assessment.round.year == 2013:
                target = STATES_2013.get(assessment.subject.code, AssessmentStatus.FINAL)
            _demo_status(assessment, target, inspector)
    return "; ".join(parts)


def _brigade_answers_load(by: User) -> int:
    round = Round.objects.get(year=2013)
    written = 0
    rows = csv.DictReader(io.StringIO((DEMO / "2013-brigade-answers.csv").read_text(encoding="utf-8-sig")))
    assessments: dict[str, Assessment] = {}
    for row in rows:
        number = row["brigade"]
        if number not in assessments:
            assessment = assessment_start(round=round, subject=Subject.objects.get(brigade__number=int(number)), by=by)
            if assessment.status != AssessmentStatus.DRAFT:
                return 0  # already loaded and closed
            assessments[number] = assessment
        assessment = assessments[number]
        question = assessment.questionnaire.questions.get(code=row["question_code"])
        current = assessment.answers.filter(question=question).first()
        if current and current.value == row["value"] and current.comment == row["comment"]:
            continue
        answer_save(
            assessment=assessment,
            question=question,
            value=row["value"],
            comment=row["comment"],
            base_revision=current.revision if current else 0,
            by=by,
        )
        written += 1
    return written


def _demo_status(assessment: Assessment, target: str, by: User) -> None:
    """Put a demo assessment in `target`, recording the step like any other transition."""
    if assessment.status == target:
        return
    Transition.objects.create(
        assessment=assessment, from_status=assessment.status, to_status=target, by=by, reason="Demogegevens geladen"
    )
    assessment.status = target
    assessment.save(update_fields=["status"])
