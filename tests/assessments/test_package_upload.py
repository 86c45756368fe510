"""Inspectors load a framework package on /frameworks/: checked whole and summarised first, written only when
confirmed (the confirmation reads the kept upload again and checks it again); errors with file and line."""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from framework.models import Framework, Round
from tests.packages import ICMS, WS, package_copy

FRAMEWORKS = "/frameworks/"


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(response.content.decode()))


def zipped(directory: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(directory.rglob("*.yaml")):
            archive.write(path, f"{directory.name}/{path.relative_to(directory)}")
    return buffer.getvalue()


def upload(client, name: str, data: bytes):
    return client.post(FRAMEWORKS, {"file": SimpleUploadedFile(name, data)})


def token_of(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def test_the_frameworks_page_lists_the_loaded_frameworks_with_their_rounds(client_for, inspector):
    html = text(client_for(inspector).get(FRAMEWORKS))
    assert "icms" in html and "icms-2013" in html and "Pakket laden" in html


def test_a_package_is_summarised_first_and_loaded_only_when_confirmed(client_for, inspector):
    client = client_for(inspector)
    response = upload(client, "ws.zip", zipped(WS))
    html = text(response)
    assert response.status_code == 200
    assert "ws.zip is in orde. Wat laden verandert:" in html
    assert "Nieuw toetsingskader ws" in html and "Nieuwe meting ws-2013." in html
    assert not Framework.objects.filter(code="ws").exists()
    response = client.post("/frameworks/confirm/", {"token": token_of(html)})
    assert response.status_code == 302
    assert Framework.objects.filter(code="ws").exists() and Round.objects.filter(code="ws-2013").exists()
    assert "ws.zip is geladen" in text(client.get(FRAMEWORKS))
    # The kept upload is gone: the same token loads nothing again.
    response = client.post("/frameworks/confirm/", {"token": token_of(html)}, follow=True)
    assert "Dit pakket is niet (meer) beschikbaar" in text(response)


def test_a_cancelled_package_is_not_loaded(client_for, inspector):
    client = client_for(inspector)
    token = token_of(text(upload(client, "ws.zip", zipped(WS))))
    client.post("/frameworks/confirm/", {"token": token, "cancel": "1"})
    assert client.post("/frameworks/confirm/", {"token": token}).status_code == 302
    assert not Framework.objects.filter(code="ws").exists()


def test_a_package_with_errors_shows_every_one_with_file_and_line_and_writes_nothing(client_for, inspector, tmp_path):
    package = package_copy(tmp_path, WS)
    questionnaire = sorted((package / "questionnaires").glob("*.yaml"))[0]
    lines = questionnaire.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if "success_factor:" in line)
    lines[first] = re.sub(r"success_factor:.*", 'success_factor: "9.9"', lines[first])
    questionnaire.write_text("\n".join(lines) + "\n", encoding="utf-8")
    framework = package / "framework.yaml"
    framework.write_text(framework.read_text(encoding="utf-8").replace("subject_kind: region", "subject_kind: gemeente", 1),
                         encoding="utf-8")
    response = upload(client_for(inspector), "ws.zip", zipped(package))
    assert response.status_code == 400
    html = text(response)
    assert re.search(r"framework\.yaml, regel \d+: succesfactor [^:]+: subject_kind is region of brigade\.", html), html
    # Framework errors stop the check before the questionnaires; once they are mended, those are named.
    framework.write_text(framework.read_text(encoding="utf-8").replace("gemeente", "region"), encoding="utf-8")
    html = text(upload(client_for(inspector), "ws.zip", zipped(package)))
    assert re.search(rf"questionnaires/{questionnaire.name}, regel \d+: vraag \d+ \([a-z_0-9]+\): onbekende "
                     r"succesfactor '9\.9'", html), html
    assert not Framework.objects.filter(code="ws").exists()


def test_an_unchanged_package_changes_nothing(client_for, inspector):
    response = upload(client_for(inspector), "icms.zip", zipped(ICMS))
    assert response.status_code == 302
    assert "er verandert niets" in text(client_for(inspector).get(FRAMEWORKS))


@pytest.mark.parametrize("token", ["", "x" * 32, "../../etc/passwd"])
def test_an_unknown_token_loads_nothing(client_for, inspector, token):
    response = client_for(inspector).post("/frameworks/confirm/", {"token": token}, follow=True)
    assert "Dit pakket is niet (meer) beschikbaar" in text(response)
    assert not Framework.objects.filter(code="ws").exists()
