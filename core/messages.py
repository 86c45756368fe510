"""The view edge, one rule for every app: how a page runs a service and tells the user what became of it.

- **An invalid form** is its page shown again, with the errors at the fields and everything typed kept (status
  as the page says: 200, or 400 where it says so). A form posted by a button or a small form of another page
  (sign, submit, close a verification, cite a source) has no page of its own to show again: its errors become
  messages on the page it came from, after the redirect back (`flash_form_errors`).
- **A refusal by a service** (`ValidationError`, `core.errors.StaleEdit`) is an error message: `attempt` runs the
  service and turns its refusal into messages, its success into the success message. The view then does what
  it does after any POST: a page with a form of its own shows that form again with what was typed (a stale edit
  beside what is stored now, `Outcome.stale`), an action posted from another page redirects back to it.

`PermissionDenied` is not a refusal shown as a message: it is the 403 page (the access policy's answer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from core.errors import StaleEdit

T = TypeVar("T")


def form_messages(form) -> list[str]:
    return [message for errors in form.errors.values() for message in errors]


def flash_refusal(request: HttpRequest, error: Exception) -> None:
    """A ValidationError's messages, or a stale edit's text, as error messages."""
    texts = error.messages if isinstance(error, ValidationError) else [str(error)]
    for text in texts:
        messages.error(request, text)


def flash_form_errors(request: HttpRequest, form) -> None:
    """The errors of a form posted from another page, as messages on that page."""
    for text in form_messages(form):
        messages.error(request, text)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What `attempt` did: the service's result, or its refusal (already shown as messages)."""

    result: T | None = None
    refusal: ValidationError | StaleEdit | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None

    @property
    def value(self) -> T:
        """The service's result, once `ok` said it was not refused."""
        if self.refusal is not None:
            raise ValueError("a refused service has no result")
        return cast("T", self.result)

    @property
    def refusal_messages(self) -> list[str]:
        """The refusal in words: a ValidationError's messages, or a stale edit's text."""
        if self.refusal is None:
            return []
        return self.refusal.messages if isinstance(self.refusal, ValidationError) else [str(self.refusal)]

    @property
    def stale(self) -> StaleEdit | None:
        """The stale edit that refused the save, for a page that shows both versions."""
        return self.refusal if isinstance(self.refusal, StaleEdit) else None


def attempt(request: HttpRequest, action: Callable[[], T], success: str | Callable[[T], str] = "", *,
            flash: bool = True) -> Outcome[T]:
    """Run a service: its refusal (a ValidationError, a stale edit) becomes Dutch error messages on the next page,
    its success the message `success` (a text, or a function of the service's result). `flash=False` for a
    fragment that shows the refusal itself (an htmx answer has no next page)."""
    try:
        result = action()
    except (ValidationError, StaleEdit) as error:
        if flash:
            flash_refusal(request, error)
        return Outcome(refusal=error)
    text = success(result) if callable(success) else success
    if text:
        messages.success(request, text)
    return Outcome(result=result)
