import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from tests.factories import parties


def test_load_demo_users_only_creates_the_demo_users_with_password_demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", "--users-only")
    for username in ["inspecteur", "ovr.vr13", "contact.vr13", "rmc.11", "ministerie", "admin"]:
        assert authenticate(username=username, password="demo") is not None, username
    ovr = User.objects.get(username="ovr.vr13")
    assert ovr.role == Role.OVR and parties(ovr) == ["VR13"]
    assert parties(User.objects.get(username="rmc.11")) == ["B11"]
    for code in ("DOPS", "DJZ", "CLAS"):
        contact = User.objects.get(username=f"contact.{code.lower()}")
        assert contact.role == Role.DIRECTORATE and parties(contact) == [code]
        assert authenticate(username=contact.username, password="demo") is not None
    assert User.objects.get(username="admin").is_superuser


def test_every_region_has_a_named_ovr_and_contact_person_who_see_only_their_region(db, settings):
    settings.DEBUG = True
    call_command("load_demo", "--users-only")
    for number in range(1, 26):
        code = f"VR{number:02d}"
        for role, prefix in [(Role.OVR, "ovr"), (Role.CONTACT, "contact")]:
            user = User.objects.get(username=f"{prefix}.{code.lower()}")
            assert user.role == role and parties(user) == [code]
            assert user.first_name and user.last_name, user.username
            assert authenticate(username=user.username, password="demo") == user
    # Fifty different people now, and fifty others who answered in 2009 (posted elsewhere since: inactive).
    names = {u.get_full_name() for u in User.objects.filter(role__in=[Role.OVR, Role.CONTACT], is_active=True)}
    assert len(names) == 50
    former = {u.get_full_name() for u in User.objects.filter(role__in=[Role.OVR, Role.CONTACT], is_active=False)}
    assert len(former) == 50 and not former & names


def test_load_demo_twice_gives_the_same_users(db, settings):
    settings.DEBUG = True
    call_command("load_demo", "--users-only")
    count = User.objects.count()
    call_command("load_demo", "--users-only")
    assert User.objects.count() == count


def test_load_demo_is_refused_without_the_allowance(db, settings):
    settings.DEBUG = False
    settings.DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="niet toegestaan"):
        call_command("load_demo", "--users-only")
    assert not User.objects.filter(username="inspecteur").exists()


def test_the_demo_allowance_with_debug_off_is_refused_for_a_real_host(tmp_path):
    """A production configuration (its own host names) cannot carry the demo allowance."""
    import subprocess
    import sys

    from django.conf import settings as django_settings

    env = {"PATH": "/usr/bin:/bin", "DEBUG": "0", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "audit.example.org",
           "DEMO_ALLOWED": "1"}
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=django_settings.BASE_DIR, env=env,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "DEMO_ALLOWED is only for a local machine" in result.stderr


@pytest.mark.parametrize(
    ("username", "landing_text"),
    [("ovr.vr13", "VR13 Amsterdam-Amstelland"), ("rmc.11", "11 Luchtmobiele Brigade"), ("ministerie", "Landelijk beeld"),
     ("contact.dops", "Directie Operaties (DOPS)")],
)
def test_the_home_page_takes_each_role_to_its_work(db, settings, client, username, landing_text):
    settings.DEBUG = True
    call_command("load_demo", "--users-only")
    client.force_login(User.objects.get(username=username))
    assert landing_text in client.get("/").content.decode()
