"""The migration to one audited party: rows that named a region or a brigade name its Subject afterwards."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("regions", "0002_reference_data"),
    ("assessments", "0003_load_questionnaires"),
    ("findings", "0002_reminders_and_rule_order"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_assessments_findings_and_verifications_get_their_subject():
    old = _migrate(BEFORE)
    Round = old.get_model("assessments", "Round")
    Region, Brigade = old.get_model("regions", "Region"), old.get_model("regions", "Brigade")
    round_2013 = Round.objects.get(year=2013)
    questionnaires = old.get_model("assessments", "Questionnaire").objects.filter(round=round_2013)
    Assessment = old.get_model("assessments", "Assessment")
    Assessment.objects.create(round=round_2013, questionnaire=questionnaires.get(audience="region"),
                              region=Region.objects.get(code="VR13"))
    Assessment.objects.create(round=round_2013, questionnaire=questionnaires.get(audience="brigade"),
                              brigade=Brigade.objects.get(number=11))
    factor = old.get_model("assessments", "SuccessFactor").objects.get(code="3.3.1")
    old.get_model("findings", "Finding").objects.create(
        round=round_2013, brigade=Brigade.objects.get(number=43), success_factor=factor, text="t", judgment="voldoet"
    )
    old.get_model("findings", "Verification").objects.create(round=round_2013, region=Region.objects.get(code="VR14"))
    # Published while still open: the migration closes it.
    Round.objects.filter(year=2009).update(published_at=timezone.now(), status="open")

    executor = MigrationExecutor(connection)
    new = _migrate(executor.loader.graph.leaf_nodes())

    codes = sorted(new.get_model("assessments", "Assessment").objects.values_list("subject__code", flat=True))
    assert codes == ["B11", "VR13"]
    assert new.get_model("findings", "Finding").objects.get().subject.code == "B43"
    assert new.get_model("findings", "Verification").objects.get().subject.code == "VR14"
    assert new.get_model("assessments", "Round").objects.get(year=2009).status == "closed"
    subjects = new.get_model("regions", "Subject").objects
    assert subjects.filter(kind="region").count() == 25
    assert sorted(subjects.filter(kind="brigade").values_list("code", flat=True)) == ["B11", "B13", "B43"]
    assert subjects.filter(kind="directorate").exists()
