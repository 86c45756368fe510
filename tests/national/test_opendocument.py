"""The report in open formats beside Office: ODT and ODS are OpenDocument packages as a conforming reader
expects them, headings are headings, counts are numbers; the DOCX gains page numbers, a table of contents and
the inspectorate as author; the CSV opens in a Dutch spreadsheet."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from national import reports
from national.layout import AUTHOR
from tests.national.sample_picture import PIKET_SENTENCE, sample_picture

MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text", "ods": b"application/vnd.oasis.opendocument.spreadsheet"}


def odf(data: bytes):
    from odfdo import Document

    return Document(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["odt", "ods"])
def test_an_opendocument_file_starts_with_its_mimetype_stored_uncompressed(fmt):
    data = reports.render(sample_picture(), fmt)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == MIMETYPES[fmt]
        assert b'manifest:full-path="/"' in archive.read("META-INF/manifest.xml")
    assert data[30:38] == b"mimetype"  # where a reader sniffing the first bytes looks for it
    assert reports.CONTENT_TYPES[fmt] == MIMETYPES[fmt].decode()


@pytest.mark.parametrize("fmt", ["odt", "ods"])
def test_the_inspectorate_is_the_author_and_dutch_the_language(fmt):
    meta = odf(reports.render(sample_picture(), fmt)).meta
    assert meta.get_initial_creator() == AUTHOR and meta.get_creator() == AUTHOR
    assert meta.get_title() == "Landelijk beeld eindmeting 2013"
    assert meta.get_language() == "nl-NL"
    assert "odfdo" not in (meta.get_generator() or "")


def test_the_spreadsheet_keeps_counts_as_numbers_and_names_answers_in_words():
    document = odf(reports.render_ods(sample_picture()))
    sheets = {table.name: table for table in document.body.tables}
    assert list(sheets) == ["Overzicht", "Thema 2", "Thema 4", "Indicatoren", "Context", "Aanbevelingen"]
    header, *rows = sheets["Indicatoren"].get_values()
    assert header[:4] == ["succesfactor", "vraag", "antwoord", 2013]
    piket = next(i for i, row in enumerate(rows, start=1)
                 if row[1] == "Hoe is het piket van de OVR geregeld?" and row[2] == "binnen de eigen regio")
    cells = sheets["Indicatoren"].get_row(piket).cells
    assert [cell.type for cell in cells[3:8]] == ["float"] * 5
    assert [cell.value for cell in cells[3:8]] == [6, 2, 3, 1, 9]
    assert not any("eigen_regio" in str(value) for row in rows for value in row)


def test_a_text_that_looks_like_a_formula_stays_text_in_the_spreadsheet():
    picture = sample_picture()
    picture["indicators"]["2.1.4"]["labels"]["brigade"] = '=HYPERLINK("x")'
    table = next(t for t in odf(reports.render_ods(picture)).body.tables if t.name == "Indicatoren")
    cells = [cell for row in table.traverse() for cell in row.cells if cell.value == '=HYPERLINK("x")']
    assert cells and all(cell.type == "string" and not cell.formula for cell in cells)


def test_the_text_document_has_headings_in_heading_styles_a_table_of_contents_and_page_numbers():
    data = reports.render_odt(sample_picture())
    document = odf(data)
    headings = [(h.get_attribute_integer("text:outline-level"), h.style, str(h).strip()) for h in document.body.headers]
    assert (1, "Heading_20_1", "2. Defensie in de civiele planvorming") in headings
    assert (2, "Heading_20_2", "3.2.1 Defensie heeft een plaats in civiele plannen en processen") in headings
    assert (3, "Heading_20_3", "Deelconclusie") in headings
    (toc,) = document.body.get_tocs()
    entries = [str(p).strip() for p in toc.body.paragraphs]
    assert "Inhoud" in str(toc) and "3.4.2 Interoperabiliteit van communicatiemiddelen" in entries
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("styles.xml").decode()
    assert "<text:page-number" in styles and "<text:page-count" in styles  # in the footer of every page
    assert PIKET_SENTENCE in [str(p).strip() for p in document.body.paragraphs]


def test_the_text_documents_tables_hold_counts_as_numbers():
    document = odf(reports.render_odt(sample_picture()))
    piket = next(t for t in document.body.tables if "binnen de eigen regio" in str(t.get_row(0).get_cell(1)))
    landelijk = piket.get_row(1)
    assert [cell.value for cell in landelijk.cells] == ["landelijk", 6, 19, 25]
    assert "Tabelkop" in piket.get_row(0).serialize()  # the header row in a bold style of its own
    assert [cell.type for cell in landelijk.cells[1:]] == ["float"] * 3


def test_the_docx_has_page_numbers_a_table_of_contents_and_the_inspectorate_as_author():
    import docx

    document = docx.Document(io.BytesIO(reports.render_docx(sample_picture())))
    assert document.core_properties.author == AUTHOR
    assert document.core_properties.last_modified_by == AUTHOR
    assert document.core_properties.language == "nl-NL"
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    body = document.element.body.xml
    assert 'TOC \\o "1-3"' in body
    assert document.settings.element.xml.count("updateFields") == 1  # Word fills them when it opens the file


def test_the_csv_has_a_byte_order_mark_and_a_semicolon_variant_with_the_same_rows():
    comma, semicolon = reports.render_csv(sample_picture()), reports.render(sample_picture(), "csv_nl")
    assert comma.startswith(b"\xef\xbb\xbf") and semicolon.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(comma.decode("utf-8-sig"))))
    assert list(csv.reader(io.StringIO(semicolon.decode("utf-8-sig")), delimiter=";")) == rows
    assert semicolon.decode("utf-8-sig").splitlines()[0].startswith("\"round\";\"status\";\"question_code\";")
    assert reports.filename(sample_picture(), "csv_nl") == "indicatoren-2013-voorlopig-nl.csv"


# --- the demo's published 2009 round as the ministry downloads it -------------------------------------------


@pytest.mark.parametrize(("url", "mimetype"), [("report.odt", MIMETYPES["odt"]), ("report.ods", MIMETYPES["ods"])])
def test_the_ministrys_2009_opendocument_files_name_no_region(demo_data, db, client_for, ministry, url, mimetype):
    from regions.models import Region
    from tests.national.test_files import odf_text

    response = client_for(ministry).get(f"/national/icms-2009/{url}")
    assert response.status_code == 200 and response["Content-Type"] == mimetype.decode()
    assert 'filename="landelijk-beeld-2009-v1.' in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.read("mimetype") == mimetype
    text = odf_text(response.content)
    named = [name for pair in Region.objects.values_list("code", "name") for name in pair if name in text]
    assert named == []


def test_the_dutch_csv_is_served_beside_the_csv(demo_data, db, client_for, ministry):
    response = client_for(ministry).get("/national/icms-2009/indicators-nl.csv")
    assert response.status_code == 200
    assert 'filename="indicatoren-2009-v1-nl.csv"' in response["Content-Disposition"]
    assert response.content.decode("utf-8-sig").startswith("\"round\";\"status\";")
