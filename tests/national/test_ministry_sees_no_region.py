"""The ministry reads the national picture and never one region: on the demo, every page and file it can reach
for 2013 (shared as a preview) and 2009 (published) names no region by code or name."""

import io
import re

import pytest
from django.utils.html import strip_tags

from accounts.models import User
from regions.models import Region

pytestmark = pytest.mark.django_db

PAGES = [
    "/national/icms-2013/", "/national/icms-2013/3.4.1/", "/national/icms-2013/3.3.1/", "/national/icms-2013/overall/",
    "/national/recommendations/?round=icms-2013", "/national/recommendations/?round=icms-2009", "/national/icms-2009/",
    "/api/national/icms-2013/", "/national/icms-2013/report/",
]


@pytest.fixture
def ministry_client(demo_data, db, client):
    client.force_login(User.objects.get(username="ministerie"))
    return client


def _names() -> list[str]:
    return [name for pair in Region.objects.values_list("code", "name") for name in pair]


def _visible_text(response) -> str:
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        return content
    # What a reader sees, and what hovering shows (titles, labels).
    attributes = " ".join(re.findall(r'(?:title|aria-label|alt)="([^"]*)"', content))
    return strip_tags(content) + " " + attributes


@pytest.mark.parametrize("path", PAGES)
def test_no_page_the_ministry_reads_names_a_region(ministry_client, path):
    response = ministry_client.get(path)
    assert response.status_code == 200, path
    text = _visible_text(response)
    assert [name for name in _names() if re.search(rf"\b{re.escape(name)}\b", text)] == []


def test_the_ministry_reads_the_reports_figures_in_sentences(ministry_client):
    text = strip_tags(ministry_client.get("/national/icms-2013/").content.decode())
    for sentence in ["In 6 van de 25 veiligheidsregio", "in 19 per brigade"]:
        assert sentence in text


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_ministrys_downloads_name_no_region(ministry_client, fmt):
    response = ministry_client.get(f"/national/icms-2013/report.{fmt}")
    assert response.status_code == 200
    if fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            cell.text for table in document.tables for row in table.rows for cell in row.cells)
    else:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
        text = "\n".join(str(value) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                         for value in row if value is not None)
    assert [name for name in _names() if re.search(rf"\b{re.escape(name)}\b", text)] == []
