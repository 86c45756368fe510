"""Reading and writing the exchange files (CSV and XLSX), with their safety: a size limit before reading,
a cap on rows and columns, zip-bomb protection for XLSX, delimiter detection for CSV, line numbers as a
spreadsheet shows them, every exported XLSX cell written as text and every CSV cell that a spreadsheet would
run as a formula neutralised (and restored on import).

The readers are pure: any bytes give a `Table` or a list of `RowError`s, never an exception. What a file
means (its header, how its rows are validated and written) is described by the app that imports it
(`assessments.exchange`, `findings.exchange`) as an `Importer`.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FORMATS = ("csv", "xlsx")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# Columns read from a spreadsheet: enough to notice surplus columns, few enough to stay cheap.
MAX_COLUMNS = 12
# The longest text a cell (and an answer's comment) may hold.
MAX_CELL_TEXT = 10_000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# Cells in a workbook's sheets, counted before the spreadsheet library parses them: a small file can hold one row
# of millions of cells, which takes minutes to parse even when only the first columns are read. Every row an
# import accepts, with room for padding.
MAX_CELLS = MAX_ROWS * MAX_COLUMNS
# A cell element of a sheet (`<c …>`, `<c/>`, or with a namespace prefix, `<x:c …>`).
XLSX_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,31}:)?c[\s/>]")
# A CSV cell beginning with one of these is run as a formula by spreadsheet programs (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The mark that neutralises such a cell on CSV export, taken off again on CSV import.
FORMULA_MARK = "'"
# The separators the CSV import accepts: a spreadsheet may split a cell at either, so each piece is neutralised.
# (Split with the separators kept, so that joining the pieces gives the cell back exactly.)
CSV_SEPARATORS = re.compile(r"([,;])")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# --- results and errors --------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class RowError:
    """One problem in a file: the line it is on (0: the file as a whole) and a Dutch message."""

    line: int
    message: str

    def __str__(self) -> str:
        return _("Regel %(line)s: %(message)s") % {"line": self.line, "message": self.message} if self.line else self.message


class ImportRefused(Exception):
    """The file was refused whole; nothing was written. `errors` lists every problem, by line."""

    def __init__(self, errors: Iterable[RowError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class Row:
    """A data row of a file: its line number and exactly as many cells as the header names."""

    line: int
    cells: tuple[str, ...]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    # Region codes (or brigade codes) whose assessment the import created.
    assessments_created: list[str] = field(default_factory=list)

    @property
    def written(self) -> int:
        return self.created + self.changed

    def summary(self) -> str:
        text = _("%(created)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd") % {
            "created": self.created, "changed": self.changed, "unchanged": self.unchanged
        }
        if self.skipped:
            text += ngettext(", %(n)s lege regel overgeslagen", ", %(n)s lege regels overgeslagen", self.skipped) % {
                "n": self.skipped
            }
        if self.assessments_created:
            text += _("; vragenlijst aangemaakt voor %(codes)s") % {"codes": ", ".join(self.assessments_created)}
        return text + "."


# --- reading files ---------------------------------------------------------------------------------------


def read_table(name: str, data: bytes, header: Sequence[str]) -> Table:
    """The data rows of a CSV or XLSX file whose first line must be exactly `header`.

    Never raises: a file that cannot be read gives a `Table` with errors. Fully blank rows are skipped.
    """
    header = tuple(header)
    if not data:
        return Table(errors=[RowError(1, _empty_message(header))])
    if len(data) > MAX_BYTES:
        return Table(errors=[RowError(0, _("Het bestand is te groot (%(size)s kB); het maximum is %(max)s MB.") % {"size": len(data) // 1024, "max": MAX_BYTES // (1024 * 1024)})])
    if data.startswith(b"PK\x03\x04"):
        lines, errors = _xlsx_lines(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        return Table(errors=[RowError(0, _("Oude Excel-bestanden (.xls) worden niet ondersteund; sla het bestand op als .xlsx of als CSV (UTF-8)."))])
    elif name.lower().endswith(".xlsx"):
        return Table(errors=[RowError(0, _("Dit is geen geldig Excel-bestand (.xlsx)."))])
    else:
        lines, errors = _csv_lines(data)
    table = Table(errors=errors)
    if not lines and not errors:
        table.errors.append(RowError(1, _empty_message(header)))
        return table
    for line, raw in lines:
        cells = _trim(raw)
        if line == 1:
            if tuple(cell.strip().lower() for cell in cells) != header:
                found = ",".join(cells)
                table.errors.append(
                    RowError(1, _("De kopregel moet precies %(header)s zijn; gevonden: ‘%(found)s’.") % {"header": _header_text(header), "found": shorten(found)})
                )
                return table
            continue
        if not cells:
            continue
        if len(cells) > len(header):
            table.errors.append(
                RowError(line, _("Deze regel heeft %(n)s kolommen; verwacht %(m)s (%(names)s).") % {"n": len(cells), "m": len(header), "names": ",".join(header)})
            )
            continue
        problem = next((p for p in (_cell_problem(cell) for cell in cells) if p), None)
        if problem:
            table.errors.append(RowError(line, problem))
            continue
        table.rows.append(Row(line, cells + ("",) * (len(header) - len(cells))))
    return table




@dataclass(frozen=True)
class Importer:
    """One kind of exchange file: what it is called, its exact header, and the service that reads,
    validates whole and writes it (`import_file(name=, data=, round=, by=) -> ImportResult`, raising
    `ImportRefused`)."""

    kind: str
    label: str
    header: tuple[str, ...]
    import_file: Callable[..., ImportResult]

    @property
    def header_text(self) -> str:
        return ",".join(self.header)


def _csv_lines(data: bytes) -> tuple[list[tuple[int, tuple[str, ...]]], list[RowError]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [], [RowError(0, _("Het bestand is in UTF-16 opgeslagen; sla het op als ‘CSV UTF-8’."))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [RowError(line, _("Het bestand is niet in UTF-8 opgeslagen; sla het op als ‘CSV UTF-8’ of als .xlsx."))]
    first = text.split("\n", 1)[0]
    # Dutch spreadsheet programs save CSV with semicolons; the header tells which one this file uses.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    lines: list[tuple[int, tuple[str, ...]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            if line > MAX_ROWS + 1:
                return [], [RowError(line, _("Het bestand heeft meer dan %(n)s regels.") % {"n": MAX_ROWS})]
            lines.append((line, tuple(csv_cell_read(cell) for cell in cells)))
    except csv.Error:
        return [], [RowError(line + 1, _("Deze regel is geen geldige CSV (controleer de aanhalingstekens)."))]
    return lines, []


def _xlsx_lines(data: bytes) -> tuple[list[tuple[int, tuple[str, ...]]], list[RowError]]:
    import openpyxl

    lines: list[tuple[int, tuple[str, ...]]] = []
    workbook = None
    try:
        # A small archive can unpack to gigabytes; refuse before openpyxl reads it.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
                return [], [RowError(0, _("Het Excel-bestand is uitgepakt te groot; sla het op als CSV (UTF-8)."))]
            if _xlsx_cells_exceed(archive, MAX_CELLS):
                return [], [RowError(0, _(
                    "Het Excel-bestand bevat te veel cellen (meer dan %(n)s); verwijder lege en overbodige kolommen "
                    "of sla het op als CSV (UTF-8)."
                ) % {"n": MAX_CELLS})]
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        for line, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
            if line > MAX_ROWS + 1:
                return [], [RowError(line, _("Het bestand heeft meer dan %(n)s regels.") % {"n": MAX_ROWS})]
            lines.append((line, tuple(_cell_text(value) for value in values)))
    # openpyxl reports a damaged workbook with many exception types (zip, XML, key and value errors);
    # for any of them the answer to the user is the same.
    except Exception:
        return [], [RowError(0, _("Dit is geen geldig Excel-bestand (.xlsx), of het is beschadigd."))]
    finally:
        if workbook is not None:
            try:
                workbook.close()
            except Exception:  # closing a damaged archive; nothing left to report
                pass
    return lines, []


def _xlsx_cells_exceed(archive: zipfile.ZipFile, limit: int) -> bool:
    """Whether the sheets of `archive` hold more than `limit` cells, counted in the unpacked XML as it streams
    (a piece at a time, read at most up to MAX_UNPACKED_BYTES, which the caller checked)."""
    count = 0
    for member in archive.infolist():
        if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
            continue
        tail = b""
        with archive.open(member) as stream:
            while chunk := stream.read(1 << 20):
                buffer = tail + chunk
                # A cell element is short: one that starts in the last bytes is counted with the next piece.
                cut = max(len(buffer) - 64, 0)
                count += sum(1 for match in XLSX_CELL.finditer(buffer) if match.start() < cut)
                if count > limit:
                    return True
                tail = buffer[cut:]
        count += len(XLSX_CELL.findall(tail))
        if count > limit:
            return True
    return False


def _cell_text(value: Any) -> str:
    """A spreadsheet cell in exchange form: whole numbers without ".0", dates ISO, booleans ja/nee."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _trim(cells: Sequence[str]) -> tuple[str, ...]:
    """Cells without the empty ones at the end of the row (spreadsheets pad rows)."""
    cells = list(cells)
    while cells and cells[-1].strip() == "":
        cells.pop()
    return tuple(cells)


