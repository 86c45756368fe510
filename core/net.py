"""Where a request came from."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address a request came from. Behind the proxy that terminates TLS (TLS_TERMINATED_BY_PROXY=1) that is
    the last X-Forwarded-For entry, the one the proxy added; otherwise the connection's own address, and a
    forwarded header is never believed."""
    if settings.TLS_TERMINATED_BY_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")
