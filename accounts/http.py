"""The requests the views see, as the type checker should see them.

`HtmxMiddleware` gives every request `htmx`. `LoginRequiredMiddleware` lets no anonymous request reach a view that
is not marked `@login_not_required`, so such a view's `request.user` is always an `accounts.User`; django-stubs
types it `User | AnonymousUser` because it cannot know that. Views behind the login annotate
`request: AuthedRequest`; public views keep `HttpRequest` (or `HtmxRequest` when they read `request.htmx`).
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from accounts.models import User


class HtmxRequest(HttpRequest):
    """A request `HtmxMiddleware` has seen: it tells whether htmx sent it."""

    htmx: HtmxDetails


class AuthedRequest(HtmxRequest):
    """A request that passed the login: its user is a `User`."""

    user: User
