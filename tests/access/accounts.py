"""Signing in and people: the password reset pages (open to everyone) and the inspectors' pages of accounts."""

from tests.access.rules import Case, expect

OPEN = expect(200, anonymous=200)

RULES = {
    "password_reset": [Case(expect=OPEN)],
    "password_reset_done": [Case(expect=OPEN)],
    # A link that is not valid (any more) says so, to everyone.
    "password_reset_confirm": [Case(kwargs={"uidb64": "MQ", "token": "set-password"}, expect=OPEN)],
    "password_reset_complete": [Case(expect=OPEN)],
}
