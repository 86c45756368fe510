"""The published report as an archival, accessible PDF: PDF/A-3 declared, tagged, in Dutch, with the
inspectorate as author, bookmarks and a table of contents, no table row over two pages, the map described in
words, and the reader's picture document attached, whose SHA-256 is the one the dashboard shows."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re

import pikepdf
import pypdf
import pytest
from django.conf import settings

from national import publication, reports
from national.models import PublishedPicture
from tests.national.sample_picture import sample_picture

SHA = "ab" * 32
PUBLISHED = {"at": "2014-03-01T10:00:00+00:00", "sha256": SHA, "version": 2}


@functools.cache
def sample_pdf() -> bytes:
    return reports.render_pdf(sample_picture(status="gepubliceerd", published=PUBLISHED, brigade_regions={
        "43": 8, "11": 9, "13": 8}), shapes=[])


def opened(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def attachments(data: bytes) -> dict[str, bytes]:
    pdf = opened(data)  # kept open while its attachments are read
    return {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}


def structure_elements(pdf: pikepdf.Pdf, kind: str) -> list[pikepdf.Dictionary]:
    found, stack = [], [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == pikepdf.Name(kind):
                found.append(node)
            if "/K" in node:
                stack.append(node.K)
    return found


def test_the_pdf_declares_pdfa_3a_in_its_xmp_metadata():
    pdf = opened(sample_pdf())
    metadata = pdf.open_metadata()
    assert metadata["pdfaid:part"] == "3"
    assert metadata["pdfaid:conformance"] == "A"


def test_the_pdf_is_tagged_in_dutch_for_a_screen_reader():
    pdf = opened(sample_pdf())
    assert "/StructTreeRoot" in pdf.Root
    assert pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "nl"
    headings = [kind for kind in ("/H1", "/H2", "/H3") if structure_elements(pdf, kind)]
    assert headings == ["/H1", "/H2", "/H3"]
    assert structure_elements(pdf, "/Table") and structure_elements(pdf, "/TH")


def test_the_inspectorate_is_the_author_and_the_report_its_title():
    pdf = opened(sample_pdf())
    assert str(pdf.docinfo.Author) == reports.AUTHOR
    assert "Inspectie" in str(pdf.docinfo.Author) and "WeasyPrint" not in str(pdf.docinfo.Author)
    assert str(pdf.docinfo.Title) == "Landelijk beeld eindmeting 2013"
    assert pdf.open_metadata()["dc:creator"] == [reports.AUTHOR]


def test_the_bookmarks_follow_the_themes_and_success_factors():
    pdf = opened(sample_pdf())
    with pdf.open_outline() as outline:
        (root,) = outline.root
        themes = {item.title: [child.title for child in item.children] for item in root.children}
    assert themes["2. Defensie in de civiele planvorming"] == ["3.2.1 Defensie heeft een plaats in civiele plannen en processen"]
    assert "Aanbevelingen" in themes


def test_the_table_of_contents_gives_the_page_each_factor_starts_on():
    reader = pypdf.PdfReader(io.BytesIO(sample_pdf()))
    pages = [page.extract_text() for page in reader.pages]
    toc = next(text for text in pages if text.startswith("Inhoud"))
    entry = re.search(r"3\.4\.1 [^\n]*?\. (\d+)\s*$", toc, re.MULTILINE)
    assert entry, toc
    page = int(entry.group(1))
    assert "3.4.1 Operationele aansturing" in pages[page - 1]


def test_the_map_has_a_text_alternative_naming_each_brigade_area():
    from national.reports import map_description

    pdf = opened(reports.render_pdf(sample_picture(brigade_regions={"43": 8, "11": 9, "13": 8}),
                                    shapes=[{"path": "M0 0 L10 0 L10 10 Z", "fill": "#1f4e79"}]))
    alternatives = [str(figure.Alt) for figure in structure_elements(pdf, "/Figure") if "/Alt" in figure]
    description = map_description(sample_picture(brigade_regions={"43": 8, "11": 9, "13": 8}))
    assert description in alternatives
    assert "11 Luchtmobiele Brigade: 9 veiligheidsregio's" in description


def test_no_table_row_is_split_over_two_pages():
    long = "Deze aanbeveling beslaat in de tabel van het rapport meerdere regels, zodat een rij een paginagrens raakt. "
    recommendations = [
        {"round": 2013, "text": f"Aanbeveling {n:02d}. {long * 3}Einde {n:02d}.", "addressee": "defensie",
         "success_factors": ["3.2.1"], "status": "accepted", "follow_up": None}
        for n in range(40)
    ]
    reader = pypdf.PdfReader(io.BytesIO(reports.render_pdf(sample_picture(recommendations=recommendations), shapes=[])))
    pages = ["".join(page.extract_text().split()) for page in reader.pages]
    for n in range(40):
        start = next(i for i, text in enumerate(pages) if f"Aanbeveling{n:02d}." in text)
        assert f"Einde{n:02d}." in pages[start], f"row {n} continues on the next page"


def test_the_pdf_carries_the_readers_document_as_json_whose_sha256_is_the_published_one():
    picture = sample_picture(status="gepubliceerd", published=None)
    stored_sha = publication.document_fingerprint(picture)
    data = reports.render_pdf({**picture, "published": {**PUBLISHED, "sha256": stored_sha}}, shapes=[])
    (name, content), = attachments(data).items()
    assert name == "landelijk-beeld-2013-v2.json"
    assert hashlib.sha256(content).hexdigest() == stored_sha
    assert json.loads(content)["success_factors"]["3.2.1"]["name"] == "Defensie heeft een plaats in civiele plannen en processen"
    pdf = opened(data)
    # An associated file of the document (PDF/A-3), as data the report is rendered from.
    assert {(str(spec.UF), spec.AFRelationship) for spec in pdf.Root.AF} == {(name, pikepdf.Name("/Data"))}


# --- fetching nothing but the application's own static files ------------------------------------------------


def test_the_pdf_fetches_the_applications_static_files_only(tmp_path):
    from django.contrib.staticfiles import finders

    fetcher = reports.static_files_fetcher()
    stylesheet = finders.find("css/report.css")
    assert fetcher(f"file://{stylesheet}").url.endswith("report.css")
    outside = tmp_path / "secret.txt"
    outside.write_text("geheim")
    for url in (f"file://{outside}", "file:///etc/passwd", "http://example.org/logo.png",
                f"file://{settings.BASE_DIR}/static/../manage.py"):
        with pytest.raises(ValueError, match="refused"):
            fetcher(url)


def test_an_image_address_in_the_report_is_not_fetched(monkeypatch):
    fetched = []
    monkeypatch.setattr(reports, "is_static_file_url", lambda url: fetched.append(url) or False)
    html = reports.render_html(sample_picture(), shapes=[], for_print=True)
    html = html.replace("</body>", '<img src="http://example.org/tracker.png" alt="x"></body>')
    from weasyprint import HTML

    HTML(string=html, base_url=".", url_fetcher=reports.static_files_fetcher()).write_pdf()
    assert fetched == ["http://example.org/tracker.png"]


# --- the demo's published 2009 round as the ministry reads it --------------------------------------------------


@pytest.fixture
def ministry_2009(demo_data, db, client_for, ministry):
    return client_for(ministry)


def test_the_ministrys_2009_pdf_embeds_the_json_whose_sha256_its_dashboard_shows(ministry_2009):
    from regions.models import Region

    html = ministry_2009.get("/national/icms-2009/").content.decode()
    shown = re.search(r"SHA-256 <code[^>]*>([0-9a-f]{64})</code>", html).group(1)
    data = ministry_2009.get("/national/icms-2009/report.pdf").content
    pdf = opened(data)
    assert pdf.open_metadata()["pdfaid:part"] == "3" and pdf.Root.MarkInfo.Marked is True
    assert str(pdf.Root.Lang) == "nl"
    (content,) = attachments(data).values()
    assert hashlib.sha256(content).hexdigest() == shown
    text = content.decode()
    assert PublishedPicture.objects.get(round__year=2009).sha256 not in html  # the inspectors' document is not the ministry's
    assert [name for name in Region.objects.values_list("name", flat=True) if name in text] == []
