"""Signing in and people: the password reset pages (open to everyone) and the inspectors' pages of accounts."""

from tests.access.rules import LOGGED_IN, Case, expect

OPEN = expect(200, anonymous=200)

RULES = {
    "password_reset": [Case(expect=OPEN)],
    "password_reset_done": [Case(expect=OPEN)],
    # A link that is not valid (any more) says so, to everyone.
    "password_reset_confirm": [Case(kwargs={"uidb64": "MQ", "token": "set-password"}, expect=OPEN)],
    "password_reset_complete": [Case(expect=OPEN)],
    # Single sign-on: without an identity provider configured (as in the suite) there is nothing there.
    "sso_start": [Case(expect=expect(404, anonymous=404))],
    "sso_callback": [Case(expect=expect(404, anonymous=404))],
}


def _invited() -> dict:
    from accounts.models import Role
    from accounts.services import invitation_renew
    from regions.models import Region
    from tests.factories import UserFactory

    user = UserFactory(username="uitgenodigd@example.nl", email="uitgenodigd@example.nl", role=Role.OVR,
                       regions=[Region.objects.get(code="VR07")])
    invitation_renew(user=user)
    return {"pk": user.pk}


def _target() -> dict:
    from accounts.models import Role
    from tests.factories import UserFactory

    return {"pk": UserFactory(username="wordt.gedeactiveerd", role=Role.OVR).pk}


INSPECTORS = {"inspector": 200, "admin_user": 200}
WRITERS = frozenset({"inspector", "admin_user"})

RULES |= {
    # An invitation's link that is not valid says so, to everyone.
    "invitation_accept": [Case(kwargs={"uidb64": "MQ", "token": "set-password"}, expect=OPEN)],
    # The people pages are the inspectors' (regions.policy Action.PEOPLE); everyone else is refused.
    "people:list": [Case(expect=expect(403, **INSPECTORS))],
    "people:log": [Case(expect=expect(403, **INSPECTORS))],
    "people:invite": [
        Case(expect=expect(403, **INSPECTORS)),
        Case(method="post", label="one person",
             data={"form": "one", "one-subject": "VR07", "one-role": "ovr", "one-name": "P W", "one-email": "pw@example.nl"},
             expect=expect(403, inspector=302, admin_user=302), changes=WRITERS),
    ],
    "people:reinvite": [Case(method="post", setup=_invited, expect=expect(403, inspector=302, admin_user=302), changes=WRITERS)],
    "people:party": [
        Case(setup=_target, expect=expect(403, **INSPECTORS)),
        Case(method="post", setup=_target, data={"subjects": ["VR08"]}, expect=expect(403, inspector=302, admin_user=302),
             changes=WRITERS),
    ],
    "people:deactivate": [Case(method="post", setup=_target, expect=expect(403, inspector=302, admin_user=302), changes=WRITERS)],
}


# The personas' user names and roles as tests/conftest.py makes them (UserFactory gets or creates by user name, so a
# persona made here first is the same account the fixture then gives its scope and password).
PERSONAS = {
    "inspector": ("inspecteur", "inspector"), "ovr_vr13": ("ovr.vr13", "ovr"), "contact_vr13": ("contact.vr13", "contact"),
    "ovr_vr14": ("ovr.vr14", "ovr"), "rmc_11": ("rmc.11", "rmc"), "rmc_43": ("rmc.43", "rmc"),
    "contact_dops": ("contact.dops", "directorate"), "ministry": ("ministerie", "ministry"), "admin_user": ("admin", "admin"),
}


def _notifications() -> dict:
    """An unread notification for every persona; the URL names the one of ovr_vr13."""
    from accounts.models import Notification
    from tests.factories import UserFactory

    pks = {}
    for persona, (username, role) in PERSONAS.items():
        user = UserFactory(username=username, role=role, is_staff=role == "admin", is_superuser=role == "admin")
        pks[persona] = Notification.objects.create(recipient=user, kind="findings_sent", text="Er wacht iets.", url="/").pk
    return {"pk": pks["ovr_vr13"]}


RULES |= {
    # One's own notifications: everyone logged in opens or marks theirs read and switches their e-mail; another
    # person's notification is not found.
    "notification_read": [
        Case(method="post", setup=_notifications, expect=expect(404, ovr_vr13=302), changes={"ovr_vr13"}),
    ],
    "notifications_read_all": [
        Case(method="post", setup=lambda: _notifications() and None, expect=expect(302), changes=LOGGED_IN),
    ],
    "notification_email": [Case(method="post", data={"email": "off"}, expect=expect(302), changes=LOGGED_IN)],
}
