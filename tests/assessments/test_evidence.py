"""Evidence documents: type judged by content, size limit, stored privately, served only to readers."""

import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Evidence
from assessments.services import answer_save, evidence_add

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 40


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize(("name", "data", "content_type"), [
    ("oefenplan.pdf", PDF, "application/pdf"),
    ("foto.png", PNG, "image/png"),
    ("foto.JPG", JPEG, "image/jpeg"),
    ("convenant.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("planning.xlsx", None, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("evaluatie.odt", ODT, "application/vnd.oasis.opendocument.text"),
])
def test_the_accepted_document_types_are_recognised_by_content(assessment, ovr_vr13, name, data, content_type):
    evidence = evidence_add(assessment=assessment, upload=upload(name, data if data is not None else xlsx()),
                            by=ovr_vr13)
    assert (evidence.content_type, evidence.original_name) == (content_type, name)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("rapport.pdf", EXE, "wordt niet geaccepteerd"),
    ("rapport.pdf", PNG, "naar de inhoud een PNG-afbeelding"),
    ("werkmap.xlsx", DOCX, "naar de inhoud een Word-document"),
    ("archief.docx", zipped({"a.txt": b"x"}), "wordt niet geaccepteerd"),
    ("leeg.pdf", b"", "leeg"),
])
def test_a_file_whose_content_is_not_what_we_accept_or_not_what_its_name_says_is_refused(
    assessment, ovr_vr13, name, data, message
):
    with pytest.raises(ValidationError) as error:
        evidence_add(assessment=assessment, upload=upload(name, data), by=ovr_vr13)
    assert message in error.value.messages[0]
    assert not Evidence.objects.exists()


def test_a_file_over_the_size_limit_is_refused(assessment, ovr_vr13, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        evidence_add(assessment=assessment, upload=upload("groot.pdf", PDF + b"0" * 2048), by=ovr_vr13)
    assert "te groot" in error.value.messages[0]


def test_evidence_is_stored_under_media_root_with_a_generated_name(assessment, ovr_vr13, settings):
    evidence = evidence_add(assessment=assessment, upload=upload("../../geheim.pdf", PDF), by=ovr_vr13)
    path = evidence.file.path
    assert path.startswith(str(settings.MEDIA_ROOT))
    assert "geheim" not in path and path.endswith(".pdf")
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.STATIC_ROOT))


def test_an_upload_through_the_page_can_be_attached_to_an_answer(assessment, question, ovr_vr13, client_for):
    answer_save(assessment=assessment, question=question("decentral_agreements"), value="ja", base_revision=0,
                by=ovr_vr13)
    client = client_for(ovr_vr13)
    client.post(reverse("assessments:evidence_upload", kwargs={"round_code": "icms-2013", "code": "VR13"}),
                {"file": upload("convenant.pdf", PDF), "question": "decentral_agreements", "description": "Convenant"})
    evidence = Evidence.objects.get()
    assert evidence.answer.question.code == "decentral_agreements"
    assert "convenant.pdf" in client.get("/assessments/icms-2013/VR13/?theme=1").content.decode()


def test_a_refused_upload_through_the_page_says_why_in_dutch(assessment, ovr_vr13, client_for):
    response = client_for(ovr_vr13).post(
        reverse("assessments:evidence_upload", kwargs={"round_code": "icms-2013", "code": "VR13"}),
        {"file": upload("virus.pdf", EXE)}, follow=True,
    )
    assert "Dit bestandstype wordt niet geaccepteerd" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [
    ("ovr_vr13", 200), ("contact_vr13", 200), ("inspector", 200), ("rmc_11", 200),
    ("ovr_vr14", 404), ("rmc_43", 404), ("ministry", 404),
])
def test_evidence_is_served_only_to_those_who_see_the_region(assessment, ovr_vr13, client_for, persona, status,
                                                               request):
    evidence = evidence_add(assessment=assessment, upload=upload("oefenplan.pdf", PDF), by=ovr_vr13)
    url = reverse("assessments:evidence_download", kwargs={"round_code": "icms-2013", "code": "VR13", "pk": evidence.pk})
    response = client_for(request.getfixturevalue(persona)).get(url)
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Content-Type"] == "application/pdf"
