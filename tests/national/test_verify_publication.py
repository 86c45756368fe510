"""A publication that can be shown to be unchanged: its files are kept at publication for both readers,
listed with their SHA-256, and `verify_publication` recomputes every hash, names what differs, and leaves a
warning on the dashboard while it does."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from national import publication, reports
from national.models import PublicationCheck, PublishedFile, PublishedPicture

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    return PublishedPicture.objects.get(round__year=2009)


def verify(year: int = 2009) -> str:
    import io

    out = io.StringIO()
    call_command("verify_publication", "--round", str(year), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_demos_2009_publication_has_every_file_for_both_readers_before_any_download(demo):
    files = PublishedFile.objects.filter(picture=demo)
    assert {(f.format, f.audience) for f in files} == {
        (fmt, audience) for fmt in reports.FORMATS for audience in publication.AUDIENCES}


def test_the_dashboard_lists_the_readers_files_with_their_sha256(demo, client_for, ministry, inspector):
    html = client_for(ministry).get("/national/icms-2009/").content.decode()
    for file in PublishedFile.objects.filter(picture=demo, audience="national"):
        assert file.sha256 in html
    assert "landelijk-beeld-2009-v1.ods" in html and "indicatoren-2009-v1-nl.csv" in html
    inspectors_pdf = PublishedFile.objects.get(picture=demo, audience="detail", format="pdf")
    assert inspectors_pdf.sha256 not in html
    assert inspectors_pdf.sha256 in client_for(inspector).get("/national/icms-2009/").content.decode()


def test_verify_publication_passes_on_the_demo_and_keeps_the_outcome(demo):
    out = verify()
    assert "Meting icms-2009: 16 documenten en bestanden gecontroleerd, in orde." in out
    check = PublicationCheck.objects.get(round=demo.round)
    assert check.ok and check.problems == []


def test_a_stored_document_changed_in_the_database_fails_the_verification_by_name(demo):
    changed = dict(demo.public_document, overall_conclusion="Achteraf herschreven.")
    PublishedPicture.objects.filter(pk=demo.pk).update(public_document=changed)
    with pytest.raises(CommandError, match="meting icms-2009 wijkt af"):
        verify()
    (problem,) = PublicationCheck.objects.get(round=demo.round).problems
    assert problem.startswith("Versie 1, document (ministerie): SHA-256 ")
    assert problem.endswith(f"in plaats van {demo.public_sha256}")


def test_a_changed_or_missing_file_fails_the_verification_by_name(demo):
    pdf = PublishedFile.objects.get(picture=demo, format="pdf", audience="detail")
    PublishedFile.objects.filter(pk=pdf.pk).update(content=bytes(pdf.content) + b"\n")
    PublishedFile.objects.filter(picture=demo, format="ods", audience="national").delete()
    with pytest.raises(CommandError):
        verify()
    problems = PublicationCheck.objects.get(round=demo.round).problems
    assert problems[0].startswith("Versie 1, PDF/A (inspectie): SHA-256 ")
    assert problems[1] == "Versie 1, OpenDocument-rekenblad (ODS) (ministerie) ontbreekt"


def test_the_published_dashboard_warns_while_the_last_verification_failed(demo, client_for, ministry):
    client = client_for(ministry)
    assert "wijkt af van wat bij publicatie is vastgelegd" not in client.get("/national/icms-2009/").content.decode()
    PublishedPicture.objects.filter(pk=demo.pk).update(sha256="0" * 64)
    with pytest.raises(CommandError):
        verify()
    html = client.get("/national/icms-2009/").content.decode()
    assert "De gepubliceerde versie wijkt af van wat bij publicatie is vastgelegd." in html
    PublishedPicture.objects.filter(pk=demo.pk).update(sha256=publication.document_fingerprint(demo.document))
    verify()
    html = client.get("/national/icms-2009/").content.decode()
    assert "wijkt af van wat bij publicatie is vastgelegd" not in html and "In orde." in html


def test_an_unpublished_round_cannot_be_verified(demo):
    with pytest.raises(CommandError, match="Meting 2013 is niet gepubliceerd"):
        verify(2013)
    with pytest.raises(CommandError, match="Meting 1999 bestaat niet"):
        verify(1999)


def test_a_correction_renders_and_verifies_every_file_of_its_version(demo, inspector):
    from assessments.models import SuccessFactor
    from national.services import picture_correct

    corrected = picture_correct(round=demo.round, by=inspector, reason="Oordeel 3.4.1 verkeerd overgenomen.",
                                success_factor=SuccessFactor.objects.get(code="3.4.1"), judgment="voldoet_niet")
    assert corrected.files.count() == len(reports.FORMATS) * len(publication.AUDIENCES)
    assert "32 documenten en bestanden gecontroleerd, in orde." in verify()
