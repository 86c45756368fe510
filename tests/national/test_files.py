"""The national report as files: each format opens and holds the document's figures, says "voorlopig" or
carries its fingerprint, and the ministry's file names no region."""

from __future__ import annotations

import csv
import functools
import io
import shutil
import subprocess

import pytest

from national import reports
from regions.models import Region
from tests.national.sample_picture import PIKET_SENTENCE, sample_detail_picture, sample_picture

PROVISIONAL = "voorlopig — nog niet vastgesteld"
SHA = "ab" * 32
PUBLISHED = {"at": "2014-03-01T10:00:00+00:00", "sha256": SHA, "version": 2}


def pdf_text(data: bytes) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    parts += [document.core_properties.title or "", document.core_properties.comments or ""]
    return "\n".join(parts)


def xlsx_cells(data: bytes) -> dict[str, list[list]]:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


def xlsx_text(data: bytes) -> str:
    return "\n".join(str(v) for rows in xlsx_cells(data).values() for row in rows for v in row if v is not None)


def odf_text(data: bytes) -> str:
    """The text of an OpenDocument file's content and metadata, element by element."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(text for part in ("content.xml", "meta.xml", "styles.xml")
                         for text in etree.fromstring(archive.read(part)).itertext())


@functools.lru_cache(maxsize=32)
def file_text(fmt: str, data: bytes) -> str:
    # Reading a 25-page PDF's text takes seconds; each file is read once, however many things a test looks for.
    return {"pdf": pdf_text, "docx": docx_text, "xlsx": xlsx_text, "csv": lambda d: d.decode("utf-8-sig"),
            "csv_nl": lambda d: d.decode("utf-8-sig"), "odt": odf_text, "ods": odf_text}[fmt](data)


def normalised(text: str) -> str:
    """Text as extracted from a PDF: lines broken anywhere; compared without whitespace."""
    return "".join(text.split())


def holds(fmt: str, data: bytes, text: str) -> bool:
    return normalised(text) in normalised(file_text(fmt, data))


def region_names() -> list[str]:
    return [name for pair in Region.objects.values_list("code", "name") for name in pair]


# --- each format holds the document's figures ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx", "odt", "ods"])
def test_each_report_holds_the_sentences_and_judgments_of_the_document(fmt):
    data = reports.render(sample_picture(), fmt, shapes=[])
    assert holds(fmt, data, PIKET_SENTENCE)
    assert holds(fmt, data, "In 2 van de 25 veiligheidsregio's heeft LCMS een tabblad Defensie.")
    assert holds(fmt, data, "Interoperabiliteit van communicatiemiddelen")
    assert holds(fmt, data, "De communicatiemiddelen zijn overal beschikbaar; het gebruik groeit.")  # the reason
    assert holds(fmt, data, "Stem de oefenkalenders van Defensie en de veiligheidsregio's af.")


def test_the_docx_has_a_heading_per_theme_and_factor_and_tables_for_the_distributions():
    import docx

    document = docx.Document(io.BytesIO(reports.render_docx(sample_picture())))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "2. Defensie in de civiele planvorming" in headings
    assert "3.2.1 Defensie heeft een plaats in civiele plannen en processen" in headings
    assert "Deelconclusie" in headings
    piket = next(t for t in document.tables if t.rows[0].cells[1].text == "binnen de eigen regio")
    rows = [[cell.text for cell in row.cells] for row in piket.rows]
    assert rows[1] == ["landelijk", "6", "19", "25"]
    assert rows[2] == ["43 Gemechaniseerde Brigade", "2", "6", "8"]
    assert rows[-1] == ["meting 2009", "9", "16", "25"]


def test_the_workbook_has_a_sheet_per_theme_the_indicators_by_brigade_and_round_and_the_recommendations():
    sheets = xlsx_cells(reports.render_xlsx(sample_picture()))
    assert list(sheets) == ["Overzicht", "Thema 2", "Thema 4", "Indicatoren", "Context", "Aanbevelingen"]
    header, *rows = sheets["Indicatoren"]
    # Words, not codes: the question and the answer as the questionnaire words them; counts and years as numbers.
    assert header == ["succesfactor", "vraag", "antwoord", 2013, "brigade 43", "brigade 11", "brigade 13", 2009]
    assert ["3.2.1", "Hoe is het piket van de OVR geregeld?", "binnen de eigen regio", 6, 2, 3, 1, 9] in rows
    assert not [row for row in rows if "eigen_regio" in row or "2.1.4" in row]
    recommendation = next(r for r in sheets["Aanbevelingen"] if r[1].startswith("Stem de oefenkalenders"))
    assert recommendation[5] == "gedeeltelijk opgevolgd"
    assert recommendation[7] == "In 10 regio's zijn de kalenders nog niet afgestemd."


def test_a_text_that_looks_like_a_formula_stays_text_in_the_workbook_and_the_csv():
    picture = sample_picture()
    picture["indicators"]["2.1.4"]["labels"]["brigade"] = "=HYPERLINK(\"x\")"
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(reports.render_xlsx(picture)))
    cells = [c for row in workbook["Indicatoren"].iter_rows() for c in row if c.value == "=HYPERLINK(\"x\")"]
    assert cells and all(c.data_type == "s" for c in cells)
    assert "'=HYPERLINK" in reports.render_csv(picture).decode()


def test_the_indicator_csv_has_a_row_per_indicator_and_value_with_the_brigades_and_the_previous_round():
    rows = list(csv.DictReader(io.StringIO(reports.render_csv(sample_picture()).decode("utf-8-sig"))))
    piket = {row["value"]: row for row in rows if row["question_code"] == "2.1.4"}
    assert piket["eigen_regio"]["count"] == "6" and piket["brigade"]["count"] == "19"
    assert (piket["brigade"]["brigade_43"], piket["brigade"]["brigade_11"], piket["brigade"]["brigade_13"]) == ("6", "5", "8")
    assert piket["eigen_regio"]["previous_round"] == "2009" and piket["eigen_regio"]["previous_count"] == "9"


# --- reconstructed previous figures ----------------------------------------------------------------------

RECONSTRUCTED = "2009: gereconstrueerd uit het rapport van 2013; geen meetgegevens"


@pytest.mark.parametrize("fmt", reports.FORMATS)
def test_every_file_says_2009_is_reconstructed_when_it_is_and_not_when_it_is_measured(fmt):
    assert holds(fmt, reports.render(sample_picture(previous_reconstructed=True), fmt, shapes=[]), RECONSTRUCTED)
    assert not holds(fmt, reports.render(sample_picture(previous_reconstructed=False), fmt, shapes=[]), "gereconstrueerd")


def test_every_sheet_that_shows_2009_figures_says_they_are_reconstructed():
    sheets = xlsx_cells(reports.render_xlsx(sample_picture(previous_reconstructed=True)))
    # Thema 2 shows 3.2.1 with its 2009 judgments; the indicators sheet has a 2009 column.
    for title in ("Thema 2", "Indicatoren"):
        assert any(RECONSTRUCTED in str(cell) for row in sheets[title] for cell in row), title
    header, *rows = sheets["Indicatoren"]
    assert header[-2:] == [2009, "herkomst 2009"]
    piket = next(row for row in rows if row[2] == "binnen de eigen regio")
    assert piket[-2:] == [9, RECONSTRUCTED]
    assert not any("gereconstrueerd" in str(cell) for row in sheets["Thema 4"] for cell in row)  # no 2009 figures there
    rows = list(csv.DictReader(io.StringIO(reports.render_csv(sample_picture(previous_reconstructed=True)).decode("utf-8-sig"))))
    assert {row["previous_note"] for row in rows if row["question_code"] == "2.1.4"} == {RECONSTRUCTED}


# --- provisional or published -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", reports.FORMATS)
def test_every_file_of_an_unpublished_round_says_provisional(fmt):
    assert holds(fmt, reports.render(sample_picture(), fmt, shapes=[]), PROVISIONAL)


@pytest.mark.parametrize("fmt", reports.FORMATS)
def test_every_file_of_a_published_round_carries_its_sha256_and_version(fmt):
    data = reports.render(sample_picture(status="gepubliceerd", published=PUBLISHED), fmt, shapes=[])
    text = file_text(fmt, data)
    assert SHA in normalised(text)
    assert PROVISIONAL not in text
    if fmt in ("csv", "csv_nl"):
        assert next(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else ";"))["version"] == "2"
    else:
        assert normalised("versie 2") in normalised(text)


# --- no region in the ministry's file ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", reports.FORMATS)
def test_a_file_rendered_from_the_ministrys_document_names_no_region(fmt):
    data = reports.render(sample_picture(), fmt, shapes=reports.map_shapes())
    text = file_text(fmt, data)
    named = [name for name in region_names() if name in text]
    assert named == []


@pytest.mark.django_db
def test_the_inspectors_file_lists_the_regions_judgments():
    text = docx_text(reports.render_docx(sample_detail_picture()))
    assert "Amsterdam-Amstelland" in text and "VR13" in text


# --- the PDF as pages ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_pdf_has_the_map_and_renders_to_page_images(tmp_path):
    data = reports.render_pdf(sample_picture(), shapes=reports.map_shapes())
    assert data.startswith(b"%PDF")
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is missing; make test installs it"
    (tmp_path / "report.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(tmp_path / "report.pdf"), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 3
    assert all(page.stat().st_size > 1000 for page in pages)


# --- the demo's 2013 picture, as the ministry downloads it ----------------------------------------------------

DEMO_PIKET = "In 6 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio; in 19 per brigade."


@pytest.fixture(scope="module")
def demo_files(demo_data, django_db_blocker):
    # The tests that use it ask for `db` too: pytest-django then runs them among the database tests, before
    # the transactional ones flush the reference data.
    from framework.models import Round
    from national.picture import picture_document

    with django_db_blocker.unblock():
        document = picture_document(Round.objects.get(year=2013), detail=False)
        shapes = reports.map_shapes()
        names = region_names()
        return document, {fmt: reports.render(document, fmt, shapes=shapes) for fmt in reports.FORMATS}, names


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx", "odt", "ods"])
def test_the_demos_report_holds_the_piket_sentence_and_the_judgments(db, demo_files, fmt):
    document, files, _names = demo_files
    assert document["indicators"]["piket_arrangement"]["sentence"] == DEMO_PIKET
    assert holds(fmt, files[fmt], DEMO_PIKET)
    assert holds(fmt, files[fmt], PROVISIONAL)
    for code, factor in document["success_factors"].items():
        assert holds(fmt, files[fmt], f"{code} {factor['name']}")


def test_the_demos_2013_files_say_2009_is_reconstructed_in_the_pdf_and_on_every_sheet_with_2009_figures(db, demo_files):
    document, files, _names = demo_files
    assert document["previous_reconstructed"] is True
    assert holds("pdf", files["pdf"], RECONSTRUCTED)
    sheets = xlsx_cells(files["xlsx"])
    with_2009 = [title for title, rows in sheets.items() if title == "Indicatoren" or any(
        isinstance(cell, str) and cell == "meting 2009" for row in rows for cell in row)]
    assert "Indicatoren" in with_2009 and len(with_2009) > 1
    for title in with_2009:
        assert any(RECONSTRUCTED in str(cell) for row in sheets[title] for cell in row), title


def test_the_demos_indicator_csv_holds_the_piket_counts(db, demo_files):
    _document, files, _names = demo_files
    rows = [row for row in csv.DictReader(io.StringIO(files["csv"].decode("utf-8-sig")))
            if row["question_code"] == "piket_arrangement"]
    counts = {row["value"]: int(row["count"]) for row in rows}
    # The regional and the brigade piket (6 and 19); no region is without one.
    assert sorted(counts.values()) == [0, 6, 19] and counts["none"] == 0


@pytest.mark.parametrize("fmt", reports.FORMATS)
def test_the_ministrys_download_of_the_demo_names_no_region(db, demo_files, fmt):
    _document, files, names = demo_files
    text = file_text(fmt, files[fmt])
    assert [name for name in names if name in text] == []


def test_the_command_writes_the_report_in_each_format(db, demo_files, tmp_path, django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        for fmt in ("csv", "docx"):
            call_command("national_report", "--round", "2013", "--format", fmt, "--audience", "national",
                         "--output", str(tmp_path / f"report.{fmt}"))
    assert holds("csv", (tmp_path / "report.csv").read_bytes(), "piket_arrangement")
    assert holds("docx", (tmp_path / "report.docx").read_bytes(), DEMO_PIKET)
