from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


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
