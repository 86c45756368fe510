"""Importing an unchanged export of the demo succeeds: every row unchanged, no error, nothing written — even
for final questionnaires and the published 2009 round. Only a row that would change something is refused."""

import pytest

from assessments.exchange import answers_export, answers_import_file
from assessments.models import Answer
from findings.exchange import judgments_export, judgments_import_file
from findings.models import Finding
from framework.models import Round
from regions.models import Subject
from tests.test_write_paths import fingerprint

pytestmark = pytest.mark.django_db


@pytest.fixture
def inspector(demo_data, db):
    from accounts.models import User

    return User.objects.get(username="inspecteur")


@pytest.mark.parametrize("year", [2009, 2013])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_unchanged_answers_export_imports_as_all_unchanged(inspector, year, fmt):
    round = Round.objects.get(year=year)
    data = answers_export(round=round, subjects=Subject.objects.all(), fmt=fmt)
    before = fingerprint()
    result = answers_import_file(name=f"antwoorden.{fmt}", data=data, round=round, by=inspector)
    assert (result.created, result.changed) == (0, 0)
    assert result.unchanged == Answer.objects.filter(assessment__round=round).exclude(value="", comment="").count()
    assert fingerprint() == before


@pytest.mark.parametrize("year", [2009, 2013])
def test_an_unchanged_judgments_export_imports_as_all_unchanged(inspector, year):
    round = Round.objects.get(year=year)
    before = fingerprint()
    result = judgments_import_file(name="oordelen.csv", data=judgments_export(round=round), round=round, by=inspector)
    assert (result.created, result.changed, result.unchanged) == (0, 0, Finding.objects.filter(round=round).count())
    assert fingerprint() == before


def test_in_a_published_round_only_the_changed_row_is_refused_with_its_line(inspector):
    from assessments.exchange import ImportRefused

    round = Round.objects.get(year=2009)
    lines = answers_export(round=round, subjects=Subject.objects.filter(code="VR13"), fmt="csv").decode().splitlines()
    code, question, value, comment = lines[3].split(",", 3)
    lines[3] = f"{code},{question},{value},Nagekomen opmerking"
    with pytest.raises(ImportRefused) as refused:
        answers_import_file(name="a.csv", data="\n".join(lines).encode(), round=round, by=inspector)
    assert [error.line for error in refused.value.errors] == [4]
    assert "gepubliceerd" in refused.value.errors[0].message
