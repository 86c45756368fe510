"""How a page tells the user why something was refused: every message of a refusal or of an invalid form
becomes one error message on the next page (the views of every app use these)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def form_messages(form) -> list[str]:
    return [message for errors in form.errors.values() for message in errors]


def flash_refusal(request: HttpRequest, error: Exception) -> None:
    """A ValidationError's messages, or a stale edit's text, as error messages."""
    texts = error.messages if isinstance(error, ValidationError) else [str(error)]
    for text in texts:
        messages.error(request, text)


def flash_form_errors(request: HttpRequest, form) -> None:
    for text in form_messages(form):
        messages.error(request, text)


def attempt(request: HttpRequest, action, success: str = ""):
    """Run a service; its refusal becomes a Dutch error message on the next page, its success `success`."""
    try:
        result = action()
    except ValidationError as error:
        flash_refusal(request, error)
        return None
    if success:
        messages.success(request, success)
    return result
