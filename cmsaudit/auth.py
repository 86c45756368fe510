"""Login throttling (django-axes) as this project deploys it: the lock is per user name and address."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest

# The address of a login attempt (AXES_CLIENT_IP_CALLABLE names it here); the event log uses the same.
from core.net import client_address  # noqa: F401


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses a login from an address where the user name is locked; authenticates nobody itself.

    `authenticate()` without a request (a shell, a management command) is no attempt from an address:
    it passes on to the next backend, where axes' own backend would raise.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
