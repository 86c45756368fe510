import pytest
from django.core.exceptions import ValidationError

from core.errors import StaleEdit
from findings.services import finding_save
from framework.models import Round, SuccessFactor
from tests.factories import subject

pytestmark = pytest.mark.django_db


def _save(by, **kwargs):
    defaults = {
        "round": Round.objects.get(year=2013),
        "success_factor": SuccessFactor.objects.get(code="3.4.1"),
        "text": "Defensie zit niet structureel in het beleidsteam.",
        "judgment": "voldoet_gedeeltelijk",
        "by": by,
    }
    defaults.update(kwargs)
    return finding_save(**defaults)


def test_saving_a_finding_records_who_wrote_it_in_the_history(inspector, vr13):
    finding = _save(inspector, subject=subject("VR13"))
    assert finding.revision == 1
    assert finding.history.get().history_user == inspector


def test_a_save_based_on_an_older_revision_is_refused_and_shows_both_texts(inspector, vr13):
    first = _save(inspector, subject=subject("VR13"))
    _save(inspector, subject=subject("VR13"), text="Nieuwe tekst", base_revision=first.revision)
    with pytest.raises(StaleEdit) as stale:
        _save(inspector, subject=subject("VR13"), text="Andere tekst", base_revision=first.revision)
    assert stale.value.current["text"] == "Nieuwe tekst"
    assert stale.value.proposed["text"] == "Andere tekst"


def test_an_unchanged_save_from_an_older_revision_is_not_an_error(inspector, vr13):
    first = _save(inspector, subject=subject("VR13"))
    _save(inspector, subject=subject("VR13"), text="Nieuwe tekst", base_revision=1)
    again = _save(inspector, subject=subject("VR13"), text="Nieuwe tekst", base_revision=first.revision)
    assert again.revision == 2


def test_a_brigade_factor_cannot_be_judged_for_a_region(inspector, vr13):
    with pytest.raises(ValidationError):
        _save(inspector, subject=subject("VR13"), success_factor=SuccessFactor.objects.get(code="3.3.1"))


def test_a_brigade_factor_is_judged_for_a_brigade(inspector):
    finding = _save(inspector, subject=subject("B11"), success_factor=SuccessFactor.objects.get(code="3.3.1"))
    assert finding.subject.code == "B11"
    assert finding.subject.brigade.number == 11


def test_an_unknown_judgment_is_refused(inspector, vr13):
    with pytest.raises(ValidationError):
        _save(inspector, subject=subject("VR13"), judgment="prima")
