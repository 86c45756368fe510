"""Property tests on the pure read/validate layer: no input ever gives a traceback, valid rows round-trip.

The context is an in-memory index of questions of every kind, so no database is needed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.exchange import (
    ANSWER_HEADER,
    AnswerContext,
    QuestionSet,
    RowError,
    Table,
    parse_answer_file,
    read_table,
    render_table,
    validate_answer_rows,
)
from findings.exchange import JudgmentContext, parse_judgment_file, validate_judgment_rows

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

QUESTIONS = {
    "yes_no": SimpleNamespace(kind="yes_no"),
    "single": SimpleNamespace(kind="single_choice"),
    "multiple": SimpleNamespace(kind="multiple_choice"),
    "number": SimpleNamespace(kind="number"),
    "text": SimpleNamespace(kind="text"),
    "date": SimpleNamespace(kind="date"),
}
CODES = {"single": ["a", "b", "c"], "multiple": ["x", "y", "z"]}
QUESTION_SET = QuestionSet(questions=QUESTIONS, codes=CODES)
CONTEXT = AnswerContext(
    year=2013, question_sets={"VR01": QUESTION_SET, "VR02": QUESTION_SET, "VR03": QUESTION_SET}, final_regions=frozenset({"VR03"})
)
JUDGMENT_CONTEXT = JudgmentContext(
    year=2013,
    subjects={"VR01": ("region", 1), "VR02": ("region", 2), "B11": ("brigade", 1)},
    factors={"3.1.1": "region", "3.4.1": "region", "3.3.1": "brigade"},
)
HEADER = ",".join(ANSWER_HEADER) + "\n"
YES_NO = {"ja": "ja", "nee": "nee", "yes": "ja", "no": "nee", "true": "ja", "false": "nee", "1": "ja", "0": "nee", "JA": "ja", "Nee": "nee"}

# Text a spreadsheet can hold: no control characters (XLSX cannot store them) and no surrogates.
printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
# Text a CSV can hold: anything but NUL, including newlines, quotes, commas and semicolons.
csv_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


def check_result(table: Table, valid, errors) -> None:
    assert isinstance(table, Table)
    for error in list(table.errors) + list(errors):
        assert isinstance(error, RowError)
        assert error.line >= 0
        assert str(error)


def read_and_validate(name: str, data: bytes):
    table = parse_answer_file(name, data)
    valid, errors = validate_answer_rows(table.rows, CONTEXT)
    check_result(table, valid, errors)
    return table, valid, errors


@SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", ""]))
def test_random_bytes_never_give_a_traceback(data, name):
    read_and_validate(name, data)


@SETTINGS
@given(data=st.binary(max_size=500))
def test_random_bytes_that_look_like_a_zip_never_give_a_traceback(data):
    read_and_validate("a.xlsx", b"PK\x03\x04" + data)


@SETTINGS
@given(text=csv_text)
def test_random_text_after_the_header_never_gives_a_traceback(text):
    read_and_validate("a.csv", (HEADER + text).encode("utf-8"))


@SETTINGS
@given(rows=st.lists(st.lists(csv_text, max_size=6), max_size=20), delimiter=st.sampled_from([",", ";"]))
def test_random_rows_never_give_a_traceback_and_every_error_names_an_existing_line(rows, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(ANSWER_HEADER)
    writer.writerows(rows)
    table, valid, errors = read_and_validate("a.csv", buffer.getvalue().encode("utf-8"))
    lines = len(rows) + 1
    assert all(error.line <= lines for error in table.errors + errors)


@SETTINGS
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["VR01", "vr02", "VR03", "VR99", "", " VR01 "]),
            st.sampled_from([*QUESTIONS, "unknown", ""]),
            st.one_of(csv_text, st.sampled_from(["ja", "nee", "a", "x|y", "x|q", "3", "3,5", "1e400", "2013-02-30", "NaN"])),
            csv_text,
        ),
        max_size=25,
    )
)
def test_random_rows_with_random_values_are_either_valid_or_named_errors(rows):
    data = render_table(ANSWER_HEADER, rows, "csv")
    table, valid, errors = read_and_validate("a.csv", data)
    assert not table.errors
    # Every row is accounted for: valid, or named in an error (a final region is named once).
    named = {error.line for error in errors}
    for row in table.rows:
        assert row.line in named or any(v.line == row.line for v in valid) or row.cells[0].strip().upper() == "VR03"


def valid_value(kind: str):
    if kind == "yes_no":
        return st.sampled_from(sorted(YES_NO)).map(lambda raw: (raw, YES_NO[raw]))
    if kind == "single":
        return st.sampled_from(CODES["single"]).map(lambda code: (code, code))
    if kind == "multiple":
        return st.lists(st.sampled_from(CODES["multiple"]), min_size=1, unique=True).map(
            lambda picked: ("|".join(picked), "|".join(c for c in CODES["multiple"] if c in picked))
        )
    if kind == "number":
        return st.integers(-(10**9), 10**9).map(lambda n: (str(n), str(n)))
    if kind == "date":
        return st.dates().map(lambda d: (d.isoformat(), d.isoformat()))
    return printable.filter(lambda t: t.strip()).map(lambda t: (t, t.strip()))


@st.composite
def valid_rows(draw, text=printable):
    chosen = draw(st.lists(st.tuples(st.sampled_from(["VR01", "VR02"]), st.sampled_from(sorted(QUESTIONS))), unique=True, max_size=12))
    rows, expected = [], []
    for region, question in chosen:
        raw, canonical = draw(valid_value(question))
        comment = draw(text)
        rows.append((region, question, raw, comment))
        expected.append((region, question, canonical, comment.strip()))
    return rows, expected


@SETTINGS
@given(generated=valid_rows(text=csv_text))
def test_valid_rows_round_trip_through_csv(generated):
    rows, expected = generated
    table, valid, errors = read_and_validate("a.csv", render_table(ANSWER_HEADER, rows, "csv"))
    assert not table.errors and not errors
    assert [(v.region_code, v.question_code, v.value, v.comment) for v in valid] == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=valid_rows())
def test_valid_rows_round_trip_through_xlsx(generated):
    rows, expected = generated
    table, valid, errors = read_and_validate("a.xlsx", render_table(ANSWER_HEADER, rows, "xlsx"))
    assert not table.errors and not errors
    assert [(v.region_code, v.question_code, v.value, v.comment) for v in valid] == expected


@SETTINGS
@given(data=st.binary(max_size=1000), rows=st.lists(st.lists(csv_text, max_size=5), max_size=10))
def test_judgment_files_never_give_a_traceback(data, rows):
    for payload in (data, render_table(("region_code", "csf", "judgment", "finding"), rows, "csv")):
        table = parse_judgment_file("a.csv", payload)
        valid, errors = validate_judgment_rows(table.rows, JUDGMENT_CONTEXT)
        check_result(table, valid, errors)


def test_a_damaged_xlsx_never_gives_a_traceback():
    good = render_table(ANSWER_HEADER, [("VR01", "yes_no", "ja", "")], "xlsx")
    for cut in range(0, len(good), max(1, len(good) // 50)):
        read_and_validate("a.xlsx", good[:cut])
        damaged = bytearray(good)
        damaged[cut] ^= 0xFF
        read_and_validate("a.xlsx", bytes(damaged))


def test_a_file_over_the_size_limit_is_refused_without_being_parsed():
    table = read_table("a.csv", b"x" * (5 * 1024 * 1024 + 1), ANSWER_HEADER)
    assert [str(error) for error in table.errors] == ["Het bestand is te groot (5120 kB); het maximum is 5 MB."]


def test_an_xlsx_that_unpacks_to_more_than_the_limit_is_refused_unread():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"a" * (101 * 1024 * 1024))
    table = read_table("bom.xlsx", buffer.getvalue(), ANSWER_HEADER)
    assert [str(error) for error in table.errors] == ["Het Excel-bestand is uitgepakt te groot; sla het op als CSV (UTF-8)."]
