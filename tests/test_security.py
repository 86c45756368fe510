"""Nobody in: uploads judged by content with capped reads, login throttling, the Content-Security-Policy,
refusals logged in one line, and e-mail links that work outside the application."""

from __future__ import annotations

import datetime
import io
import logging
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.services import evidence_check, evidence_type
from core.uploads import upload_check
from findings.models import ReportAttachment
from findings.services import report_save
from framework.models import Round
from tests.factories import InterviewReportFactory
from tests.findings.helpers import send

ROOT = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
GIB = 1 << 30


# --- uploads ---------------------------------------------------------------------------------------------


def odt_bomb() -> bytes:
    """An ODT of about 1 MB whose `mimetype` member unpacks to 1 GiB of zeros, written in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w") as member:
            chunk = bytes(1 << 20)
            for _ in range(GIB // len(chunk)):
                member.write(chunk)
        archive.writestr("content.xml", b"<office:document-content/>")
    return buffer.getvalue()


def understated(data: bytes) -> bytes:
    """The same archive whose directory claims the `mimetype` member is 39 bytes: the header lies."""
    at = data.index(b"PK\x01\x02")  # the central directory entry of the first member
    assert data[at + 46 : at + 54] == b"mimetype"
    patched = bytearray(data)
    patched[at + 24 : at + 28] = struct.pack("<I", 39)
    return bytes(patched)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    data = odt_bomb()
    assert len(data) < 2 * 1024 * 1024
    return data


def judged_cheaply(check, data: bytes, name: str = "evaluatie.odt"):
    """Run `check` on an upload; return what it raised or returned, the seconds and the peak memory it took."""
    upload = SimpleUploadedFile(name, data, content_type="application/vnd.oasis.opendocument.text")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        outcome = check(upload)
    except ValidationError as error:
        outcome = error
    finally:
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return outcome, seconds, peak


def test_an_odt_whose_mimetype_member_unpacks_to_a_gibibyte_is_refused_quickly_in_little_memory(bomb):
    outcome, seconds, peak = judged_cheaply(evidence_check, bomb)
    assert isinstance(outcome, ValidationError)
    assert "wordt niet geaccepteerd" in outcome.messages[0]
    assert seconds < 0.5
    assert peak < 50 * 1024 * 1024


def test_a_member_whose_declared_size_lies_is_read_with_a_cap_all_the_same(bomb):
    outcome, seconds, peak = judged_cheaply(evidence_type, understated(bomb))
    assert outcome is None
    assert seconds < 0.5
    assert peak < 50 * 1024 * 1024


def test_an_archive_declaring_absurd_member_sizes_is_refused_unread():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/media/huge.bin", bytes(201 * 1024 * 1024))
    assert evidence_type(SimpleUploadedFile("groot.docx", buffer.getvalue())) is None


def test_a_real_odt_is_still_recognised():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", b"application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"<office/>")
    checked = upload_check(SimpleUploadedFile("verslag.odt", buffer.getvalue()), max_bytes=1024 * 1024)
    assert checked.content_type == "application/vnd.oasis.opendocument.text"


def _attach(inspector, name: str, data: bytes, claimed: str):
    report = InterviewReportFactory()
    report_save(round=report.round, subject=report.subject, held_on=report.held_on, participants=report.participants,
                text=report.text, by=inspector, attachment=SimpleUploadedFile(name, data, content_type=claimed))
    return report


@pytest.mark.django_db
def test_an_html_file_renamed_pdf_is_refused_as_an_interview_report_attachment(inspector):
    with pytest.raises(ValidationError) as error:
        _attach(inspector, "verslag.pdf", b"<!doctype html><script>alert(1)</script>", "application/pdf")
    assert "wordt niet geaccepteerd" in error.value.messages[0]
    assert not ReportAttachment.objects.exists()


@pytest.mark.django_db
def test_an_attachment_whose_name_contradicts_its_content_is_refused(inspector):
    with pytest.raises(ValidationError) as error:
        _attach(inspector, "foto.png", PDF, "image/png")
    assert "naar de inhoud een PDF-document" in error.value.messages[0]


@pytest.mark.django_db
def test_an_attachment_is_stored_and_served_with_the_type_its_content_has_not_the_one_claimed(inspector, client_for):
    report = _attach(inspector, "verslag.pdf", PDF, "text/html")
    attachment = report.attachments.get()
    assert attachment.content_type == "application/pdf"
    response = client_for(inspector).get(reverse("findings:attachment", args=[attachment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_an_attachment_stored_unchecked_before_is_never_served_as_html(inspector, client_for):
    attachment = _attach(inspector, "verslag.pdf", PDF, "application/pdf").attachments.get()
    ReportAttachment.objects.filter(pk=attachment.pk).update(content_type="text/html")
    response = client_for(inspector).get(reverse("findings:attachment", args=[attachment.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


# --- login throttling ------------------------------------------------------------------------------------

LOCKED = "Te veel mislukte inlogpogingen"


def _login(client: Client, username: str, password: str, address: str):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_ten_wrong_passwords_are_answered_as_wrong_the_eleventh_locks_the_account_for_that_address(ovr_vr13):
    client = Client()
    for _ in range(10):
        response = _login(client, "ovr.vr13", "fout", "10.0.0.1")
        assert response.status_code == 200
        assert "juiste gebruikersnaam en wachtwoord" in response.content.decode()
    response = _login(client, "ovr.vr13", "fout", "10.0.0.1")
    assert LOCKED in response.content.decode()

    response = _login(client, "ovr.vr13", "demo", "10.0.0.1")
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html and "30 minuten" in html
    assert '<h1 class="h3 mb-3">Inloggen</h1>' in html
    assert "_auth_user_id" not in client.session

    other = Client()
    response = _login(other, "ovr.vr13", "demo", "10.0.0.2")
    assert response.status_code == 302
    assert other.session["_auth_user_id"] == str(ovr_vr13.pk)


@pytest.mark.django_db
def test_the_lock_ends_after_the_cool_off(ovr_vr13):
    client = Client()
    for _ in range(11):
        _login(client, "ovr.vr13", "fout", "10.0.0.1")
    assert _login(client, "ovr.vr13", "demo", "10.0.0.1").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))
    assert _login(client, "ovr.vr13", "demo", "10.0.0.1").status_code == 302


@pytest.mark.django_db
def test_an_administrator_unlocks_in_the_admin(ovr_vr13, admin_user, client_for):
    for _ in range(11):
        _login(Client(), "ovr.vr13", "fout", "10.0.0.1")
    assert AccessAttempt in admin.site._registry
    changelist = client_for(admin_user).get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200 and "ovr.vr13" in changelist.content.decode()
    AccessAttempt.objects.filter(username="ovr.vr13").delete()  # what the admin's delete action does
    assert _login(Client(), "ovr.vr13", "demo", "10.0.0.1").status_code == 302


@pytest.mark.django_db
def test_a_forwarded_address_is_believed_only_behind_the_configured_proxy(ovr_vr13, settings):
    def attempts_from(forwarded: str) -> set:
        AccessAttempt.objects.all().delete()
        Client().post(reverse("login"), {"username": "ovr.vr13", "password": "fout"},
                      REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
        return set(AccessAttempt.objects.values_list("ip_address", flat=True))

    assert attempts_from("192.0.2.7") == {"10.0.0.9"}
    settings.TLS_TERMINATED_BY_PROXY = True
    assert attempts_from("198.51.100.1, 192.0.2.7") == {"192.0.2.7"}


@pytest.mark.django_db
def test_force_login_is_not_throttled(client_for, ovr_vr13):
    for _ in range(11):
        _login(Client(), "ovr.vr13", "fout", "127.0.0.1")
    assert client_for(ovr_vr13).get("/").status_code == 200


# --- Content-Security-Policy -----------------------------------------------------------------------------

INLINE = ("style=", "<style", "<script>", "onclick=", "onchange=", "onsubmit=", "onload=", "hx-on", "javascript:")


def test_no_template_has_inline_script_or_style():
    found = [
        f"{path.relative_to(ROOT)}: {needle}"
        for path in (ROOT / "templates").rglob("*")
        if path.is_file()
        for needle in INLINE
        if needle in path.read_text()
    ]
    assert found == []


def test_htmx_is_told_not_to_inject_its_indicator_styles():
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false}'>""" in (ROOT / "templates" / "base.html").read_text()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/login/", "/", "/regions/", "/assessments/icms-2013/VR13/", "/findings/icms-2013/VR13/", "/national/", "/admin/", "/nergens/"])
def test_every_page_carries_a_csp_without_unsafe_inline(client_for, inspector, path):
    client = client_for(inspector) if path != "/login/" else Client()
    if path == "/admin/":
        inspector.is_staff = True
        inspector.save()
    response = client.get(path, follow=True)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


