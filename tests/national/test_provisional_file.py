"""The files of an unpublished round are rendered once per data version and kept: a second download while nothing
changed is served from the store (the 2013 PDF in well under 2 s), a changed answer renders it anew."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from assessments.models import Answer, Assessment
from assessments.services import answer_save
from national import reports
from national.models import ProvisionalFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(demo_data, db, monkeypatch) -> list[str]:
    """Every file rendered, by format."""
    calls: list[str] = []
    original = reports.render

    def counting(picture, fmt, **kwargs):
        calls.append(fmt)
        return original(picture, fmt, **kwargs)

    monkeypatch.setattr(reports, "render", counting)
    return calls


def change_an_answer(by) -> None:
    # VR14's 2013 questionnaire is a draft again in the demo: its respondents are amending it.
    assessment = Assessment.objects.get(round__code="icms-2013", subject__code="VR14")
    answer = Answer.objects.filter(assessment=assessment).exclude(value="").select_related("question").first()
    answer_save(assessment=assessment, question=answer.question, value=answer.value,
                comment=answer.comment + " Aangevuld.", base_revision=answer.revision, by=by)


def test_the_2013_pdf_is_rendered_once_and_served_from_the_store_until_an_answer_changes(renders, client_for,
                                                                                         inspector):
    client = client_for(inspector)
    first = client.get("/national/icms-2013/report.pdf")
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert first["Content-Disposition"] == 'attachment; filename="landelijk-beeld-2013-voorlopig.pdf"'
    assert renders == ["pdf"]

    started = time.perf_counter()
    second = client.get("/national/icms-2013/report.pdf")
    assert time.perf_counter() - started < 2
    assert renders == ["pdf"]  # not rendered again
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]

    change_an_answer(inspector)
    third = client.get("/national/icms-2013/report.pdf")
    assert renders == ["pdf", "pdf"]
    assert third.status_code == 200 and third.content.startswith(b"%PDF")
    assert ProvisionalFile.objects.filter(round__code="icms-2013", format="pdf").count() == 1  # replaced, not added


def test_each_reader_and_language_has_its_own_kept_file(renders, client_for, inspector, ministry):
    inspectors = client_for(inspector).get("/national/icms-2013/indicators.csv").content
    ministrys = client_for(ministry).get("/national/icms-2013/indicators.csv").content
    assert renders == ["csv", "csv"]
    assert client_for(ministry).get("/national/icms-2013/indicators.csv").content == ministrys
    assert client_for(inspector).get("/national/icms-2013/indicators.csv").content == inspectors
    assert renders == ["csv", "csv"]
    client = client_for(ministry)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.get("/national/icms-2013/indicators.csv").status_code == 200
    assert renders == ["csv", "csv", "csv"]
    assert {(f.audience, f.language) for f in ProvisionalFile.objects.filter(format="csv")} == {
        ("detail", "nl"), ("national", "nl"), ("national", "en")}


def test_the_report_command_serves_the_kept_file_too(renders, client_for, inspector, tmp_path):
    client_for(inspector).get("/national/icms-2013/report.docx")
    target = tmp_path / "report.docx"
    call_command("national_report", "--round", "icms-2013", "--format", "docx", "--output", str(target))
    assert renders == ["docx"]
    assert target.read_bytes() == bytes(ProvisionalFile.objects.get(format="docx", audience="detail").content)
