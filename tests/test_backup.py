"""Backup and restore: a round trip gives back every row (answers, judgments, history) and every uploaded byte."""

import io
import tarfile

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from assessments import services
from assessments.models import Answer, Evidence
from findings.models import Finding, Judgment
from findings.services import finding_save
from framework.models import Round, SuccessFactor
from regions.models import Region
from tests.factories import subject

# pg_dump and pg_restore see only committed rows, so this test commits; the reference data that the flush
# afterwards removes is put back for the tests after it (serialized_rollback, or the snapshot below).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 64


@pytest.fixture(autouse=True)
def reference_data():
    contents = getattr(connection, "_test_serialized_contents", None)
    if not Region.objects.exists():
        if contents is None:
            pytest.fail("De referentiegegevens ontbreken en er is geen momentopname om ze terug te zetten.")
        connection.creation.deserialize_db_from_string(contents)


def every_row() -> dict[str, list[dict]]:
    """Every row of every table the application owns, history tables included, ordered by key."""
    return {model._meta.label: list(model._default_manager.order_by("pk").values())
            for model in apps.get_models() if model._meta.managed}


def every_file(root) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def filled_in(inspector, ovr_vr13, settings):
    """VR13's 2013 questionnaire with answers (one saved twice), an evidence document, and judgments."""
    round = Round.objects.get(year=2013)
    assessment = services.assessment_start(round=round, subject=subject("VR13"), by=ovr_vr13)
    questions = list(assessment.questionnaire.questions.filter(kind="text").order_by("order")[:2])
    for number, question in enumerate(questions):
        services.answer_save(assessment=assessment, question=question, value=f"Antwoord {number} — één",
                             comment="Toelichting", base_revision=0, by=ovr_vr13)
    answer = services.answer_save(assessment=assessment, question=questions[0], value="Herzien antwoord",
                                  base_revision=1, by=ovr_vr13)
    services.evidence_add(assessment=assessment, answer=answer, by=ovr_vr13, description="Oefenplan",
                          upload=SimpleUploadedFile("oefenplan.pdf", PDF, content_type="application/pdf"))
    factors = SuccessFactor.objects.filter(subject_kind="region").order_by("code")[:2]
    for factor, judgment in zip(factors, [Judgment.VOLDOET, Judgment.VOLDOET_NIET], strict=True):
        finding_save(round=round, subject=subject("VR13"), success_factor=factor, text=f"Bevinding {factor.code}.",
                     judgment=judgment, by=inspector)
    return assessment


def test_a_backup_restores_every_answer_judgment_history_entry_and_file_byte(filled_in, settings, tmp_path):
    archive = tmp_path / "reservekopie.tar.gz"
    rows, files = every_row(), every_file(settings.MEDIA_ROOT)
    assert Answer.history.count() >= 3 and Finding.history.count() >= 2 and len(files) == 1

    call_command("backup", str(archive), stdout=io.StringIO())

    # Lose and alter data after the backup: an answer, a judgment, the document and its file, and add a stray file.
    evidence = Evidence.objects.get()
    evidence.file.delete(save=False)
    evidence.delete()
    Answer.objects.filter(assessment=filled_in).first().delete()
    Finding.objects.filter(judgment=Judgment.VOLDOET).update(judgment=Judgment.VOLDOET_GEDEELTELIJK, text="Gewijzigd")
    (settings.MEDIA_ROOT / "verdwaald.txt").write_bytes(b"hoort er niet bij")
    assert every_row() != rows

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    assert every_row() == rows
    assert every_file(settings.MEDIA_ROOT) == files
    assert Evidence.objects.get().file.read() == PDF


def test_a_damaged_archive_is_refused_and_nothing_changes(filled_in, settings, tmp_path):
    archive = tmp_path / "reservekopie.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    rows = every_row()

    # One byte of the uploaded file changed inside an otherwise valid archive: its checksum no longer matches.
    altered = tmp_path / "veranderd.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(altered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + b"!"
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="beschadigd.*klopt niet met het controlegetal.*niets teruggezet"):
        call_command("restore", str(altered), interactive=False)

    truncated = tmp_path / "afgebroken.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="beschadigd"):
        call_command("restore", str(truncated), interactive=False)

    assert every_row() == rows
