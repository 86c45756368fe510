"""The context of a round (research question 4): a text and a table of figures with their sources, edited by
inspectors on `/national/<year>/context/`, shown on the national picture, in its files, in the API and in a
published snapshot."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from core.errors import StaleEdit
from framework.models import Round
from national import reports
from national.context import round_context_save
from national.models import ContextFigure, PublishedPicture, RoundContext
from national.services import preview_share, round_publish
from tests.national.test_files import file_text, normalised

pytestmark = pytest.mark.django_db

URL = "/national/icms-2013/context/"
DASHBOARD = "/national/icms-2013/"
TEXT = "De vraag naar militaire bijstand groeit sterk."
FIGURES = [
    {"label": "Aanvragen om incidentele militaire bijstand", "value": "162", "period": "2012", "unit": "aanvragen",
     "source": "rapport §2.2"},
    {"label": "Steunverlening in het openbaar belang", "value": "ruim 40", "period": "2011 en 2012", "unit": "aanvragen",
     "source": "rapport §2.2"},
]


def _round(year: int = 2013) -> Round:
    return Round.objects.get(year=year)


def _post(figures: list[dict], *, text: str = TEXT, revision: int = 0, initial: int = 0, text_en: str = "") -> dict:
    data = {"text": text, "text_en": text_en, "revision": str(revision), "figures-TOTAL_FORMS": str(len(figures)),
            "figures-INITIAL_FORMS": str(initial), "figures-MIN_NUM_FORMS": "0", "figures-MAX_NUM_FORMS": "1000"}
    for index, figure in enumerate(figures):
        for key, value in figure.items():
            data[f"figures-{index}-{key}"] = value
    return data


def _saved(by, **changes) -> RoundContext:
    return round_context_save(**{"round": _round(), "text": TEXT, "figures": FIGURES, "by": by, **changes})


def _figures(round: Round) -> list[tuple[str, str, str, str, str]]:
    return list(ContextFigure.objects.filter(context__round=round).order_by("order")
                .values_list("label", "value", "period", "unit", "source"))


# --- editing ---------------------------------------------------------------------------------------------------


def test_an_inspector_writes_the_text_and_the_figures_on_the_edit_page(client_for, inspector):
    client = client_for(inspector)
    page = client.get(URL).content.decode()
    assert 'name="figures-TOTAL_FORMS"' in page and 'name="text"' in page
    response = client.post(URL, _post([*FIGURES, {"label": "", "value": "", "period": "", "unit": "", "source": ""}]))
    assert response.status_code == 302 and response["Location"].endswith("/national/icms-2013/#q4")
    context = RoundContext.objects.get(round=_round())
    assert (context.text, context.revision, context.updated_by) == (TEXT, 1, inspector)
    assert _figures(_round()) == [tuple(f[k] for k in ("label", "value", "period", "unit", "source")) for f in FIGURES]
    # Who and when: in the history of the context and of each figure.
    assert context.history.first().history_user == inspector
    assert ContextFigure.history.filter(history_user=inspector, history_type="+").count() == 2


def test_an_inspector_changes_one_figure_and_removes_another(client_for, inspector):
    _saved(inspector)
    client = client_for(inspector)
    changed = [{**FIGURES[0], "value": "163"}, {**FIGURES[1], "DELETE": "on"}]
    response = client.post(URL, _post(changed, text="Bijgewerkt.", revision=1, initial=2))
    assert response.status_code == 302
    assert _figures(_round()) == [(FIGURES[0]["label"], "163", "2012", "aanvragen", "rapport §2.2")]
    context = RoundContext.objects.get(round=_round())
    assert (context.text, context.revision) == ("Bijgewerkt.", 2)
    assert ContextFigure.history.filter(history_type="-").count() == 1


def test_a_figure_without_a_value_is_refused_with_a_message_on_its_row(client_for, inspector):
    response = client_for(inspector).post(URL, _post([{**FIGURES[0], "value": ""}]))
    assert response.status_code == 200
    assert "Geef de waarde van het cijfer." in response.content.decode()
    assert not RoundContext.objects.exists()


def test_the_edit_page_offers_the_current_figures_and_empty_rows_to_add(client_for, inspector):
    _saved(inspector)
    page = client_for(inspector).get(URL).content.decode()
    assert 'value="ruim 40"' in page
    assert 'name="figures-TOTAL_FORMS" value="5"' in page  # two figures and three empty rows
    assert 'name="figures-1-DELETE"' in page


def test_a_stale_save_is_refused_and_overwrites_nothing(client_for, inspector):
    _saved(inspector)  # revision 1, saved by someone else meanwhile
    response = client_for(inspector).post(URL, _post([FIGURES[0]], text="Mijn versie.", revision=0))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen." in page
    assert "Mijn versie." in page and TEXT in page  # both versions shown
    assert 'name="revision" value="1"' in page  # saving again from here is a choice made with both in view
    context = RoundContext.objects.get(round=_round())
    assert (context.text, context.revision) == (TEXT, 1)
    assert len(_figures(_round())) == 2


def test_the_service_refuses_a_stale_revision(inspector):
    _saved(inspector)
    with pytest.raises(StaleEdit):
        _saved(inspector, text="Anders.", base_revision=0)
    assert RoundContext.objects.get(round=_round()).text == TEXT


def test_an_unchanged_save_writes_nothing(inspector):
    context = _saved(inspector)
    again = _saved(inspector, base_revision=1)
    assert again.revision == context.revision == 1
    assert RoundContext.history.count() == 1


def test_a_published_round_refuses_a_change_to_its_context(client_for, inspector):
    round_2009 = Round.objects.get(year=2009)
    round_publish(round=round_2009, by=inspector, override_reason="Voor de toets.")
    with pytest.raises(ValidationError, match="gepubliceerd"):
        round_context_save(round=round_2009, text=TEXT, figures=FIGURES, by=inspector)
    client = client_for(inspector)
    page = client.get("/national/icms-2009/context/").content.decode()
    assert "kan niet meer worden gewijzigd" in page
    response = client.post("/national/icms-2009/context/", _post(FIGURES), follow=True)
    assert "Meting 2009 is gepubliceerd en ligt vast" in response.content.decode()
    assert not RoundContext.objects.filter(round=round_2009).exists()


def test_the_ministry_reads_the_context_but_may_not_edit_it(client_for, inspector, ministry):
    _saved(inspector)
    preview_share(round=_round(), by=inspector)
    client = client_for(ministry)
    page = client.get(DASHBOARD).content.decode()
    assert TEXT in page and "ruim 40" in page
    assert URL not in page  # no link to the edit page
    assert client.get(URL).status_code == 403
    assert client.post(URL, _post(FIGURES, text="Van het ministerie.", revision=1, initial=2)).status_code == 403
    assert RoundContext.objects.get(round=_round()).text == TEXT
    with pytest.raises(PermissionDenied):
        round_context_save(round=_round(), text="Van het ministerie.", figures=[], by=ministry)


@pytest.mark.parametrize("persona", ["ovr_vr13", "contact_vr13", "rmc_11"])
def test_respondents_may_not_open_the_edit_page(client_for, persona, request):
    assert client_for(request.getfixturevalue(persona)).get(URL).status_code == 403


def test_an_unknown_round_has_no_context_page(client_for, inspector):
    assert client_for(inspector).get("/national/1999/context/").status_code == 404


# --- shown -----------------------------------------------------------------------------------------------------


def test_the_dashboard_shows_the_text_and_the_figures_with_their_sources(client_for, inspector):
    client = client_for(inspector)
    assert "De context van deze meting is nog niet beschreven." in client.get(DASHBOARD).content.decode()
    _saved(inspector)
    page = client.get(DASHBOARD).content.decode()
    assert "Context van de meting" in page and TEXT in page
    assert 'id="context-figures"' in page
    assert "ruim 40" in page and "rapport §2.2" in page and "2011 en 2012" in page
    assert f'href="{URL}"' in page  # an inspector may edit it


def test_the_english_interface_shows_the_english_text_when_there_is_one(client_for, inspector):
    _saved(inspector, text_en="Demand for military assistance is growing fast.")
    client = client_for(inspector)
    assert TEXT in client.get(DASHBOARD).content.decode()
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    page = client.get(DASHBOARD).content.decode()
    assert "Demand for military assistance is growing fast." in page and TEXT not in page


def test_the_api_and_the_command_carry_the_context(client_for, inspector, capsys):
    _saved(inspector)
    data = client_for(inspector).get("/api/national/icms-2013/").json()
    assert data["context"]["text"] == TEXT
    assert data["context"]["figures"][1] == FIGURES[1]
    call_command("national_picture", "--round", "2013")
    assert json.loads(capsys.readouterr().out)["context"]["figures"][0]["value"] == "162"


def test_a_round_without_context_carries_an_empty_one(client_for, inspector):
    data = client_for(inspector).get("/api/national/icms-2013/").json()
    assert data["context"] == {"text": "", "figures": []}


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_report_files_hold_the_context_and_its_figures(client_for, inspector, fmt):
    _saved(inspector)
    response = client_for(inspector).get(f"/national/icms-2013/report.{fmt}")
    assert response.status_code == 200
    text = normalised(file_text(fmt, response.content))
    for expected in ("Context van de meting", TEXT, "ruim 40", "rapport §2.2", "Steunverlening in het openbaar belang"):
        assert normalised(expected) in text, expected


def test_the_workbook_has_a_context_sheet_with_one_row_per_figure(inspector):
    import io

    import openpyxl

    from national.picture import picture_document

    _saved(inspector)
    workbook = openpyxl.load_workbook(io.BytesIO(reports.render_xlsx(picture_document(_round(), detail=False))))
    rows = [list(row) for row in workbook["Context"].iter_rows(values_only=True)]
    assert rows[2] == [TEXT, None, None, None, None]
    header = rows.index(["omschrijving", "waarde", "eenheid", "jaar of periode", "bron"])
    assert rows[header + 2] == ["Steunverlening in het openbaar belang", "ruim 40", "aanvragen", "2011 en 2012", "rapport §2.2"]


def test_the_printable_report_shows_the_context(client_for, inspector):
    _saved(inspector)
    page = client_for(inspector).get("/national/icms-2013/report/").content.decode()
    assert "Context van de meting" in page and "ruim 40" in page


def test_a_published_snapshot_keeps_the_context_as_it_was(client_for, inspector):
    _saved(inspector)
    round_publish(round=_round(), by=inspector, override_reason="Rapport gaat voor.")
    stored = PublishedPicture.objects.get(round=_round())
    assert stored.document["context"]["figures"][1]["value"] == "ruim 40"
    assert stored.public_document["context"]["text"] == TEXT  # the ministry's document has it too
    # What was published stays, even if the data under it were changed behind the services' back.
    RoundContext.objects.filter(round=_round()).update(text="Achteraf gewijzigd.")
    page = client_for(inspector).get(DASHBOARD).content.decode()
    assert TEXT in page and "Achteraf gewijzigd." not in page
