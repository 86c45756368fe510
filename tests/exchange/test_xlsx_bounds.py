"""An XLSX import is bounded by the number of cells, not only by bytes: a small file whose sheet holds a huge row
is refused quickly with a Dutch message, before the spreadsheet library parses it (core/tabular.py)."""

import io
import time
import zipfile

import pytest

from assessments.exchange import ANSWER_HEADER, read_table
from core import tabular
from tests.exchange.conftest import xlsx_bytes

CELLS_REFUSED = "te veel cellen"


def with_sheet(data: bytes, sheet_xml: bytes) -> bytes:
    """The workbook `data` with its first sheet replaced by `sheet_xml`."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            content = sheet_xml if member.filename == "xl/worksheets/sheet1.xml" else source.read(member)
            archive.writestr(member.filename, content)
    return target.getvalue()


def huge_row(cells: int) -> bytes:
    header = "".join(f'<c t="inlineStr"><is><t>{name}</t></is></c>' for name in ANSWER_HEADER)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData><row r=\"1\">" + header.encode() + b"</row><row r=\"2\">"
        + b"<c><v>1</v></c>" * cells + b"</row></sheetData></worksheet>"
    )


@pytest.fixture
def workbook() -> bytes:
    return xlsx_bytes([list(ANSWER_HEADER), ["VR13", "ovr_assigned", "ja", ""]])


def test_a_small_xlsx_with_one_huge_row_is_refused_quickly_in_dutch(workbook):
    data = with_sheet(workbook, huge_row(3_000_000))
    assert len(data) < 400 * 1024
    started = time.perf_counter()
    table = read_table("groot.xlsx", data, ANSWER_HEADER)
    seconds = time.perf_counter() - started
    assert [CELLS_REFUSED in error.message for error in table.errors] == [True]
    assert "Het Excel-bestand bevat te veel cellen" in table.errors[0].message
    assert seconds < 5


def test_the_cell_limit_counts_every_cell_whatever_its_prefix(workbook, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_CELLS", 100)
    prefixed = huge_row(200).replace(b"<c>", b"<x:c>").replace(b"</c>", b"</x:c>")
    assert CELLS_REFUSED in read_table("a.xlsx", with_sheet(workbook, prefixed), ANSWER_HEADER).errors[0].message


def test_a_workbook_within_the_limit_is_read_as_before(workbook, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_CELLS", 100)
    table = read_table("a.xlsx", workbook, ANSWER_HEADER)
    assert not table.errors
    assert table.rows[0].cells[:3] == ("VR13", "ovr_assigned", "ja")


def test_the_limit_allows_every_row_an_import_accepts():
    assert tabular.MAX_CELLS >= tabular.MAX_ROWS * len(ANSWER_HEADER)
