import pytest

from findings.models import Verification, VerificationStatus
from framework.models import Round
from regions.models import Subject, SubjectKind

pytestmark = pytest.mark.django_db

PUBLISH = "/national/icms-2013/publish/"


def test_a_round_cannot_be_published_while_regions_are_unverified(client_for, inspector):
    response = client_for(inspector).post(PUBLISH, {"override_reason": ""}, follow=True)
    assert "Nog niet alle regio&#x27;s zijn geverifieerd (0 van 25)" in response.content.decode()
    assert Round.objects.get(year=2013).published_at is None


def test_an_inspector_may_publish_with_a_reason_that_is_kept(client_for, inspector):
    client_for(inspector).post(PUBLISH, {"override_reason": "Twee regio's reageerden niet binnen de termijn."})
    round = Round.objects.get(year=2013)
    assert round.published_by == inspector
    assert round.publish_override_reason == "Twee regio's reageerden niet binnen de termijn."
    assert round.status == "closed"


def test_a_round_with_every_region_verified_is_published_without_a_reason(client_for, inspector):
    round = Round.objects.get(year=2013)
    Verification.objects.bulk_create(
        Verification(round=round, subject=subject, status=VerificationStatus.VERIFIED)
        for subject in Subject.objects.filter(kind=SubjectKind.REGION)
    )
    client_for(inspector).post(PUBLISH, {"override_reason": ""})
    round.refresh_from_db()
    assert round.published_at is not None
    assert round.publish_override_reason == ""


def test_ministry_staff_cannot_publish(client_for, ministry):
    assert client_for(ministry).post(PUBLISH, {"override_reason": "x"}).status_code == 403
