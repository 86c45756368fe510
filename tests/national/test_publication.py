"""Publication with a fingerprint: the picture as published, its files served from the snapshot, corrections as
new versions with a reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from findings.models import NationalConclusion
from framework.models import Round, SuccessFactor
from national import publication, reports
from national.models import PublishedFile, PublishedPicture
from national.services import picture_correct, round_publish
from regions.models import Region
from tests.national.test_files import file_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(inspector) -> Round:
    return round_publish(round=Round.objects.get(year=2013), by=inspector, override_reason="Rapport gaat voor.")


def test_publishing_stores_version_1_whose_sha256_is_that_of_the_stored_document(published):
    picture = PublishedPicture.objects.get(round=published)
    assert picture.version == 1
    assert picture.sha256 == publication.document_fingerprint(picture.document)
    assert picture.document["status"] == "gepubliceerd" and picture.document["published"] is None
    assert "subjects" in picture.document  # the inspectors' document
    assert "subjects" not in picture.public_document  # the ministry's
    # Every file for both readers is rendered and kept at publication, before anyone asks for one.
    stored = {(file.format, file.audience): file for file in picture.files.all()}
    assert set(stored) == {(fmt, audience) for fmt in reports.FORMATS for audience in publication.AUDIENCES}
    for file in stored.values():
        assert file.sha256 == publication.sha256(bytes(file.content))
        assert publication.published_file(published, file.format, file.audience)[1] == file


@pytest.mark.parametrize("fmt", ["pdf", "csv"])
def test_the_files_of_a_published_round_carry_its_sha256_and_are_served_byte_for_byte(published, fmt, client_for,
                                                                                      inspector, ministry):
    picture = PublishedPicture.objects.get(round=published)
    url = f"/national/icms-2013/{'indicators.csv' if fmt == 'csv' else 'report.pdf'}"
    # Each reader's files carry the SHA-256 of the document that reader reads (the ministry's has no region).
    for user, audience, sha in ((inspector, "detail", picture.sha256), (ministry, "national", picture.public_sha256)):
        response = client_for(user).get(url)
        assert response.status_code == 200
        stored = bytes(PublishedFile.objects.get(picture=picture, format=fmt, audience=audience).content)
        assert response.content == stored
        assert sha in "".join(file_text(fmt, stored).split())
    assert picture.public_sha256 == publication.document_fingerprint(picture.public_document) != picture.sha256


def test_the_ministrys_published_files_name_no_region(published):
    names = [name for pair in Region.objects.values_list("code", "name") for name in pair]
    for fmt in reports.FORMATS:
        _picture, file = publication.published_file(published, fmt, "national")
        text = file_text(file.format, bytes(file.content))
        assert [name for name in names if name in text] == [], file.format


def test_a_change_in_the_data_after_publication_does_not_change_the_published_files(published, client_for, inspector):
    before = client_for(inspector).get("/national/icms-2013/report.docx").content
    NationalConclusion.objects.update_or_create(
        round=published, success_factor=SuccessFactor.objects.get(code="3.4.1"),
        defaults={"text": "Later gewijzigd.", "judgment": "voldoet_niet", "revision": 9})
    assert client_for(inspector).get("/national/icms-2013/report.docx").content == before


def test_a_correction_is_version_2_with_its_reason_and_what_changed(published, inspector):
    first = PublishedPicture.objects.get(round=published)
    corrected = picture_correct(round=published, by=inspector, reason="Oordeel 3.4.1 verkeerd overgenomen.",
                                success_factor=SuccessFactor.objects.get(code="3.4.1"), judgment="voldoet_gedeeltelijk")
    assert corrected.version == 2 and corrected.reason == "Oordeel 3.4.1 verkeerd overgenomen."
    assert corrected.sha256 == publication.document_fingerprint(corrected.document) != first.sha256
    assert corrected.document["success_factors"]["3.4.1"]["national_judgment"] == "voldoet_gedeeltelijk"
    first.refresh_from_db()
    assert first.sha256 == publication.document_fingerprint(first.document)  # version 1 stays as published
    latest, previous = publication.versions(published)
    assert latest["version"] == 2
    assert "3.4.1 landelijk oordeel: nog geen oordeel → voldoet gedeeltelijk" in latest["changes"]
    assert previous["changes"] == []


def test_a_correction_needs_a_reason_and_a_change(published, inspector):
    with pytest.raises(ValidationError, match="reden"):
        picture_correct(round=published, by=inspector, reason=" ")
    with pytest.raises(ValidationError, match="verandert niets"):
        picture_correct(round=published, by=inspector, reason="Nogmaals.")
    assert PublishedPicture.objects.filter(round=published).count() == 1


def test_an_unpublished_round_cannot_be_corrected(inspector):
    with pytest.raises(ValidationError, match="nog niet gepubliceerd"):
        picture_correct(round=Round.objects.get(year=2013), by=inspector, reason="Fout.")


def test_a_correction_is_posted_from_the_publish_page(published, client_for, inspector):
    response = client_for(inspector).post("/national/icms-2013/correct/", {
        "reason": "Deelconclusie aangevuld.", "success_factor": "3.4.1", "text": "Aangevulde deelconclusie."})
    assert response.status_code == 302
    assert PublishedPicture.objects.get(round=published, version=2).reason == "Deelconclusie aangevuld."


def test_the_dashboard_of_a_published_round_shows_the_published_version_whatever_changes_later(
    published, client_for, inspector, ministry
):
    picture = PublishedPicture.objects.get(round=published)
    NationalConclusion.objects.update_or_create(
        round=published, success_factor=SuccessFactor.objects.get(code="3.4.1"),
        defaults={"text": "Na publicatie gewijzigd.", "judgment": "voldoet_niet", "revision": 9})
    for user, sha in ((inspector, picture.sha256), (ministry, picture.public_sha256)):
        html = client_for(user).get("/national/icms-2013/").content.decode()
        assert sha in html
        assert "Na publicatie gewijzigd." not in html
        assert "Versie 1" in html
    assert "report.pdf" in html and "report.xlsx" in html and "report.docx" in html
