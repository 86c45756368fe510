"""The national report in the open formats the government exchanges editable documents in (ODF): the text
document (ODT) beside DOCX and the spreadsheet (ODS) beside XLSX, written from the same blocks and sheets
(`national.layout`, built by `national.reports.report_blocks` and `report_sheets`), so they hold what the
Office files hold and, rendered from the ministry's document, name no region either.

Headings are headings (outline level and the "Heading N" styles), counts are numbers, the text document has a
table of contents (an index LibreOffice updates with page numbers) and page numbers in its footer; the
metadata name the inspectorate as author and Dutch as the language.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, cast

from django.utils.translation import gettext as _

from national.layout import AUTHOR, Block, Contents, Grid, Heading, Sheet, Text

if TYPE_CHECKING:
    from odfdo import Document, IndexBody, StyleMasterPage

LANGUAGE = "nl-NL"
GENERATOR = "cmsaudit"
# Styles of our own (the template's "Heading 1" … and "Contents 1" … are used as they are).
TITLE_STYLE = "Titel"
STRONG_STYLE = "Nadruk"
TABLE_HEADING_STYLE = "Tabelkop"
BOLD_CELL_STYLE = "vet"


def _metadata(document: Document, title: str) -> None:
    meta = document.meta
    meta.set_title(title)
    meta.set_initial_creator(AUTHOR)
    meta.set_creator(AUTHOR)
    meta.set_language(LANGUAGE)
    meta.set_generator(GENERATOR)


def _saved(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cell(value: Any):
    from odfdo import Cell

    return Cell() if value is None or value == "" else Cell(value)


# --- ODT --------------------------------------------------------------------------------------------------


def _text_styles(document: Document) -> None:
    from odfdo import Style

    for style in (
        Style("paragraph", name=TITLE_STYLE, display_name=TITLE_STYLE, parent_style="Heading", area="text",
              size="20pt", bold=True),
        Style("paragraph", name=STRONG_STYLE, display_name=STRONG_STYLE, parent_style="Text_20_body", area="text",
              bold=True),
        Style("paragraph", name=TABLE_HEADING_STYLE, display_name=TABLE_HEADING_STYLE, area="text", bold=True),
    ):
        document.insert_style(style, automatic=False)


def _odt_table(grid: Grid, number: int):
    from odfdo import Cell, Paragraph, Row, Table

    table = Table(_("Tabel %(n)s") % {"n": number})
    header = Row()
    for text in grid.header:
        cell = Cell()
        cell.append(Paragraph(str(text), style=TABLE_HEADING_STYLE))
        header.append_cell(cell)
    table.append_row(header)
    for values in grid.rows:
        row = Row()
        for value in values:
            row.append_cell(_cell(value))
        table.append_row(row)
    return table


def _footer(document: Document) -> None:
    """"pagina 3 van 17" at the foot of every page."""
    from odfdo import Paragraph, VarPageCount, VarPageNumber

    footer = Paragraph(_("pagina") + " ")
    footer.append(VarPageNumber())
    footer.append(" " + _("van") + " ")
    footer.append(VarPageCount())
    # odfdo types any style it returns as any kind of style; the template's "Standard" is its master page.
    cast("StyleMasterPage", document.get_style("master-page", "Standard")).set_page_footer(footer)


def text_document(blocks: list[Block], *, title: str) -> bytes:
    """The report as an OpenDocument text: its blocks, the table of contents where `Contents` stands."""
    from odfdo import TOC, Document, Header, Paragraph

    document = Document("text")
    body = document.body
    body.clear()
    _text_styles(document)
    _metadata(document, title)
    _footer(document)
    toc, headings, tables = None, [], 0
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 0:
                body.append(Paragraph(block.text, style=TITLE_STYLE))
                continue
            header = Header(block.level, block.text)
            header.style = f"Heading_20_{block.level}"
            body.append(header)
            headings.append(block)
        elif isinstance(block, Text):
            body.append(Paragraph(block.text, style=STRONG_STYLE if block.bold else "Text_20_body"))
        elif isinstance(block, Grid):
            tables += 1
            body.append(_odt_table(block, tables))
        elif isinstance(block, Contents):
            toc = TOC(_("Inhoud"), outline_level=3)
            body.append(toc)
    if toc is not None:
        # The entries as the headings read (their own numbers, not the index's); LibreOffice adds the page
        # numbers when it updates the index.
        for heading in headings:
            if heading.level <= 3:
                # A TOC made by odfdo has its index body (typed optional, for one read from a file).
                cast("IndexBody", toc.body).append(Paragraph(heading.text, style=f"Contents_20_{heading.level}"))
    return _saved(document)


# --- ODS --------------------------------------------------------------------------------------------------


def spreadsheet(sheets: list[Sheet], *, title: str) -> bytes:
    """The report as an OpenDocument spreadsheet: a table per sheet, counts as numbers, bold rows bold."""
    from odfdo import Column, Document, Row, Style, Table

    document = Document("spreadsheet")
    body = document.body
    body.clear()
    _metadata(document, title)
    document.insert_style(Style("table-cell", name=BOLD_CELL_STYLE, area="text", bold=True), automatic=True)
    widths: dict[int, str] = {}
    for model in sheets:
        table = Table(model.title)
        for values, bold in model.rows:
            row = Row()
            for value in values:
                cell = _cell(value)
                if bold:
                    cell.style = BOLD_CELL_STYLE
                row.append_cell(cell)
            table.append_row(row)
        for column, width in model.widths.items():
            if column < table.width:
                if width not in widths:
                    widths[width] = f"breedte{width}"
                    document.insert_style(Style("table-column", name=widths[width], width=f"{width * 0.21:.2f}cm"),
                                          automatic=True)
                table.set_column(column, Column(style=widths[width]))
        body.append(table)
    return _saved(document)
