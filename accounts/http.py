"""The request a view behind the login sees, as the type checker should see it.

`LoginRequiredMiddleware` lets no anonymous request reach a view that is not marked `@login_not_required`, so such a
view's `request.user` is always an `accounts.User`; django-stubs types it `User | AnonymousUser` because it cannot
know that. Views behind the login annotate `request: AuthedRequest`; public views keep `HttpRequest`.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from accounts.models import User


class AuthedRequest(HttpRequest):
    """A request that passed the login: its user is a `User`, and `HtmxMiddleware` has added `htmx`."""

    user: User
    htmx: HtmxDetails
