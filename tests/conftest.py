"""Shared fixtures: the personas of the STYLE guide, on PostgreSQL."""

import pytest
from django.conf import settings
from django.utils import translation

from accounts.models import Role
from regions.models import Brigade, Region
from tests.factories import UserFactory


def pytest_configure(config):
    # Every test user has the password "demo"; hashing it with PBKDF2 for each of them would take most of the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The national pages' cache is off, so that every test (and every pinned query count) sees the page as
    # computed; tests/national/test_cache.py switches it on.
    settings.NATIONAL_PAGE_CACHE_SECONDS = 0
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        pytest.exit(f"De tests draaien op PostgreSQL, niet op {engine}: zet DATABASE_URL (make test doet dat).", returncode=2)


@pytest.fixture(autouse=True)
def _dutch():
    # A request in an earlier test may leave English active in this thread; every test starts in Dutch.
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    # Uploaded evidence goes to a throwaway folder per test.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def vr13(db) -> Region:
    return Region.objects.get(code="VR13")


@pytest.fixture
def vr14(db) -> Region:
    return Region.objects.get(code="VR14")


@pytest.fixture
def inspector(db):
    return UserFactory(username="inspecteur", role=Role.INSPECTOR)


@pytest.fixture
def ovr_vr13(db, vr13):
    return UserFactory(username="ovr.vr13", role=Role.OVR, regions=[vr13])


@pytest.fixture
def contact_vr13(db, vr13):
    return UserFactory(username="contact.vr13", role=Role.CONTACT, regions=[vr13])


@pytest.fixture
def ovr_vr14(db, vr14):
    return UserFactory(username="ovr.vr14", role=Role.OVR, regions=[vr14])


@pytest.fixture
def contact_vr14(db, vr14):
    return UserFactory(username="contact.vr14", role=Role.CONTACT, regions=[vr14])


@pytest.fixture
def rmc_11(db):
    return UserFactory(username="rmc.11", role=Role.RMC, brigade=Brigade.objects.get(number=11))


@pytest.fixture
def rmc_43(db):
    return UserFactory(username="rmc.43", role=Role.RMC, brigade=Brigade.objects.get(number=43))


@pytest.fixture
def contact_dops(db):
    from regions.models import Subject

    return UserFactory(username="contact.dops", role=Role.DIRECTORATE, directorate=Subject.objects.get(code="DOPS"))


@pytest.fixture
def ministry(db):
    return UserFactory(username="ministerie", role=Role.MINISTRY)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", role=Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(client):
    """Log a persona in: `client_for(ovr_vr13).get(...)`."""

    def login(user):
        client.force_login(user)
        return client

    return login


def load_demo() -> None:
    """What `manage.py load_demo` loads: the demo users and each app's demo data."""
    from cmsaudit.demo import demo_loaders, users_load

    users_load()
    for _name, loader in demo_loaders():
        loader()


@pytest.fixture(scope="session")
def reference_snapshot(django_db_setup, django_db_blocker) -> str:
    """The migrated database (reference data: regions, subjects, framework, questionnaires) as Django
    serialized it for `serialized_rollback`, taken before the browser starts."""
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        with django_db_blocker.unblock():
            contents = connection.creation.serialize_db_to_string()
    return contents


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, reference_snapshot):
    """The demo as `load_demo` leaves the database, loaded once per test process and copied out (tests/snapshot.py);
    the database itself is left as it was. A test that committed may have emptied the database before the process
    first asks for the demo: the reference data are put back first (inside the same rolled-back transaction)."""
    from django.db import connection, transaction

    from tests.snapshot import Snapshot

    with django_db_blocker.unblock(), transaction.atomic():
        if not Region.objects.exists():
            connection.creation.deserialize_db_from_string(reference_snapshot)
        load_demo()
        snapshot = Snapshot.take(connection)
        transaction.set_rollback(True)
    return snapshot


@pytest.fixture(scope="module")
def demo_data(demo_snapshot, django_db_blocker):
    """The demo (`load_demo`), put in place once for a module whose tests read it; each test still runs in its own
    savepoint, so what a test changes is gone for the next one. Rolled back at the end of the module."""
    from django.db import connection, transaction

    with django_db_blocker.unblock(), transaction.atomic():
        demo_snapshot.restore(connection)
        yield
        transaction.set_rollback(True)
