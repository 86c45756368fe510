"""The link of an invitation: a password-reset token of its own kind, valid for INVITATION_DAYS.

Like Django's reset token it hashes the account's password and last login, so it is void once used, and void
when a new invitation gives the account a new unusable password. Its salt differs, so an invitation link is
no reset link and the other way round.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

INVITATION_DAYS = 7


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.tokens.InvitationTokenGenerator"
    max_age = datetime.timedelta(days=INVITATION_DAYS)

    def check_token(self, user, token):
        # Django's check with this generator's validity instead of PASSWORD_RESET_TIMEOUT (three days).
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return self._num_seconds(self._now()) - ts <= self.max_age.total_seconds()


invitation_tokens = InvitationTokenGenerator()
