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


def test_a_conclusion_of_a_published_round_can_no_longer_change(inspector):
    from findings.services import conclusion_save
    from tests.factories import NationalConclusionFactory

    conclusion = NationalConclusionFactory(judgment="voldoet")
    conclusion.round.published_at = timezone.now()
    conclusion.round.save()
    with pytest.raises(ValidationError, match="gepubliceerd"):
        conclusion_save(round=conclusion.round, success_factor=conclusion.success_factor, text="Anders.",
                        judgment="voldoet_niet", by=inspector)
    conclusion.refresh_from_db()
    assert conclusion.text != "Anders."
