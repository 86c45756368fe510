import pytest
from django.core.exceptions import ValidationError

from findings.services import citation_add, report_save
from framework.models import Round
from tests.findings.helpers import send, write_all

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("regions", [2, 20])
def test_the_overview_takes_a_fixed_number_of_queries(client_for, inspector, regions, django_assert_num_queries):
    for code in [f"VR{n:02d}" for n in range(1, regions + 1)]:
        send(inspector, code=code)
    client = client_for(inspector)
    client.get("/findings/")
    with django_assert_num_queries(11):
        assert client.get("/findings/").status_code == 200


def test_the_overview_lists_findings_that_cite_nothing(client_for, inspector):
    write_all(inspector)
    html = client_for(inspector).get("/findings/").content.decode()
    assert "/findings/icms-2013/VR13/3.4.1/" in html.split('id="zonder-bron"')[1]


def test_a_finding_that_cites_an_interview_passage_leaves_the_check(client_for, inspector, vr13):
    write_all(inspector)
    report = report_save(round=Round.objects.get(year=2013), subject=vr13.subject, held_on=None, participants="OVR",
                         text="De OVR zit niet in het beleidsteam.", by=inspector)
    finding = vr13.subject.findings.get(success_factor__code="3.4.1")
    citation_add(by=inspector, finding=finding, report=report, passage="niet in het beleidsteam")
    html = client_for(inspector).get("/findings/").content.decode()
    assert "/findings/icms-2013/VR13/3.4.1/" not in html.split('id="zonder-bron"')[1]


def test_a_passage_that_is_not_in_the_report_is_refused(inspector, vr13):
    write_all(inspector)
    report = report_save(round=Round.objects.get(year=2013), subject=vr13.subject, held_on=None, participants="", text="Kort.",
                         by=inspector)
    with pytest.raises(ValidationError):
        citation_add(by=inspector, finding=vr13.subject.findings.first(), report=report, passage="iets anders")
