import csv
import io
from pathlib import Path

import pytest

from assessments.models import Answer
from tests.exchange.conftest import demo_answer_count, region_question_count

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DEMO_ANSWERS = Path(__file__).resolve().parents[2] / "assessments" / "demo" / "2013-region-answers.csv"


def test_an_inspector_uploads_a_bad_file_sees_the_lines_then_uploads_the_good_one(login, page, inspector, tmp_path):
    bad = tmp_path / "fout.csv"
    bad.write_text("region_code,question_code,value,comment\nVR13,ovr_assigned,ja,\nVR13,ovr_workplace,misschien,\n", encoding="utf-8")
    login(inspector)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Uitwisseling").click()
    upload = page.get_by_role("region", name="Antwoorden importeren")
    upload.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(bad))
    upload.get_by_role("button", name="Controleren en importeren").click()

    refusal = page.get_by_role("alert")
    assert "Niets geïmporteerd: het bestand bevat 1 fout." in refusal.inner_text()
    assert refusal.get_by_role("row").nth(1).inner_text().split("\t") == [
        "3",
        "ovr_workplace: ‘misschien’ is geen geldig ja/nee-antwoord; gebruik ja of nee.",
    ]
    assert not Answer.objects.exists()

    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(DEMO_ANSWERS))
    page.get_by_role("button", name="Controleren en importeren").click()
    count = demo_answer_count()
    assert f"antwoorden {count} nieuw, 0 gewijzigd, 0 ongewijzigd" in page.get_by_role("alert").inner_text()
    assert Answer.objects.count() == count


def test_a_contact_person_downloads_the_blank_template_of_their_region(login, page, contact_vr13):
    login(contact_vr13)
    page.goto("/assessments/exchange/")
    page.get_by_label("Leeg sjabloon (alle vragen, zonder antwoorden)").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Downloaden").click()
    download = download_info.value
    assert download.suggested_filename == "sjabloon-antwoorden-2013.csv"
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["region_code", "question_code", "value", "comment"]
    assert {row[0] for row in rows[1:]} == {"VR13"}
    assert len(rows) == 1 + region_question_count()
