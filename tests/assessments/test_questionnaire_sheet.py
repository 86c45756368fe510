"""A planned round's questionnaire downloaded as XLSX or YAML, changed and uploaded: checked whole as a package's
questionnaire is, every error named by file and row (or line), loaded only when all is well."""

from __future__ import annotations

import io
import re
from html import unescape

import openpyxl
import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.definitions import content_hash
from assessments.models import Questionnaire
from assessments.questionnaire_sheet import COLUMNS, definition_from_xlsx, definition_xlsx
from assessments.rounds import questionnaire_definition, round_create
from framework.models import Framework, Round

ROUND_2016 = "/rounds/icms-2016/"
UPLOAD = "/rounds/icms-2016/questionnaires/region/upload/"


@pytest.fixture
def round_2016(db) -> Round:
    return round_create(framework=Framework.objects.get(code="icms"), year=2016, source=Round.objects.get(code="icms-2013"))


def region_2016() -> Questionnaire:
    return Questionnaire.objects.latest_for(Round.objects.get(code="icms-2016"), "region")


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(response.content.decode()))


def workbook_of(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row_of(sheet, code: str) -> int:
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == code)


def upload(client, name: str, data: bytes, url: str = UPLOAD):
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("audience", ["region", "brigade"])
def test_every_icms_questionnaire_reads_back_from_its_workbook_exactly(db, audience):
    for questionnaire in Questionnaire.objects.filter(audience=audience, round__framework__code="icms"):
        data = questionnaire_definition(questionnaire)
        assert content_hash(definition_from_xlsx("q.xlsx", definition_xlsx(data))) == content_hash(data), questionnaire


def test_the_download_has_one_row_per_question_with_every_column(client_for, inspector, round_2016):
    response = client_for(inspector).get("/rounds/icms-2016/questionnaires/region.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="icms-2016-region.xlsx"'
    sheet = workbook_of(response.content)["Vragen"]
    assert tuple(cell.value for cell in sheet[1]) == COLUMNS
    assert sheet.max_row - 1 == region_2016().questions.count()
    row = row_of(sheet, "ovr_assigned")
    cells = {key: sheet.cell(row, column).value for column, key in enumerate(COLUMNS, start=1)}
    assert cells["success_factor"] == "3.1.1" and cells["kind"] == "yes_no"
    assert (cells["continues"], cells["relation"]) == ("2013:ovr_assigned", "same")


def test_the_yaml_download_is_the_definition(client_for, inspector, round_2016):
    response = client_for(inspector).get("/rounds/icms-2016/questionnaires/region.yaml")
    assert yaml.safe_load(response.content) == questionnaire_definition(region_2016())


def test_an_unchanged_upload_changes_nothing(client_for, inspector, round_2016):
    client = client_for(inspector)
    before = region_2016()
    response = upload(client, "icms-2016-region.xlsx", client.get("/rounds/icms-2016/questionnaires/region.xlsx").content)
    assert response.status_code == 302
    assert "er is niets gewijzigd" in text(client.get(ROUND_2016))
    assert region_2016().content_hash == before.content_hash


def test_a_question_reworded_in_the_workbook_is_loaded_and_still_continues_2013(client_for, inspector, round_2016):
    client = client_for(inspector)
    workbook = workbook_of(client.get("/rounds/icms-2016/questionnaires/region.xlsx").content)
    sheet = workbook["Vragen"]
    sheet.cell(row_of(sheet, "ovr_assigned"), COLUMNS.index("text") + 1).value = "Heeft de regio een beroeps-OVR?"
    response = upload(client, "gewijzigd.xlsx", saved(workbook))
    assert response.status_code == 302
    question = region_2016().questions.get(code="ovr_assigned")
    assert question.text == "Heeft de regio een beroeps-OVR?"
    assert (question.continues.questionnaire.round.code, question.continues_relation) == ("icms-2013", "same")
    assert "De vragenlijst is vervangen door gewijzigd.xlsx." in text(client.get(ROUND_2016))


def test_an_upload_with_errors_names_every_one_by_file_and_row_and_changes_nothing(client_for, inspector, round_2016):
    client = client_for(inspector)
    before = region_2016().content_hash
    workbook = workbook_of(client.get("/rounds/icms-2016/questionnaires/region.xlsx").content)
    sheet = workbook["Vragen"]
    sheet.cell(3, COLUMNS.index("success_factor") + 1).value = "9.9"
    sheet.cell(5, COLUMNS.index("kind") + 1).value = "essay"
    sheet.cell(7, COLUMNS.index("bounds") + 1).value = "vanaf 3"
    response = upload(client, "fout.xlsx", saved(workbook))
    assert response.status_code == 400
    html = text(response)
    assert "fout.xlsx is niet geladen: 1 fout." in html  # the row that cannot be read is reported first
    assert "fout.xlsx, rij 7: bounds: &#x27;vanaf 3&#x27;" in html or "fout.xlsx, rij 7: bounds: 'vanaf 3'" in html
    sheet.cell(7, COLUMNS.index("bounds") + 1).value = None
    html = text(upload(client, "fout.xlsx", saved(workbook)))
    assert "fout.xlsx is niet geladen: 5 fouten." in html  # with what follows from them (criterion, norm, sentence)
    assert "fout.xlsx, rij 3: vraag 2" in html and "onbekende succesfactor '9.9'" in html
    assert "fout.xlsx, rij 5: vraag 4" in html and "onbekende soort 'essay'" in html
    assert region_2016().content_hash == before


def test_other_answer_options_under_same_are_refused_and_taken_as_reworded(client_for, inspector, round_2016):
    client = client_for(inspector)
    data = questionnaire_definition(region_2016())
    question = next(q for q in data["questions"] if q.get("choices"))
    question["choices"].append({"code": "anders", "label": "Anders"})
    response = upload(client, "2016-region.yaml", yaml.safe_dump(data, allow_unicode=True).encode())
    html = text(response)
    assert response.status_code == 400
    assert re.search(r"2016-region\.yaml, regel \d+: vraag " + question["code"], html)
    assert "de relatie is dan reworded, niet same" in html
    question["continues"]["relation"] = "reworded"
    assert upload(client, "2016-region.yaml", yaml.safe_dump(data, allow_unicode=True).encode()).status_code == 302
    assert region_2016().questions.get(code=question["code"]).continues_relation == "reworded"


def test_a_yaml_upload_with_errors_names_file_and_line(client_for, inspector, round_2016):
    response = upload(client_for(inspector), "kapot.yaml", b"round: 2016\naudience: region\nquestions: [\n")
    assert response.status_code == 400
    assert "kapot.yaml, regel 4: geen geldige YAML" in text(response)


def test_a_questionnaire_of_an_open_round_is_not_changed(client_for, inspector, round_2016):
    Round.objects.filter(pk=round_2016.pk).update(status="open")
    client = client_for(inspector)
    response = upload(client, "q.xlsx", client.get("/rounds/icms-2016/questionnaires/region.xlsx").content)
    assert response.status_code == 400
    assert "Meting icms-2016 is al open; de vragenlijst ligt vast." in text(response)
    assert "Controleren en laden" not in text(client.get(ROUND_2016))


def test_a_file_for_another_round_or_audience_is_refused(client_for, inspector, round_2016):
    client = client_for(inspector)
    data = client.get("/rounds/icms-2016/questionnaires/brigade.yaml").content
    html = text(upload(client, "brigade.yaml", data))
    assert "niet voor region (audience)" in html
