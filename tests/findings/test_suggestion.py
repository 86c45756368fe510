"""A judgment that departs from the one the answers suggest is saved only with its reasoning, whichever way it
comes in: the page, the htmx save and the judgments import all meet the one guard in `finding_save`."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from core.tabular import ImportRefused
from findings.exchange import judgments_import_file
from findings.models import Finding
from findings.services import finding_save
from findings.suggestion import suggestion_for
from framework.models import Round, SuccessFactor
from regions.models import Subject

pytestmark = pytest.mark.django_db

# VR14's 2013 findings are written but not yet sent (its questionnaire is being amended): the inspector still
# writes them. Its answers on 3.4.1 suggest "voldoet gedeeltelijk".
URL = "/findings/icms-2013/VR14/3.4.1/"
REFUSAL = "Het oordeel 'voldoet' wijkt af van het voorgestelde oordeel 'voldoet gedeeltelijk': onderbouw het in de bevinding."


@pytest.fixture
def vr14(demo_data, db) -> dict:
    return {"round": Round.objects.get(code="icms-2013"), "subject": Subject.objects.get(code="VR14"),
            "success_factor": SuccessFactor.objects.get(code="3.4.1")}


def stored(vr14) -> Finding:
    return Finding.objects.get(**vr14)


def test_the_suggestion_is_the_one_the_findings_page_shows(vr14, client_for, inspector):
    assert suggestion_for(**vr14).judgment == "voldoet_gedeeltelijk"


def test_a_departing_judgment_without_reasoning_is_refused_and_with_it_saved(vr14, inspector):
    with pytest.raises(ValidationError, match="onderbouw het in de bevinding"):
        finding_save(**vr14, text="", judgment="voldoet", by=inspector)
    assert stored(vr14).judgment == "voldoet_gedeeltelijk"
    finding_save(**vr14, text="Het beleidsteam werkt in de praktijk wel met Defensie.", judgment="voldoet", by=inspector)
    assert stored(vr14).judgment == "voldoet"
    # Emptying the reasoning of a departing judgment is refused too.
    with pytest.raises(ValidationError, match="onderbouw het in de bevinding"):
        finding_save(**vr14, text="  ", judgment="voldoet", by=inspector)


def test_a_judgment_that_follows_the_suggestion_needs_no_text(vr14, inspector):
    finding_save(**vr14, text="", judgment="voldoet_gedeeltelijk", by=inspector)
    assert (stored(vr14).text, stored(vr14).judgment) == ("", "voldoet_gedeeltelijk")


def test_the_page_refuses_it_with_the_reason_in_dutch(vr14, client_for, inspector):
    revision = stored(vr14).revision
    response = client_for(inspector).post(URL, {"text": "", "judgment": "voldoet", "revision": revision}, follow=True)
    assert REFUSAL in response.content.decode().replace("&#x27;", "'")
    assert stored(vr14).judgment == "voldoet_gedeeltelijk"


def test_the_htmx_save_refuses_it_in_the_factors_card(vr14, client_for, inspector):
    revision = stored(vr14).revision
    response = client_for(inspector).post(URL, {"text": "", "judgment": "voldoet", "revision": revision},
                                          HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="csf-3-4-1"' in html and REFUSAL in html.replace("&#x27;", "'")
    assert stored(vr14).judgment == "voldoet_gedeeltelijk"


def test_the_judgments_import_refuses_the_line_and_imports_nothing(vr14, inspector):
    data = (b"region_code,csf,judgment,finding\n"
            b"VR14,3.1.1,voldoet,Goed geregeld.\n"
            b"VR14,3.4.1,voldoet,\n")
    with pytest.raises(ImportRefused) as refused:
        judgments_import_file(name="oordelen.csv", data=data, round=vr14["round"], by=inspector)
    assert [(error.line, error.message) for error in refused.value.errors] == [(3, REFUSAL)]
    assert stored(vr14).judgment == "voldoet_gedeeltelijk"
    assert Finding.objects.get(round=vr14["round"], subject__code="VR14", success_factor__code="3.1.1").text != "Goed geregeld."
