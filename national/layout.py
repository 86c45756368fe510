"""The report's layout, independent of any file format: text blocks (headings, paragraphs, tables, where
the table of contents goes) for the word processors, sheets of rows for the spreadsheets. `national.reports`
builds them from the picture document; each format's writer (DOCX, ODT, XLSX, ODS) only writes them out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Who publishes the report: its author in the files' metadata (never the library that wrote the file).
AUTHOR = "Inspectie Veiligheid en Justitie en Audit Functie Defensie"


@dataclass(frozen=True)
class Heading:
    level: int  # 0: the report's title; 1: a theme or chapter; 2: a success factor; 3: within it
    text: str


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Grid:
    """A table: a header row, then rows of words and whole numbers (numbers stay numbers in every format)."""

    header: list[str]
    rows: list[list[Any]]


@dataclass(frozen=True)
class Contents:
    """Where the table of contents goes (a field the word processor fills with headings and page numbers)."""


Block = Heading | Text | Grid | Contents


@dataclass
class Sheet:
    """A sheet of the workbook: rows of words and numbers (a count is a number, never text), bold rows, column
    widths in characters. XLSX and ODS are written from these sheets alike."""

    title: str
    rows: list[tuple[list[Any], bool]] = field(default_factory=list)
    widths: dict[int, int] = field(default_factory=dict)  # column index (0: A) -> width
    freeze_header: bool = False

    def add(self, values: Iterable[Any] = (), bold: bool = False) -> None:
        self.rows.append((list(values), bold))
