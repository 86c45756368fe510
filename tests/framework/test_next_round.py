"""The next round from the last: `round_create` copies the questionnaires with every question continuing its
predecessor, so the picture of the new round compares with the old from the first answer."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assessments.exchange import answers_import_file
from assessments.models import Questionnaire
from framework.models import Round
from national.picture import picture_document

DEMO_2013 = Path(__file__).resolve().parents[2] / "assessments" / "demo" / "2013-region-answers.csv"


def create(*args) -> str:
    out = io.StringIO()
    call_command("round_create", *args, stdout=out)
    return out.getvalue()


def test_round_create_makes_a_planned_round_continuing_the_last(db):
    message = create("--framework", "icms", "--year", "2016", "--from", "icms-2013")
    round = Round.objects.get(code="icms-2016")
    assert (round.status, round.kind, round.predecessor.code) == ("planned", "vervolgmeting", "icms-2013")
    assert "icms-2016" in message
    for questionnaire in Questionnaire.objects.filter(round=round):
        earlier = Questionnaire.objects.latest_for(round.predecessor, questionnaire.audience)
        assert "2016" in questionnaire.title and "vervolgmeting" in questionnaire.title
        assert questionnaire.questions.count() == earlier.questions.count()
        for question in questionnaire.questions.select_related("continues"):
            assert question.continues.questionnaire_id == earlier.pk
            assert (question.continues.code, question.continues_relation) == (question.code, "same")


def test_every_indicator_of_the_new_round_compares_with_2013s_counts(db, inspector):
    round_2013 = Round.objects.get(code="icms-2013")
    answers_import_file(name="2013.csv", data=DEMO_2013.read_bytes(), round=round_2013, by=inspector)
    create("--framework", "icms", "--year", "2016", "--from", "icms-2013")
    round_2016 = Round.objects.get(code="icms-2016")
    answers_import_file(name="2016.csv", data=b"region_code,question_code,value,comment\nVR01,ovr_assigned,ja,\n",
                        round=round_2016, by=inspector)
    then = picture_document(round_2013, detail=True)["indicators"]
    now = picture_document(round_2016, detail=True)["indicators"]
    assert now.keys() == then.keys()
    for key, indicator in now.items():
        assert indicator["previous"]["round"] == 2013, key
        assert indicator["previous"]["counts"] == then[key]["counts"], key


@pytest.mark.parametrize(("args", "message"), [
    (["--year", "2013", "--from", "icms-2009"], "Meting icms-2013 bestaat al."),
    (["--year", "2016", "--from", "icms-2009"], "Meting icms-2009 heeft al een vervolg."),
    (["--year", "2005", "--from", "icms-2006"], "De nieuwe meting moet later zijn dan icms-2006."),
    (["--year", "2016", "--from", "icms-1999"], "Meting icms-1999 bestaat niet"),
])
def test_round_create_refuses_what_cannot_be_in_dutch(db, args, message):
    with pytest.raises(CommandError, match=message):
        create("--framework", "icms", *args)
    assert not Round.objects.filter(code="icms-2016").exists()
