import csv
import io
from collections import Counter

import pytest
from django.utils import timezone

from findings.exchange import (
    ImportRefused,
    judgments_export,
    judgments_import,
    judgments_import_file,
    parse_judgment_file,
)
from findings.models import Finding
from national.queries import national_picture
from tests.exchange.conftest import as_exported, csv_bytes, snapshot, xlsx_rows
from tests.factories import FindingFactory

pytestmark = pytest.mark.django_db

HEADER = "region_code,csf,judgment,finding\n"


def judgments(*rows: str) -> bytes:
    return csv_bytes(*rows, header=HEADER)


def file_counts(data: bytes) -> Counter:
    return Counter((row["csf"], row["judgment"]) for row in csv.DictReader(io.StringIO(data.decode("utf-8"))))


@pytest.fixture
def imported(round_2013, demo_judgments, inspector):
    return judgments_import_file(name="2013-judgments.csv", data=demo_judgments, round=round_2013, by=inspector)


def test_an_imported_judgments_file_gives_exactly_its_counts(imported, round_2013, demo_judgments):
    stored = Counter(Finding.objects.filter(round=round_2013).values_list("success_factor__code", "judgment"))
    assert stored == file_counts(demo_judgments)
    assert imported.created == 225


def test_the_national_picture_shows_exactly_the_imported_counts(imported, round_2013, demo_judgments):
    expected = file_counts(demo_judgments)
    picture = national_picture(round_2013)["success_factors"]
    for (csf, judgment), count in expected.items():
        assert picture[csf]["counts"][judgment] == count
    assert picture["3.4.1"]["counts"] == {"voldoet": 3, "voldoet_gedeeltelijk": 22, "voldoet_niet": 0, "niet_beoordeeld": 0}


def test_exporting_the_imported_demo_judgments_gives_back_the_same_file(imported, round_2013, demo_judgments):
    assert judgments_export(round=round_2013) == as_exported(demo_judgments)


def test_export_import_export_as_xlsx_gives_the_same_judgments(imported, round_2013, inspector):
    before = snapshot()
    first = judgments_export(round=round_2013, fmt="xlsx")
    again = judgments_import_file(name="oordelen.xlsx", data=first, round=round_2013, by=inspector)
    assert (again.written, again.unchanged) == (0, 225)
    assert snapshot() == before
    assert xlsx_rows(judgments_export(round=round_2013, fmt="xlsx")) == xlsx_rows(first)


def test_importing_the_same_judgments_twice_changes_nothing(imported, round_2013, demo_judgments, inspector):
    before = snapshot()
    judgments_import_file(name="2013-judgments.csv", data=demo_judgments, round=round_2013, by=inspector)
    assert snapshot() == before


def test_a_changed_judgment_is_saved_with_history_naming_the_inspector_and_the_file(imported, round_2013, inspector):
    result = judgments_import_file(name="correctie.csv", data=judgments("VR13,3.4.1,voldoet_niet,Herzien."), round=round_2013, by=inspector)
    assert (result.changed, result.created) == (1, 0)
    finding = Finding.objects.get(subject__code="VR13", success_factor__code="3.4.1")
    assert (finding.judgment, finding.text, finding.revision) == ("voldoet_niet", "Herzien.", 2)
    latest = finding.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (inspector, "import correctie.csv")


def test_brigade_factors_are_imported_with_a_brigade_code(round_2013, inspector):
    judgments_import_file(name="b.csv", data=judgments("B11,3.3.1,voldoet,RMC 11 paraat.", "b43,3.3.2,voldoet gedeeltelijk,"), round=round_2013, by=inspector)
    assert sorted(Finding.objects.values_list("subject__code", "success_factor__code", "judgment")) == [
        ("B11", "3.3.1", "voldoet"),
        ("B43", "3.3.2", "voldoet_gedeeltelijk"),
    ]
    assert national_picture(round_2013)["success_factors"]["3.3.1"]["counts"]["voldoet"] == 1


def test_the_service_imports_already_read_rows_for_the_demo_loader(round_2013, demo_judgments):
    table = parse_judgment_file("2013-judgments.csv", demo_judgments)
    assert judgments_import(rows=table.rows, round=round_2013, by=None, source="demo").created == 225


BAD_FILES = {
    "unknown region": (judgments("VR13,3.1.1,voldoet,", "VR26,3.1.1,voldoet,"), 3, "Onbekende code ‘VR26’"),
    "unknown success factor": (judgments("VR13,3.9.9,voldoet,"), 2, "Onbekende succesfactor ‘3.9.9’"),
    "bad judgment": (judgments("VR13,3.1.1,voldoet,", "VR13,3.1.2,prima,"), 3, "‘prima’ is geen geldig oordeel"),
    "missing judgment": (judgments("VR13,3.1.1,,Wel tekst."), 2, "Het oordeel ontbreekt"),
    "brigade factor for a region": (judgments("VR13,3.3.1,voldoet,"), 2, "3.3.1 wordt per brigade beoordeeld, niet per regio"),
    "region factor for a brigade": (judgments("B11,3.1.1,voldoet,"), 2, "3.1.1 wordt per veiligheidsregio beoordeeld"),
    "duplicate row": (judgments("VR13,3.1.1,voldoet,", "VR13,3.1.1,voldoet_niet,"), 3, "staat ook al op regel 2"),
    "answers header": (csv_bytes("VR13,ovr_assigned,ja,"), 1, "De kopregel moet precies ‘region_code,csf,judgment,finding’"),
    "empty file": (b"", 1, "Het bestand is leeg"),
    "not UTF-8": (judgments("VR13,3.1.1,voldoet,") + "VR14,3.1.1,voldoet,één\n".encode("latin-1"), 3, "niet in UTF-8"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_judgments_file_imports_nothing_and_names_the_line(case, imported, round_2013, inspector):
    data, line, message = BAD_FILES[case]
    before = snapshot()
    with pytest.raises(ImportRefused) as refusal:
        judgments_import_file(name="bad.csv", data=data, round=round_2013, by=inspector)
    assert any(e.line == line and message in e.message for e in refusal.value.errors), refusal.value.errors
    assert snapshot() == before


def test_a_published_round_takes_no_more_judgments(round_2013, inspector):
    FindingFactory(judgment="voldoet")
    # Publishing closes the round (the database refuses a published round that is still open).
    round_2013.published_at = timezone.now()
    round_2013.status = "closed"
    round_2013.save()
    before = snapshot()
    with pytest.raises(ImportRefused) as refusal:
        judgments_import_file(name="laat.csv", data=judgments("VR13,3.1.1,voldoet_niet,"), round=round_2013, by=inspector)
    assert "is gepubliceerd" in str(refusal.value)
    assert snapshot() == before
