"""The journey of issue 15 in Chromium: an inspector makes icms-2016 from icms-2013 in the interface, changes one
question by XLSX upload (an upload with errors names every one by file and row first), chooses the parties and
sets the deadlines, and opens the round; the OVR of VR13 then fills in the changed question with the region's 2013
answer beside it. And a package upload with errors names every error with file and line."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from assessments import services
from assessments.models import Answer
from assessments.questionnaire_sheet import COLUMNS
from framework.models import Round
from tests.factories import subject
from tests.packages import WS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_TEXT = "Heeft de veiligheidsregio een beroeps-OVR aangesteld?"


def log_in(page: Page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def workbook_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload_questionnaire(page: Page, name: str, data: bytes) -> None:
    page.get_by_label("Gewijzigde vragenlijst (veiligheidsregio, XLSX of YAML)").set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    )
    page.get_by_role("button", name="Controleren en laden veiligheidsregio").click()


def test_an_inspector_sets_up_the_next_round_and_an_ovr_sees_the_2013_answer_beside_the_changed_question(
    page, inspector, ovr_vr13, contact_vr13, tmp_path
):
    # VR13 answered in 2013 that it has a professional OVR.
    assessment = services.assessment_start(round=Round.objects.get(code="icms-2013"), subject=subject("VR13"), by=ovr_vr13)
    question = assessment.questionnaire.questions.get(code="ovr_assigned")
    services.answer_save(assessment=assessment, question=question, value="ja", base_revision=0, by=ovr_vr13)

    # The inspector makes icms-2016 from icms-2013.
    log_in(page, inspector.username)
    page.get_by_role("link", name="Metingen", exact=True).click()
    page.get_by_label("Toetsingskader").select_option("icms")
    page.get_by_label("Jaar").fill("2016")
    page.get_by_label("Vervolg op meting").select_option("icms-2013")
    page.get_by_label("Soort meting").select_option("vervolgmeting")
    page.get_by_role("button", name="Meting maken").click()
    expect(page).to_have_url(re.compile(r"/rounds/icms-2016/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meting icms-2016")

    # Downloads the region questionnaire as XLSX.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download XLSX veiligheidsregio").click()
    path = tmp_path / "icms-2016-region.xlsx"
    download_info.value.save_as(path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Vragen"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "ovr_assigned")

    # An upload with errors names every one by file and row, and changes nothing.
    kind = sheet.cell(row + 1, COLUMNS.index("kind") + 1).value
    sheet.cell(row, COLUMNS.index("success_factor") + 1).value = "9.9"
    sheet.cell(row + 1, COLUMNS.index("kind") + 1).value = "essay"
    upload_questionnaire(page, "fout.xlsx", workbook_bytes(workbook))
    errors = page.locator("ul.upload-errors li")
    expect(errors.filter(has_text=f"fout.xlsx, rij {row}: vraag")).not_to_have_count(0)
    expect(errors.filter(has_text="onbekende succesfactor '9.9'")).to_have_count(1)
    expect(errors.filter(has_text=f"fout.xlsx, rij {row + 1}: vraag")).not_to_have_count(0)
    expect(errors.filter(has_text="onbekende soort 'essay'")).to_have_count(1)

    # Changes one question's text, and uploads it.
    sheet.cell(row, COLUMNS.index("success_factor") + 1).value = "3.1.1"
    sheet.cell(row + 1, COLUMNS.index("kind") + 1).value = kind
    sheet.cell(row, COLUMNS.index("text") + 1).value = NEW_TEXT
    upload_questionnaire(page, "icms-2016-region.xlsx", workbook_bytes(workbook))
    expect(page.get_by_role("alert").filter(has_text="De vragenlijst is vervangen door icms-2016-region.xlsx.")).to_be_visible()

    # VR13 takes part alone, with its own deadline; the round has its deadlines.
    for box in page.locator("table.parties input[type=checkbox]").all():
        if box.get_attribute("name") != "party-VR13":
            box.uncheck()
    page.get_by_label("Deadline indienen vragenlijsten").fill("2016-04-01")
    page.get_by_label("Deadline verificatie").fill("2016-06-01")
    page.get_by_label("Eigen deadline indienen van VR13").fill("2016-03-15")
    page.get_by_role("button", name="Deelnemers en deadlines opslaan").click()
    expect(page.get_by_text("1 partij neemt deel.")).to_be_visible()
    expect(page.locator("#party-VR13 .respondents")).to_contain_text(ovr_vr13.get_full_name())
    expect(page.locator(".checklist li.todo")).to_have_count(0)

    # Opens the round.
    page.get_by_role("button", name="Meting openen").click()
    expect(page.locator(".round-status")).to_have_text("open")

    # The OVR of VR13 finds the questionnaire with its deadline, starts it and answers the changed question, with
    # the region's 2013 answer beside it.
    log_in(page, ovr_vr13.username)
    work = page.get_by_role("link", name=re.compile("Vragenlijst 2016 voor VR13"))
    expect(work.locator("xpath=..")).to_contain_text("indienen vóór 15 maart 2016")
    work.click()
    page.get_by_role("button", name="Vragenlijst beginnen").click()
    card = page.locator("#q-ovr_assigned")
    expect(card.locator("legend")).to_contain_text(NEW_TEXT)
    expect(card.locator(".previous-answer")).to_have_text("Uw antwoord in 2013: ja")
    card.get_by_label("Nee").check()
    expect(card.locator(".save-state")).to_contain_text("✓ Opgeslagen")
    answer = Answer.objects.get(assessment__round__code="icms-2016", assessment__subject__code="VR13",
                                question__code="ovr_assigned")
    assert answer.value == "nee" and answer.question.text == NEW_TEXT
    assert answer.question.continues_id == question.pk


def test_a_package_upload_with_errors_names_every_one_with_file_and_line(page, inspector, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(WS.rglob("*.yaml")):
            content = path.read_text(encoding="utf-8")
            if path.name == "framework.yaml":
                content = content.replace("subject_kind: region", "subject_kind: gemeente").replace(
                    "section: ", "section: x", 1)
            archive.writestr(f"ws/{path.relative_to(WS)}", content)
    log_in(page, inspector.username)
    page.goto("/frameworks/")
    page.get_by_label("Bestand").set_input_files(
        {"name": "ws.zip", "mimeType": "application/zip", "buffer": buffer.getvalue()})
    page.get_by_role("button", name="Controleren").click()
    errors = page.locator("ul.package-errors li")
    expect(page.get_by_role("heading", name=re.compile(r"ws\.zip is niet geladen: \d+ fouten"))).to_be_visible()
    expect(errors.filter(has_text=re.compile(r"^framework\.yaml, regel \d+: succesfactor .*subject_kind"))).not_to_have_count(0)
    expect(errors.filter(has_text=re.compile(r"^framework\.yaml, regel \d+: criterium .*section"))).to_have_count(1)
