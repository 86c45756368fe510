"""The national picture is counted in the database: on the demo and on the demo with every region answered and judged
ten times over (250 regions), the same queries, and every regional figure exactly ten times the demo's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.models import Answer, Assessment
from findings.models import Finding
from framework.models import Round
from national.picture import picture_document
from regions.models import Region, Subject, SubjectKind

pytestmark = pytest.mark.django_db

COPIES = 9  # the demo's 25 regions and nine copies of each: 250 regions


@pytest.fixture
def demo(demo_data, db):
    """The demo as `load_demo` loads it, once for this module."""


def _copy_regions(copies: int) -> None:
    """`copies` more regions per region of the demo, each in the brigade of its original, with its original's
    assessments (every round), answers and findings (bulk: data, not a story)."""
    originals = list(Subject.objects.filter(kind=SubjectKind.REGION).select_related("region").order_by("code"))
    number = Region.objects.count()
    for copy in range(copies):
        regions = Region.objects.bulk_create(
            Region(code=f"VR{number + i + 1:03d}", name=f"Kopie {number + i + 1}", province=s.region.province,
                   brigade_id=s.region.brigade_id)
            for i, s in enumerate(originals)
        )
        subjects = Subject.objects.bulk_create(
            Subject(kind=SubjectKind.REGION, code=r.code, name=r.name, region=r, order=100 + copy) for r in regions
        )
        number += len(regions)
        original_of = {new.pk: old.pk for new, old in zip(subjects, originals, strict=True)}
        for new, old in original_of.items():
            for assessment in Assessment.objects.filter(subject_id=old):
                answers = list(assessment.answers.all())
                assessment.pk, assessment.subject_id = None, new
                assessment.save()
                Answer.objects.bulk_create(
                    Answer(assessment=assessment, question_id=a.question_id, value=a.value, revision=1) for a in answers
                )
            Finding.objects.bulk_create(
                Finding(round_id=f.round_id, subject_id=new, success_factor_id=f.success_factor_id, judgment=f.judgment)
                for f in Finding.objects.filter(subject_id=old)
            )


def _picture(round: Round, detail: bool) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as queries:
        picture = picture_document(round, detail=detail)
    return picture, len(queries)


def _times(counts: dict, factor: int) -> dict:
    return {value: factor * n for value, n in counts.items()}


def test_ten_times_the_regions_take_the_same_queries_and_count_ten_times_over(demo):
    round = Round.objects.get(code="icms-2013")
    small = {detail: _picture(round, detail) for detail in (False, True)}
    _copy_regions(COPIES)
    assert Region.objects.count() == 25 * (COPIES + 1)
    large = {detail: _picture(round, detail) for detail in (False, True)}

    for detail in (False, True):
        assert large[detail][1] == small[detail][1], detail
    before, after = small[False][0], large[False][0]
    assert after["regions"] == 250
    regional = [key for key, item in before["indicators"].items() if item["subject_kind"] == SubjectKind.REGION]
    assert len(regional) > 50
    for key in regional:
        then, now = before["indicators"][key], after["indicators"][key]
        assert now["answered"] == 10 * then["answered"], key
        assert now["counts"] == _times(then["counts"], 10), key
        assert now["by_brigade"] == {b: _times(c, 10) for b, c in then["by_brigade"].items()}, key
        if then["previous"]:
            assert now["previous"]["counts"] == _times(then["previous"]["counts"], 10), key
    for code, factor in before["success_factors"].items():
        if factor["subject_kind"] == SubjectKind.REGION:
            assert after["success_factors"][code]["counts"] == _times(factor["counts"], 10), code
    # The brigades' own questionnaires and judgments are not copied: their figures stay as they were.
    for key, item in before["indicators"].items():
        if item["subject_kind"] == SubjectKind.BRIGADE:
            assert after["indicators"][key]["counts"] == item["counts"], key
    assert len(large[True][0]["subjects"]) == len(small[True][0]["subjects"]) + 25 * COPIES
