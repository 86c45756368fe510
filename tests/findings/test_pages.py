"""A finding shows which of the answers it cites changed after it was last saved."""

from __future__ import annotations

import pytest

from assessments.models import Answer
from assessments.services import answer_save
from findings.models import Citation, Finding
from findings.services import finding_save

pytestmark = pytest.mark.django_db

URL = "/findings/icms-2013/VR14/3.4.1/"
CHANGED = "antwoord gewijzigd na deze bevinding"


@pytest.fixture
def cited(demo_data, db, inspector) -> tuple[Finding, list[Answer]]:
    """VR14's 2013 finding on 3.4.1 citing two of its answers (VR14's questionnaire is a draft again)."""
    finding = Finding.objects.get(round__code="icms-2013", subject__code="VR14", success_factor__code="3.4.1")
    answers = list(Answer.objects.filter(assessment__round__code="icms-2013", assessment__subject__code="VR14",
                                         question__success_factor__code="3.4.1").exclude(value="")
                   .select_related("assessment", "question").order_by("question__order")[:2])
    Citation.objects.filter(finding=finding).delete()
    for answer in answers:
        Citation.objects.create(finding=finding, answer=answer, created_by=inspector)
    return finding, answers


def test_a_cited_answer_changed_after_the_finding_is_marked_beside_it_and_only_it(cited, client_for, inspector):
    finding, (changed, unchanged) = cited
    client = client_for(inspector)
    assert CHANGED not in client.get(URL).content.decode()
    answer_save(assessment=changed.assessment, question=changed.question, value=changed.value,
                comment=changed.comment + " Aangevuld na het gesprek.", base_revision=changed.revision, by=inspector)
    html = client.get(URL).content.decode()
    assert html.count(CHANGED) == 1
    item = next(part for part in html.split("<li") if CHANGED in part)
    assert changed.question.display_text[:40] in item
    # Saving the finding again takes the changed answer into account: the mark is gone.
    finding_save(round=finding.round, subject=finding.subject, success_factor=finding.success_factor,
                 text=finding.text + " Herzien.", judgment=finding.judgment, by=inspector)
    assert CHANGED not in client.get(URL).content.decode()
