"""The national pages are kept per reader while the data stand still, and computed afresh once they change."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from framework.models import Round, SuccessFactor
from national.services import preview_share
from regions.models import Membership
from tests.factories import FindingFactory, subject

pytestmark = pytest.mark.django_db

PAGE = "/national/icms-2013/3.4.1/"


@pytest.fixture(autouse=True)
def cached(settings):
    settings.NATIONAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def _judge(code: str, judgment: str):
    return FindingFactory(subject=subject(code), success_factor=SuccessFactor.objects.get(code="3.4.1"), judgment=judgment)


def test_a_second_read_is_served_from_the_cache_until_a_judgment_changes(client_for, inspector):
    finding = _judge("VR01", "voldoet")
    client = client_for(inspector)
    first = client.get(PAGE)
    with CaptureQueriesContext(connection) as again:
        second = client.get(PAGE)
    assert second.content == first.content
    with CaptureQueriesContext(connection) as fresh_queries:
        client.get(PAGE + "?fresh=1")
    assert len(again) < len(fresh_queries) / 2
    finding.judgment = "voldoet_niet"
    finding.save()
    third = client.get(PAGE)
    assert third.content != first.content


def test_a_reader_never_gets_another_readers_page(client, inspector, ministry):
    preview_share(round=Round.objects.get(year=2013), by=inspector)
    _judge("VR01", "voldoet")
    client.force_login(inspector)
    inspector_page = client.get(PAGE).content.decode()
    client.force_login(ministry)
    ministry_page = client.get(PAGE).content.decode()
    assert "VR01" in inspector_page
    assert "VR01" not in ministry_page


def test_the_api_follows_a_changed_answer(client_for, inspector):
    client = client_for(inspector)
    before = client.get("/api/national/icms-2013/").json()
    _judge("VR02", "voldoet_gedeeltelijk")
    after = client.get("/api/national/icms-2013/").json()
    assert after["success_factors"]["3.4.1"]["counts"] != before["success_factors"]["3.4.1"]["counts"]


def test_an_inspector_made_ministry_gets_no_region_name_from_the_kept_pages(client, inspector):
    preview_share(round=Round.objects.get(year=2013), by=inspector)
    _judge("VR01", "voldoet")
    name = subject("VR01").name
    client.force_login(inspector)
    assert name in client.get(PAGE).content.decode()
    inspector.role = "ministry"  # an administrator changes the role; the session stays
    inspector.save()
    page = client.get(PAGE)
    assert page.status_code == 200
    assert name not in page.content.decode()
    assert "VR01" not in page.content.decode()


def test_a_change_of_scope_misses_the_kept_page(inspector, ministry, rf):
    from national.cache import page_key

    request = rf.get(PAGE)
    request.user = ministry
    before = page_key(request, "v1")
    Membership.objects.create(user=ministry, subject=subject("VR01"), role="ovr")
    assert page_key(request, "v1") != before
    request.user = inspector
    assert page_key(request, "v1") != before
