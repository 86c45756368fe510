"""The Django admin shows what the services own but changes none of it; reference data and users stay
editable; a published round is read-only there as everywhere."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from core.admin import ServiceOwnedAdmin
from framework.models import Round
from regions.models import Region

pytestmark = pytest.mark.django_db

SERVICE_OWNED = sorted(
    (model._meta.label for model, model_admin in admin.site._registry.items() if isinstance(model_admin, ServiceOwnedAdmin))
)


def test_every_model_the_services_write_is_read_only_in_the_admin():
    for label in ["assessments.Answer", "assessments.Assessment", "findings.Finding", "findings.InterviewReport",
                  "findings.Citation", "findings.NationalConclusion", "findings.Recommendation", "findings.DraftRule",
                  "findings.Verification", "findings.FollowUp"]:
        assert label in SERVICE_OWNED, label


@pytest.mark.parametrize("label", SERVICE_OWNED)
def test_the_admin_refuses_to_add_a_service_owned_record(client_for, admin_user, label):
    app_label, model_name = label.lower().split(".")
    client = client_for(admin_user)
    assert client.get(reverse(f"admin:{app_label}_{model_name}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == 403


def test_the_admin_shows_a_finding_without_saving_a_change(client_for, admin_user):
    from tests.factories import FindingFactory

    finding = FindingFactory(text="Zoals gevonden.")
    client = client_for(admin_user)
    url = reverse("admin:findings_finding_change", args=[finding.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "Via de admin gewijzigd.", "judgment": "voldoet"})
    assert response.status_code == 403
    finding.refresh_from_db()
    assert finding.text == "Zoals gevonden."


def test_reference_data_stays_editable(client_for, admin_user):
    region = Region.objects.get(code="VR13")
    response = client_for(admin_user).get(reverse("admin:regions_region_change", args=[region.pk]))
    assert response.status_code == 200
    assert 'name="_save"' in response.content.decode()


def test_a_published_round_cannot_be_changed_in_the_admin(client_for, admin_user):
    round_2009 = Round.objects.get(year=2009)
    round_2009.published_at, round_2009.status = timezone.now(), "closed"
    round_2009.save()
    client = client_for(admin_user)
    response = client.post(reverse("admin:framework_round_change", args=[round_2009.pk]),
                           {"year": 2009, "kind": "tussenmeting", "status": "open"})
    assert response.status_code == 403
    round_2009.refresh_from_db()
    assert round_2009.status == "closed"
    open_round = client.get(reverse("admin:framework_round_change", args=[Round.objects.get(year=2013).pk]))
    assert 'name="_save"' in open_round.content.decode()


def test_the_admin_is_headed_with_the_applications_name_and_lists_its_models_in_dutch(client_for, admin_user):
    from django.utils.html import strip_tags

    response = client_for(admin_user).get(reverse("admin:index"))
    text = " ".join(strip_tags(response.content.decode()).split())
    assert "cmsaudit — beheer" in text
    assert "Django" not in text
    for dutch in ["Bevindingen en aanbevelingen", "Deelconclusies", "Opvolgingen", "Regels voor conceptaanbevelingen",
                  "Verificaties", "Bronnen", "Herinneringen", "Gespreksverslagen", "Aanbevelingen"]:
        assert dutch in text, dutch
    for english in ["Draft rules", "Follow ups", "National conclusions", "Verifications", "Citations", "Reminders"]:
        assert english not in text, english


@pytest.mark.parametrize("app", ["accounts", "regions", "assessments", "findings", "national"])
def test_every_model_has_a_dutch_name(app):
    from django.apps import apps

    for model in apps.get_app_config(app).get_models():
        if model.__name__.startswith("Historical") or model.__name__ == "Brigade":  # "brigade" is Dutch too
            continue
        name = str(model._meta.verbose_name)
        # Django's default is the class name split into lower-case English words.
        assert name != model._meta.model_name and " ".join(name.split()) != _default_name(model.__name__), model.__name__


def test_the_login_throttling_models_are_named_in_dutch_in_the_admin(client_for, admin_user):
    from django.utils.html import strip_tags

    text = " ".join(strip_tags(client_for(admin_user).get(reverse("admin:index")).content.decode()).split())
    assert "Inlogpogingen" in text and "Aanmeldingen" in text
    assert "Access attempts" not in text and "Access logs" not in text


def _default_name(class_name: str) -> str:
    import re

    return re.sub(r"(?<!^)(?=[A-Z])", " ", class_name).lower()


def _user_form(user, memberships):
    data = {
        "username": user.username, "first_name": user.first_name, "last_name": user.last_name, "email": user.email,
        "role": user.role, "is_active": "on", "date_joined_0": "2025-01-01", "date_joined_1": "10:00:00",
        "memberships-TOTAL_FORMS": str(len(memberships)), "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
    }
    for n, (code, role) in enumerate(memberships):
        from regions.models import Subject

        data[f"memberships-{n}-subject"] = Subject.objects.get(code=code).pk
        data[f"memberships-{n}-role"] = role
    return data


def test_the_admin_refuses_a_contact_person_with_more_than_one_region(client_for, admin_user):
    from tests.factories import UserFactory, parties

    contact = UserFactory(username="nieuw.contact", role="contact")
    url = reverse("admin:accounts_user_change", args=[contact.pk])
    response = client_for(admin_user).post(url, _user_form(contact, [("VR07", "contact"), ("VR08", "contact")]))
    assert response.status_code == 200
    assert "hoort bij één partij; u koos er 2 (VR07, VR08)" in response.content.decode()
    assert parties(contact) == []


def test_the_admin_gives_an_ovr_several_regions_as_memberships(client_for, admin_user):
    from tests.factories import UserFactory, parties

    ovr = UserFactory(username="nieuw.ovr", role="ovr")
    url = reverse("admin:accounts_user_change", args=[ovr.pk])
    response = client_for(admin_user).post(url, _user_form(ovr, [("VR07", "ovr"), ("VR08", "ovr")]))
    assert response.status_code == 302
    assert parties(ovr) == ["VR07", "VR08"]


def test_the_admin_refuses_a_membership_in_another_role_or_of_another_kind(client_for, admin_user):
    from tests.factories import UserFactory

    rmc = UserFactory(username="nieuw.rmc", role="rmc")
    client = client_for(admin_user)
    url = reverse("admin:accounts_user_change", args=[rmc.pk])
    assert "is een veiligheidsregio" in client.post(url, _user_form(rmc, [("VR07", "rmc")])).content.decode()
    assert "kies dezelfde rol" in client.post(url, _user_form(rmc, [("B11", "ovr")])).content.decode()


def test_the_admins_user_list_shows_each_accounts_scope(client_for, admin_user, ovr_vr13, rmc_11, ministry):
    from django.utils.html import strip_tags

    text = " ".join(strip_tags(client_for(admin_user).get(reverse("admin:accounts_user_changelist")).content.decode()).split())
    assert "Bereik" in text
    assert "OVRVR13" in text and "RMCB11" in text and "Ministerielandelijk beeld" in text
