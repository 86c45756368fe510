"""Fixtures for the exchange tests: the demo files, and a snapshot of everything an import could touch."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from assessments.exchange import answers_import_file
from assessments.models import Answer, Assessment
from findings.models import Finding
from framework.models import Round

ROOT = Path(__file__).resolve().parents[2]
DEMO_ANSWERS = ROOT / "assessments" / "demo" / "2013-region-answers.csv"
DEMO_JUDGMENTS = ROOT / "findings" / "demo" / "2013-judgments.csv"
HEADER = "region_code,question_code,value,comment\n"


@pytest.fixture
def round_2013(db) -> Round:
    return Round.objects.get(year=2013)


@pytest.fixture
def demo_answers() -> bytes:
    return DEMO_ANSWERS.read_bytes()


@pytest.fixture
def demo_judgments() -> bytes:
    return DEMO_JUDGMENTS.read_bytes()


@pytest.fixture
def imported(round_2013, demo_answers, inspector):
    """The 2013 demo answers, imported by the inspector."""
    return answers_import_file(name="2013-region-answers.csv", data=demo_answers, round=round_2013, by=inspector)


def snapshot() -> dict:
    """Everything an import may write, to compare before and after."""
    return {
        "answers": sorted(
            Answer.objects.values_list("assessment__subject__code", "question__code", "value", "comment", "revision")
        ),
        "answer_history": Answer.history.count(),
        "assessments": sorted(Assessment.objects.values_list("subject__code", "status")),
        "findings": sorted(Finding.objects.values_list("subject__code", "success_factor__code", "judgment", "text", "revision")),
        "finding_history": Finding.history.count(),
    }


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(row + "\n" for row in rows)).encode("utf-8")


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_rows(data: bytes) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return [tuple("" if v is None else v for v in row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def as_exported(data: bytes) -> bytes:
    """A CSV file's cells as the export writes them (core.tabular.render_table): every cell quoted, every piece
    a spreadsheet would run neutralised. The demo files are written by hand, with quotes only where needed."""
    import csv

    from core.tabular import csv_cell_read, render_table

    rows = [tuple(csv_cell_read(cell) for cell in row) for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))]
    return render_table(rows[0], rows[1:], "csv")


def demo_answer_count() -> int:
    """How many answers the demo's 2013 file holds (one per data row)."""
    return len(DEMO_ANSWERS.read_text(encoding="utf-8").strip().splitlines()) - 1


def region_question_count(year: int = 2013) -> int:
    """How many questions the regions' questionnaire of `year` asks."""
    from assessments.models import Question

    return Question.objects.filter(questionnaire__round__year=year, questionnaire__audience="region").count()
