"""Demo users (password `demo`) and the order in which the apps load their demo data, for `manage.py load_demo`."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password

from accounts.models import Role, User
from assessments.demo import FORMER_SUFFIX
from people.services import memberships_replace
from regions.models import Subject

DEMO_PASSWORD = "demo"

# Per region its OVR and its contact person (first name, last name each): the respondents who filled in the
# region's questionnaires, signed them and verified its findings. VR13 and VR14 keep the names the README and
# the journeys use.
REGION_RESPONDENTS = {
    "VR01": (("Gerrit", "Hoekstra"), ("Anke", "Wiersma")),
    "VR02": (("Sjoerd", "de Boer"), ("Tineke", "Bosma")),
    "VR03": (("Harm", "Kuipers"), ("Jolanda", "Oosting")),
    "VR04": (("Bert", "Schuurman"), ("Marloes", "Kamphuis")),
    "VR05": (("Erik", "Nijhuis"), ("Ilse", "Oude Luttikhuis")),
    "VR06": (("Wim", "Wolters"), ("Sandra", "Hendriks")),
    "VR07": (("Arjan", "van den Berg"), ("Monique", "Verhoef")),
    "VR08": (("Peter", "Janssen"), ("Yvonne", "Peters")),
    "VR09": (("Maarten", "de Wit"), ("Esther", "van Dijk")),
    "VR10": (("Kees", "Bakker"), ("Ellen", "Dekker")),
    "VR11": (("Ronald", "Vos"), ("Nicole", "Schouten")),
    "VR12": (("Jeroen", "Brouwer"), ("Petra", "Kok")),
    "VR13": (("Olaf", "van Rijn"), ("Carla", "Jansen")),
    "VR14": (("Otto", "de Vries"), ("Corrie", "Bakker")),
    "VR15": (("Frank", "van Leeuwen"), ("Karin", "de Jong")),
    "VR16": (("Hans", "van der Meer"), ("Linda", "Vermeulen")),
    "VR17": (("Marco", "Willemsen"), ("Saskia", "van der Linden")),
    "VR18": (("Dirk", "Koster"), ("Anja", "Huisman")),
    "VR19": (("Jan", "Verburg"), ("Marieke", "de Ridder")),
    "VR20": (("Ad", "van Gils"), ("Inge", "Maas")),
    "VR21": (("Toon", "van der Heijden"), ("Ria", "Verhagen")),
    "VR22": (("Frans", "Smulders"), ("Hanneke", "van Asten")),
    "VR23": (("Harry", "Peeters"), ("Miriam", "Jacobs")),
    "VR24": (("Jos", "Wetzels"), ("Brigitte", "Hermans")),
    "VR25": (("Richard", "Kramer"), ("Astrid", "Visser")),
}


# The people who filled in and signed the region's 2009 questionnaire: other people than in 2013, as the report
# tells it (Defence posts an OVR for three years; the regions' contact persons changed too). Their accounts,
# `ovr.vr01.2009` and so on, have been deactivated since they moved on; they keep the region they responded for,
# so that what they entered, signed and verified stays theirs (assessments.demo.former_respondents_active).
FORMER_RESPONDENTS = {
    2009: {
        "VR01": (("Klaas", "Veenstra"), ("Grietje", "Zijlstra")),
        "VR02": (("Wiebe", "Terpstra"), ("Baukje", "Postma")),
        "VR03": (("Albert", "Drenth"), ("Roelie", "Mulderij")),
        "VR04": (("Henk", "Bruggink"), ("Gerda", "Lubbers")),
        "VR05": (("Gert", "Nijenhuis"), ("Annemiek", "Kleinsman")),
        "VR06": (("Theo", "Brinkman"), ("Wilma", "Steenbergen")),
        "VR07": (("Johan", "Hofman"), ("Marjan", "Ouwerkerk")),
        "VR08": (("Gerard", "Arts"), ("Joke", "Hermsen")),
        "VR09": (("Bas", "van Vliet"), ("Mirjam", "Schipper")),
        "VR10": (("Paul", "Hoogendoorn"), ("Carolien", "de Graaf")),
        "VR11": (("Michiel", "Pronk"), ("Marianne", "Roos")),
        "VR12": (("Edwin", "Verbeek"), ("Sylvia", "Boon")),
        "VR13": (("Willem", "de Lange"), ("Judith", "Kroon")),
        "VR14": (("Arie", "Mol"), ("Ineke", "Blom")),
        "VR15": (("Cor", "Scholten"), ("Renate", "Post")),
        "VR16": (("Leo", "van Dam"), ("Wendy", "Groen")),
        "VR17": (("Ton", "Sanders"), ("Bianca", "van Es")),
        "VR18": (("Aad", "Vermeer"), ("Hennie", "de Bruin")),
        "VR19": (("Martin", "Timmermans"), ("Anneke", "Goossens")),
        "VR20": (("Piet", "van Dongen"), ("Elly", "Damen")),
        "VR21": (("Gijs", "van de Ven"), ("Truus", "Gerrits")),
        "VR22": (("Rien", "Swinkels"), ("Mieke", "van Lieshout")),
        "VR23": (("Sjef", "Janssens"), ("Lies", "Coenen")),
        "VR24": (("Har", "Bemelmans"), ("Yvette", "Frissen")),
        "VR25": (("Evert", "Prins"), ("Margriet", "Huizinga")),
    },
}


def _respondents(respondents: dict, suffix: str = "") -> list[tuple]:
    rows = []
    for code, ((ovr_first, ovr_last), (contact_first, contact_last)) in respondents.items():
        rows.append((f"ovr.{code.lower()}{suffix}", ovr_first, ovr_last, Role.OVR, [code], None))
        rows.append((f"contact.{code.lower()}{suffix}", contact_first, contact_last, Role.CONTACT, [code], None))
    return rows


# username, first name, last name, role, region codes, brigade number: the people of earlier rounds, whose
# accounts are inactive.
FORMER_USERS = [
    row for year, respondents in FORMER_RESPONDENTS.items() for row in _respondents(respondents, FORMER_SUFFIX.format(year=year))
]


# username, first name, last name, role, region codes (a directorate's contact person: its code), brigade number
DEMO_USERS = [
    ("inspecteur", "Ingrid", "de Inspecteur", Role.INSPECTOR, [], None),
    *_respondents(REGION_RESPONDENTS),
    ("rmc.11", "Ruud", "Mulder", Role.RMC, [], 11),
    ("rmc.43", "Rob", "Meijer", Role.RMC, [], 43),
    ("rmc.13", "Rik", "Smit", Role.RMC, [], 13),
    ("contact.dops", "Dirk", "Hendriks", Role.DIRECTORATE, ["DOPS"], None),
    ("contact.djz", "Jolanda", "Zwart", Role.DIRECTORATE, ["DJZ"], None),
    ("contact.clas", "Kees", "Lammers", Role.DIRECTORATE, ["CLAS"], None),
    ("ministerie", "Marieke", "Visser", Role.MINISTRY, [], None),
    ("admin", "Anton", "Beheer", Role.ADMIN, [], None),
]


FORMER_USERNAMES = {row[0] for row in FORMER_USERS}


def users_load() -> list[User]:
    """Create or reset the demo users, and the inactive accounts of the people of earlier rounds; idempotent."""
    # One hash for all: hashing the same password for some sixty users one by one takes most of a load.
    password = make_password(DEMO_PASSWORD)
    subjects = {subject.code: subject for subject in Subject.objects.all()}
    users = []
    for username, first, last, role, codes, brigade in [*DEMO_USERS, *FORMER_USERS]:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.role = first, last, role
        user.email = f"{username}@example.nl"
        user.is_staff = user.is_superuser = role == Role.ADMIN
        if username in FORMER_USERNAMES:
            user.is_active = False  # they moved on; the demo makes them respondents again while it tells their round
        user.password = password
        user.save()
        memberships_replace(user=user, subjects=[subjects[code] for code in codes] + ([subjects[f"B{brigade}"]] if brigade else []))
        if username not in FORMER_USERNAMES:
            users.append(user)
    return users


def demo_loaders():
    """Demo data per app, in dependency order; each returns a one-line summary."""
    from assessments.demo import demo_load as assessments_demo
    from findings.demo import demo_load as findings_demo
    from national.demo import demo_load as national_demo

    return [("vragenlijsten", assessments_demo), ("bevindingen", findings_demo), ("landelijk beeld", national_demo)]
