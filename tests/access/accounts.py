"""Signing in and people: the password reset pages (open to everyone) and the inspectors' pages of accounts."""

from tests.access.rules import Case, expect

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
    "people:deactivate": [Case(method="post", setup=_target, expect=expect(403, inspector=302, admin_user=302), changes=WRITERS)],
}
