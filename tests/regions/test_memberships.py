"""A respondent's scope is their memberships: the policy reads them, in the role of the account."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from accounts.models import Role
from regions.models import Membership
from regions.policy import Area, responds_for, scope_text, visible_subjects
from tests.factories import UserFactory, parties, subject

pytestmark = pytest.mark.django_db


def codes(user, area=Area.PROFILE):
    return sorted(visible_subjects(user, area).values_list("code", flat=True))


def test_the_factory_keywords_become_memberships_in_the_users_role(ovr_vr13, rmc_11, contact_dops):
    assert [(m.subject.code, m.role) for m in ovr_vr13.memberships.all()] == [("VR13", Role.OVR)]
    assert parties(rmc_11) == ["B11"] and parties(contact_dops) == ["DOPS"]


def test_an_ovr_sees_the_regions_of_their_memberships_and_no_other(ovr_vr13):
    Membership.objects.create(user=ovr_vr13, subject=subject("VR14"), role=Role.OVR)
    assert codes(ovr_vr13) == ["VR13", "VR14"]
    assert responds_for(ovr_vr13, subject("VR14")) and not responds_for(ovr_vr13, subject("VR15"))


def test_a_membership_in_another_role_than_the_accounts_grants_nothing(db):
    user = UserFactory(role=Role.OVR)
    Membership.objects.create(user=user, subject=subject("VR13"), role=Role.CONTACT)
    assert codes(user) == []
    assert client_get_region(user).status_code == 404


def client_get_region(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.get(reverse("regions:detail", args=["VR13"]))


def test_a_membership_of_a_party_of_another_kind_grants_nothing(db):
    contact = UserFactory(role=Role.CONTACT)
    Membership.objects.create(user=contact, subject=subject("B11"), role=Role.CONTACT)
    assert codes(contact) == []


def test_an_rmc_reads_the_brigades_regions_and_a_region_they_are_a_member_of_but_responds_for_the_brigade(rmc_11):
    brigade_regions = sorted(subject("B11").brigade.regions.values_list("code", flat=True))
    outside = next(code for code in ["VR01", "VR13", "VR25"] if code not in brigade_regions)
    Membership.objects.create(user=rmc_11, subject=subject(outside), role=Role.RMC)
    assert codes(rmc_11, Area.QUESTIONNAIRE) == sorted([*brigade_regions, outside, "B11"])
    assert codes(rmc_11, Area.FINDINGS) == ["B11"]
    assert not responds_for(rmc_11, subject(outside))


def test_a_directorates_contact_person_sees_only_the_directorate_and_no_questionnaire(contact_dops):
    assert codes(contact_dops) == ["DOPS"] and codes(contact_dops, Area.QUESTIONNAIRE) == []


def test_one_person_is_a_member_of_a_party_once(ovr_vr13):
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=ovr_vr13, subject=subject("VR13"), role=Role.OVR)


def test_the_scope_reads_as_the_codes_of_the_memberships(ovr_vr13, rmc_11, inspector, ministry):
    Membership.objects.create(user=ovr_vr13, subject=subject("VR14"), role=Role.OVR)
    assert scope_text(ovr_vr13) == "VR13, VR14"
    assert scope_text(rmc_11) == "B11"
    assert scope_text(inspector) == "alle partijen" and scope_text(ministry) == "landelijk beeld"
    assert scope_text(UserFactory(role=Role.CONTACT)) == "geen partij"


def test_the_region_page_names_its_respondents_from_the_memberships(client_for, inspector, ovr_vr13, contact_vr13, rmc_11):
    page = client_for(inspector).get(reverse("regions:detail", args=["VR13"]))
    assert page.context["ovrs"] == [ovr_vr13] and page.context["contacts"] == [contact_vr13]