# --- logging ---------------------------------------------------------------------------------------------


@pytest.fixture
def log_output():
    """What the configured console handler writes, for the duration of a test."""
    [handler] = [h for h in logging.getLogger().handlers if any(type(f).__name__ == "OneLineClientErrors" for f in h.filters)]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_403_and_a_404_are_logged_in_one_line_each(client_for, ministry, log_output):
    client = client_for(ministry)
    assert client.get("/regions/VR13/").status_code in (403, 404)
    assert client.get("/nergens/").status_code == 404
    assert client.post(reverse("assessments:evidence_upload", args=["icms-2013", "VR13"])).status_code in (403, 404)
    lines = log_output.getvalue().splitlines()
    assert len(lines) == 3, lines
    assert all("Traceback" not in line for line in lines)
    assert any("Not Found: /nergens/" in line for line in lines)


# --- e-mail ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_reminder_emails_link_absolutely_to_the_configured_site(inspector, ovr_vr13, mailoutbox, settings):
    settings.SITE_URL = "https://audit.example.nl"
    round = Round.objects.get(year=2013)
    round.verification_deadline = timezone.localdate() + datetime.timedelta(days=3)
    round.save()
    send(inspector)
    call_command("send_reminders")
    [mail] = mailoutbox
    assert "(https://audit.example.nl/findings/icms-2013/VR13/#verificatie)" in mail.body
