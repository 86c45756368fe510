import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from findings.models import Finding
from findings.services import finding_save
from tests.factories import FindingFactory


def test_a_finding_of_a_published_round_can_no_longer_change(inspector):
    finding = FindingFactory(judgment="voldoet")
    finding.round.published_at = timezone.now()
    finding.round.save()
    with pytest.raises(ValidationError, match="gepubliceerd"):
        finding_save(
            round=finding.round, region=finding.region, success_factor=finding.success_factor,
            text=finding.text, judgment="voldoet_niet", by=inspector,
        )
    assert Finding.objects.get(pk=finding.pk).judgment == "voldoet"
