"""Demo users (password `demo`) and the order in which the apps load their demo data, for `manage.py load_demo`."""

from __future__ import annotations

from accounts.models import Role, User
from regions.models import Brigade, Region

DEMO_PASSWORD = "demo"

# username, first name, last name, role, region codes, brigade number
DEMO_USERS = [
    ("inspecteur", "Ingrid", "de Inspecteur", Role.INSPECTOR, [], None),
    ("ovr.vr13", "Olaf", "van Rijn", Role.OVR, ["VR13"], None),
    ("contact.vr13", "Carla", "Jansen", Role.CONTACT, ["VR13"], None),
    ("ovr.vr14", "Otto", "de Vries", Role.OVR, ["VR14"], None),
    ("contact.vr14", "Corrie", "Bakker", Role.CONTACT, ["VR14"], None),
    ("rmc.11", "Ruud", "Mulder", Role.RMC, [], 11),
    ("rmc.43", "Rob", "Meijer", Role.RMC, [], 43),
    ("rmc.13", "Rik", "Smit", Role.RMC, [], 13),
    ("ministerie", "Marieke", "Visser", Role.MINISTRY, [], None),
    ("admin", "Anton", "Beheer", Role.ADMIN, [], None),
]


def users_load() -> list[User]:
    """Create or reset the demo users; idempotent."""
    users = []
    for username, first, last, role, codes, brigade in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.role = first, last, role
        user.email = f"{username}@example.nl"
        user.brigade = Brigade.objects.get(number=brigade) if brigade else None
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.regions.set(Region.objects.filter(code__in=codes))
        users.append(user)
    return users


def demo_loaders():
    """Demo data per app, in dependency order; each returns a one-line summary."""
    from assessments.demo import demo_load as assessments_demo
    from findings.demo import demo_load as findings_demo
    from national.demo import demo_load as national_demo

    return [("vragenlijsten", assessments_demo), ("bevindingen", findings_demo), ("landelijk beeld", national_demo)]
