import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.exchange import answers_import_file
from assessments.models import Answer
from findings.models import Finding
from tests.exchange.conftest import (
    DEMO_ANSWERS,
    as_exported,
    csv_bytes,
    demo_answer_count,
    region_question_count,
    snapshot,
    xlsx_rows,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def regions_in(response) -> set[str]:
    return {row["region_code"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8")))}


def test_an_inspector_uploads_the_demo_answers_and_sees_what_was_imported(client_for, inspector, demo_answers):
    client = client_for(inspector)
    response = client.post(reverse("assessments:import"), {"round": "2013", "file": upload("antwoorden.csv", demo_answers)}, follow=True)
    count = demo_answer_count()
    assert f"antwoorden.csv is geïmporteerd in meting 2013: antwoorden {count} nieuw, 0 gewijzigd, 0 ongewijzigd" in response.content.decode()
    assert Answer.history.filter(history_user=inspector, history_change_reason="import antwoorden.csv").count() == count


def test_a_refused_upload_lists_every_error_with_its_line_and_changes_nothing(client_for, inspector, imported):
    before = snapshot()
    bad = csv_bytes("VR13,ovr_assigned,nee,", "VR99,ovr_assigned,ja,", "VR13,ovr_workplace,misschien,")
    response = client_for(inspector).post(reverse("assessments:import"), {"round": "2013", "file": upload("fout.csv", bad)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Niets geïmporteerd: het bestand bevat 2 fouten." in page
    assert "<td>3</td><td>Onbekende regiocode ‘VR99’; gebruik VR01 tot en met VR25 (of B11, B13, B43 voor de brigadevragenlijst).</td>" in page
    assert "<td>4</td><td>ovr_workplace: ‘misschien’ is geen geldig ja/nee-antwoord; gebruik ja of nee.</td>" in page
    assert snapshot() == before


def test_an_upload_without_a_file_asks_for_one(client_for, inspector):
    response = client_for(inspector).post(reverse("assessments:import"), {"round": "2013"})
    assert "Dit veld is verplicht" in response.content.decode()


@pytest.mark.parametrize("persona", ["ovr_vr13", "contact_vr13", "rmc_11", "ministry"])
def test_only_inspectors_may_upload_answers(persona, request, client_for, demo_answers):
    response = client_for(request.getfixturevalue(persona)).post(
        reverse("assessments:import"), {"round": "2013", "file": upload("a.csv", demo_answers)}
    )
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_an_ovr_downloads_only_their_own_region(client_for, ovr_vr13, imported):
    response = client_for(ovr_vr13).get(reverse("assessments:export"), {"round": "2013"})
    assert response["Content-Disposition"] == 'attachment; filename="antwoorden-2013.csv"'
    assert regions_in(response) == {"VR13"}


def test_an_rmc_downloads_the_regions_of_their_brigade(client_for, rmc_11, imported):
    from regions.models import Region

    response = client_for(rmc_11).get(reverse("assessments:export"), {"round": "2013"})
    assert regions_in(response) == set(Region.objects.filter(brigade__number=11).values_list("code", flat=True))


def test_an_ovr_cannot_download_another_region(client_for, ovr_vr13, imported):
    assert client_for(ovr_vr13).get(reverse("assessments:export"), {"round": "2013", "region": "VR14"}).status_code == 404


def test_the_blank_template_for_a_region_has_every_question_and_no_values(client_for, contact_vr13):
    response = client_for(contact_vr13).get(reverse("assessments:export"), {"round": "2013", "region": "VR13", "blank": "1", "format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="sjabloon-antwoorden-2013-VR13.xlsx"'
    rows = xlsx_rows(response.content)
    assert len(rows) == 1 + region_question_count()
    assert {row[2] for row in rows[1:]} == {""}


def test_a_download_with_a_bad_format_shows_the_form_again(client_for, inspector):
    response = client_for(inspector).get(reverse("assessments:export"), {"round": "2013", "format": "pdf"})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_exchange_page_offers_uploads_to_inspectors_only(client_for, inspector, ovr_vr13):
    page = client_for(inspector).get(reverse("assessments:exchange")).content.decode()
    assert reverse("assessments:import") in page and reverse("findings:judgments_import") in page
    page = client_for(ovr_vr13).get(reverse("assessments:exchange")).content.decode()
    assert reverse("assessments:import") not in page and reverse("findings:judgments_export") not in page
    assert "VR13" in page and "VR14" not in page


def test_the_exchange_page_and_menu_entry_are_reached_by_an_inspector(client_for, inspector):
    page = client_for(inspector).get(reverse("home")).content.decode()
    assert f'href="{reverse("assessments:exchange")}"' in page


def test_an_inspector_uploads_judgments_and_downloads_them_again(client_for, inspector, demo_judgments):
    client = client_for(inspector)
    response = client.post(reverse("findings:judgments_import"), {"round": "2013", "file": upload("oordelen.csv", demo_judgments)}, follow=True)
    assert "oordelen 225 nieuw" in response.content.decode()
    download = client.get(reverse("findings:judgments_export"), {"round": "2013"})
    assert download.content == as_exported(demo_judgments)
    assert download["Content-Disposition"] == 'attachment; filename="oordelen-2013.csv"'


def test_a_refused_judgments_upload_names_the_line_and_imports_nothing(client_for, inspector):
    bad = csv_bytes("VR13,3.1.1,voldoet,", "VR13,3.3.2,voldoet,", header="region_code,csf,judgment,finding\n")
    response = client_for(inspector).post(reverse("findings:judgments_import"), {"round": "2013", "file": upload("o.csv", bad)})
    assert "<td>3</td><td>3.3.2 wordt per brigade beoordeeld, niet per regio; gebruik de brigadecode (B11, B13 of B43).</td>" in response.content.decode()
    assert not Finding.objects.exists()


@pytest.mark.parametrize("persona", ["ovr_vr13", "rmc_11", "ministry"])
def test_only_inspectors_may_upload_or_download_judgments(persona, request, client_for, demo_judgments):
    client = client_for(request.getfixturevalue(persona))
    assert client.post(reverse("findings:judgments_import"), {"round": "2013", "file": upload("o.csv", demo_judgments)}).status_code == 403
    assert client.get(reverse("findings:judgments_export"), {"round": "2013"}).status_code == 403
    assert not Finding.objects.exists()


# --- pinned query counts, constant in the amount of data ------------------------------------------------


def test_the_answers_download_takes_the_same_number_of_queries_for_one_region_or_all(
    client_for, inspector, round_2013, django_assert_num_queries
):
    client = client_for(inspector)
    url = reverse("assessments:export")
    one = csv_bytes("VR13,ovr_assigned,ja,")
    answers_import_file(name="een.csv", data=one, round=round_2013, by=inspector)
    with django_assert_num_queries(4):
        small = client.get(url, {"round": "icms-2013"})
    answers_import_file(name="alle.csv", data=DEMO_ANSWERS.read_bytes(), round=round_2013, by=inspector)
    with django_assert_num_queries(4):
        large = client.get(url, {"round": "icms-2013"})
    assert len(large.content) > 100 * len(small.content)


def test_the_exchange_page_takes_the_same_number_of_queries_for_one_region_or_many(client_for, django_assert_num_queries):
    from accounts.models import Role
    from regions.models import Region

    few = UserFactory(username="ovr.een", role=Role.OVR, regions=list(Region.objects.filter(code="VR13")))
    many = UserFactory(username="ovr.veel", role=Role.OVR, regions=list(Region.objects.filter(code__lte="VR12")))
    counts = []
    for user in (few, many):
        client = client_for(user)
        # 7: one of them is the menu's own entries for the respondent (cmsaudit/navigation.py).
        with django_assert_num_queries(7) as captured:
            client.get(reverse("assessments:exchange"))
        counts.append(len(captured))
    assert counts[0] == counts[1]
