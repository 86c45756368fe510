from django.urls import reverse

from accounts.models import Role
from regions.models import Brigade, Membership, Region


def test_every_database_has_the_25_regions_and_3_brigades(db):
    assert Region.objects.count() == 25
    assert list(Brigade.objects.values_list("number", flat=True)) == [11, 13, 43]
    assert Region.objects.get(code="VR13").name == "Amsterdam-Amstelland"
    assert Region.objects.filter(boundary__isnull=True).count() == 0


def test_an_inspector_sees_all_25_regions(client_for, inspector):
    response = client_for(inspector).get(reverse("regions:list"))
    assert len(response.context["regions"]) == 25
    assert "Bron: CBS / PDOK" in response.content.decode()


def test_an_ovr_sees_only_their_region_in_the_list(client_for, ovr_vr13):
    response = client_for(ovr_vr13).get(reverse("regions:list"))
    assert [r.code for r in response.context["regions"]] == ["VR13"]


def test_an_ovr_covering_several_regions_sees_each_of_them(client_for, ovr_vr13, vr14):
    Membership.objects.create(user=ovr_vr13, subject=vr14.subject, role=Role.OVR)
    client = client_for(ovr_vr13)
    assert client.get(reverse("regions:detail", args=["VR14"])).status_code == 200
    assert client.get(reverse("regions:detail", args=["VR15"])).status_code == 404


def test_the_region_page_shows_its_brigade_ovr_and_contact(client_for, ovr_vr13, contact_vr13, rmc_11):
    page = client_for(ovr_vr13).get(reverse("regions:detail", args=["VR13"])).content.decode()
    assert "11 Luchtmobiele Brigade" in page
    assert ovr_vr13.get_full_name() in page
    assert contact_vr13.get_full_name() in page
    assert rmc_11.get_full_name() in page


def test_an_rmc_reads_the_regions_of_their_brigade_only(client_for, rmc_11):
    client = client_for(rmc_11)
    codes = [r.code for r in client.get(reverse("regions:list")).context["regions"]]
    assert codes and set(codes) == set(Region.objects.filter(brigade__number=11).values_list("code", flat=True))


def test_a_region_moved_to_another_brigade_moves_with_it_for_the_rmc(client_for, rmc_11, rmc_43):
    region = Region.objects.get(code="VR01")
    region.brigade = Brigade.objects.get(number=11)
    region.save()
    assert client_for(rmc_11).get(reverse("regions:detail", args=["VR01"])).status_code == 200
    assert client_for(rmc_43).get(reverse("regions:detail", args=["VR01"])).status_code == 404


def test_ministry_staff_get_no_region_page_at_all(client_for, ministry):
    client = client_for(ministry)
    for region in Region.objects.all():
        assert client.get(reverse("regions:detail", args=[region.code])).status_code in (403, 404)


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get(reverse("regions:detail", args=["VR13"]))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/regions/VR13/"


def test_the_brigade_page_leads_the_rmc_to_the_brigade_questionnaire(client_for, rmc_11):
    page = client_for(rmc_11).get(reverse("regions:detail", args=["B11"])).content.decode()
    assert reverse("assessments:fill", args=["icms-2013", "B11"]) in page


def test_the_old_brigade_address_leads_to_the_brigade_page(client_for, rmc_11):
    response = client_for(rmc_11).get("/regions/brigades/11/")
    assert (response.status_code, response["Location"]) == (301, "/regions/B11/")
