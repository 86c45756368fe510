import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from assessments.models import Answer
from findings.models import Finding
from tests.exchange.conftest import (
    DEMO_ANSWERS,
    DEMO_JUDGMENTS,
    ROOT,
    as_exported,
    csv_bytes,
    demo_answer_count,
    region_question_count,
    snapshot,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_answers_reports_what_it_did_and_export_answers_writes_the_same_file_to_stdout(inspector):
    summary = run("import_answers", str(DEMO_ANSWERS), "--round", "2013", "--user", inspector.username)
    count = demo_answer_count()
    assert f"{count} nieuw, 0 gewijzigd, 0 ongewijzigd" in summary
    assert Answer.history.filter(history_user=inspector).count() == count
    assert run("export_answers", "--round", "2013") == as_exported(DEMO_ANSWERS.read_bytes()).decode()


def test_export_answers_for_one_region_as_xlsx_writes_the_output_file(tmp_path):
    run("import_answers", str(DEMO_ANSWERS), "--round", "2013")
    target = tmp_path / "vr13.xlsx"
    run("export_answers", "--round", "2013", "--format", "xlsx", "--region", "vr13", "--output", str(target))
    rows = xlsx_rows(target.read_bytes())
    assert rows[0] == ("region_code", "question_code", "value", "comment")
    assert {row[0] for row in rows[1:]} == {"VR13"}
    assert len(rows) - 1 == Answer.objects.filter(assessment__subject__code="VR13").count()


def test_export_answers_blank_gives_every_question_for_every_region():
    lines = run("export_answers", "--round", "2013", "--blank").splitlines()
    assert len(lines) == 1 + 25 * region_question_count()
    assert lines[1] == '"VR01","ovr_assigned","",""'


def test_import_answers_refuses_a_bad_file_with_every_error_and_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "fout.csv"
    bad.write_bytes(csv_bytes("VR13,ovr_assigned,ja,", "VR99,ovr_assigned,ja,", "VR13,ovr_workplace,misschien,"))
    with pytest.raises(CommandError) as refusal:
        call_command("import_answers", str(bad), "--round", "2013")
    message = str(refusal.value)
    assert message.startswith("Niets geïmporteerd: fout.csv is geweigerd (2 fouten).")
    assert "Regel 3: Onbekende regiocode ‘VR99’" in message
    assert "Regel 4: ovr_workplace: ‘misschien’ is geen geldig ja/nee-antwoord" in message
    assert not Answer.objects.exists()


def test_a_refused_import_exits_non_zero_and_lists_the_errors_on_stderr(tmp_path):
    bad = tmp_path / "fout.csv"
    bad.write_bytes(csv_bytes("VR13,ovr_assigned,ja,", "VR13,ovr_days_per_week,7,"))
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
    }
    before = snapshot()
    process = subprocess.run(
        [sys.executable, "manage.py", "import_answers", str(bad), "--round", "2013"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert process.returncode == 1
    assert "Regel 3: ovr_days_per_week: ‘7’ is geen toegestane keuze" in process.stderr
    assert "Niets geïmporteerd" in process.stderr
    assert "Traceback" not in process.stderr
    assert snapshot() == before


def test_the_commands_name_an_unknown_round_or_user_or_file():
    with pytest.raises(CommandError, match="Meting 1999 bestaat niet"):
        call_command("export_answers", "--round", "1999")
    with pytest.raises(CommandError, match="Gebruiker niemand bestaat niet"):
        call_command("import_answers", str(DEMO_ANSWERS), "--round", "2013", "--user", "niemand")
    with pytest.raises(CommandError, match="Kan /bestaat/niet.csv niet lezen"):
        call_command("import_answers", "/bestaat/niet.csv", "--round", "2013")
    with pytest.raises(CommandError, match="Veiligheidsregio of brigade VR99 bestaat niet"):
        call_command("export_answers", "--round", "2013", "--region", "VR99")


def test_import_and_export_judgments_round_trip_through_the_commands(inspector):
    assert "225 nieuw" in run("import_judgments", str(DEMO_JUDGMENTS), "--round", "2013", "--user", inspector.username)
    assert Finding.objects.filter(round__year=2013).count() == 225
    assert run("export_judgments", "--round", "2013") == as_exported(DEMO_JUDGMENTS.read_bytes()).decode()
    assert "0 nieuw, 0 gewijzigd, 225 ongewijzigd" in run("import_judgments", str(DEMO_JUDGMENTS), "--round", "2013")


def test_import_judgments_refuses_a_bad_file_and_writes_nothing(tmp_path):
    bad = tmp_path / "oordelen.csv"
    bad.write_bytes(csv_bytes("VR13,3.1.1,voldoet,", "VR13,3.3.1,voldoet,", header="region_code,csf,judgment,finding\n"))
    with pytest.raises(CommandError) as refusal:
        call_command("import_judgments", str(bad), "--round", "2013")
    assert "Regel 3: 3.3.1 wordt per brigade beoordeeld, niet per regio" in str(refusal.value)
    assert not Finding.objects.exists()
