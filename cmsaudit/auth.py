"""Login throttling (django-axes) as this project deploys it: the lock is per user name and address."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses a login from an address where the user name is locked; authenticates nobody itself.

    `authenticate()` without a request (a shell, a management command) is no attempt from an address:
    it passes on to the next backend, where axes' own backend would raise.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_address(request: HttpRequest) -> str | None:
    """The address a login attempt came from. Behind the proxy that terminates TLS (TLS_TERMINATED_BY_PROXY=1)
    that is the last X-Forwarded-For entry, the one the proxy added; otherwise the connection's own address,
    and a forwarded header is never believed."""
    if settings.TLS_TERMINATED_BY_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")
