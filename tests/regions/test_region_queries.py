"""The region list costs the same number of queries for one region as for twenty-five."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from regions.models import Membership, Subject


def queries_for(client) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("regions:list"))
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_region_list_query_count_does_not_grow_with_the_number_of_regions(client_for, ovr_vr13, django_assert_num_queries):
    client = client_for(ovr_vr13)
    small = queries_for(client)
    Membership.objects.bulk_create(
        [Membership(user=ovr_vr13, subject=s, role=Role.OVR) for s in Subject.objects.filter(kind="region").exclude(code="VR13")])
    with django_assert_num_queries(small):
        response = client.get(reverse("regions:list"))
    assert len(response.context["regions"]) == 25
