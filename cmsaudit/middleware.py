import re
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


class DutchByDefaultMiddleware:
    """The interface is Dutch unless the user picks English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language; for a Dutch
    inspectorate's tool the language is a choice, not a guess. Runs before LocaleMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


# C0 controls and DEL: no subject, round or factor code holds one; PostgreSQL refuses NUL in a query.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class ControlCharactersNotFoundMiddleware:
    """An address with a control character in its path (`/national/2013/%00/`) names nothing: 404 for everyone,
    before any view passes the character on to the database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if CONTROL_CHARACTERS.search(request.path_info):
            raise Http404("control character in the address")
        return self.get_response(request)


class NoStoreWhenAuthenticatedMiddleware:
    """Whatever a signed-in user is shown (pages, files, API) stays out of browser and proxy caches: another
    user of the same computer, or a shared proxy, must not find it. Runs after the authentication middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