def _cell_problem(cell: str) -> str | None:
    if "\x00" in cell:
        return _("Deze regel bevat ongeldige tekens (NUL).")
    if len(cell) > MAX_CELL_TEXT:
        return _("Een cel op deze regel is te lang (maximaal %(n)s tekens).") % {"n": MAX_CELL_TEXT}
    try:
        cell.encode("utf-8")
    except UnicodeEncodeError:
        return _("Deze regel bevat ongeldige tekens.")
    return None


def _empty_message(header: Sequence[str]) -> str:
    return _("Het bestand is leeg; de eerste regel moet de kopregel %(header)s zijn.") % {"header": _header_text(header)}


def _header_text(header: Sequence[str]) -> str:
    return "‘" + ",".join(header) + "’"


def shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _piece_written(piece: str) -> str:
    if piece.lstrip(FORMULA_MARK).startswith(FORMULA_STARTS):
        return FORMULA_MARK + piece
    return piece


def _piece_read(piece: str) -> str:
    if piece.startswith(FORMULA_MARK) and piece.lstrip(FORMULA_MARK).startswith(FORMULA_STARTS):
        return piece[len(FORMULA_MARK):]
    return piece


def csv_cell_written(cell: str) -> str:
    """A cell as CSV export writes it: the cell, and every piece of it after a separator the import accepts
    (`,` or `;`), that a spreadsheet would run as a formula gets a leading `'`. A spreadsheet program that splits
    on the other separator (the Dutch default is `;`) would otherwise read `Zie bijlage;=1+1` as a formula cell.

    A piece that already begins with marks before such a character gets one more, so that the import, which
    takes exactly one off, gives back every cell as it was (`'=x` → `''=x` → `'=x`).
    """
    return "".join(_piece_written(piece) for piece in CSV_SEPARATORS.split(cell))


def csv_cell_read(cell: str) -> str:
    """A cell as CSV import reads it: the marks `csv_cell_written` added are taken off."""
    return "".join(_piece_read(piece) for piece in CSV_SEPARATORS.split(cell))


def render_table(header: Sequence[str], rows: Iterable[Sequence[str]], fmt: str, *, sheet: str = "gegevens",
                 delimiter: str = ",", bom: bool = False) -> bytes:
    """A CSV (UTF-8, no BOM unless `bom`, "\\n" line ends, every cell quoted; a cell, or a piece after a separator,
    that a spreadsheet would run as a formula neutralised with a leading `'`, which the import takes off) or XLSX
    (every cell text, so values stay exact) file."""
    if fmt == "xlsx":
        return _xlsx_bytes(header, rows, sheet)
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r}")
    buffer = io.StringIO()
    # Every cell quoted: a spreadsheet that splits on the other separator (or takes a lone "\r" for a line end)
    # still keeps each cell whole.
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell_written(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[str]], title: str) -> bytes:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for letter, width in zip("ABCDEFGH", (12, 34, 24, 60), strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"

    def text_cell(value: str, bold: bool = False) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        # Always text: "=…" stays a comment, not a formula, and "01" stays "01".
        cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True)
        return cell

    sheet.append([text_cell(name, bold=True) for name in header])
    for row in rows:
        sheet.append([text_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def refusal_text(name: str, refused: ImportRefused) -> str:
    count = len(refused.errors)
    lines = [f"Niets geïmporteerd: {name} is geweigerd ({count} {'fout' if count == 1 else 'fouten'})."]
    lines += [f"  {error}" for error in refused.errors]
    return "\n".join(lines)


def read_upload(path: str) -> bytes:
    """The bytes of `path`, at most one more than an import accepts (so a too-large file is refused, not read)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CommandError(f"Kan {path} niet lezen: {error.strerror}.") from None


def write_export(stdout, data: bytes, fmt: str, output: str | None) -> None:
    """Write an export to `output`, or to standard output (XLSX as raw bytes, so it can be redirected)."""
    if output:
        try:
            with open(output, "wb") as handle:
                handle.write(data)
        except OSError as error:
            raise CommandError(f"Kan {output} niet schrijven: {error.strerror}.") from None
        return
    if fmt == "csv":
        stdout.write(data.decode("utf-8-sig"), ending="")
        return
    buffer = getattr(getattr(stdout, "_out", None), "buffer", None)
    if buffer is None:
        raise CommandError("Geef --output op voor XLSX.")
    stdout.flush()
    buffer.write(data)
    buffer.flush()
