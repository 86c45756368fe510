"""The one recipe at the view edge: `core.messages.attempt` runs a service and shows its refusal as messages."""

from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from core.errors import StaleEdit
from core.messages import attempt


def _request():
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)
    return request


def _texts(request) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(request)]


def _refuse(error: Exception):
    def service():
        raise error

    return service


def test_a_refusal_becomes_its_messages_and_an_outcome_that_is_not_ok():
    request = _request()
    outcome = attempt(request, _refuse(ValidationError(["Eerst dit.", "Dan dat."])), "Gelukt.")
    assert not outcome.ok and outcome.result is None and outcome.stale is None
    assert _texts(request) == [("error", "Eerst dit."), ("error", "Dan dat.")]


def test_a_stale_edit_is_a_refusal_in_dutch_that_carries_both_versions():
    request = _request()
    stale = StaleEdit(current={"text": "Hun tekst"}, proposed={"text": "Mijn tekst"}, current_revision=2)
    outcome = attempt(request, _refuse(stale))
    assert outcome.stale is stale and (stale.current["text"], stale.proposed["text"]) == ("Hun tekst", "Mijn tekst")
    assert _texts(request) == [("error", "Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen.")]


def test_a_success_gives_the_result_and_its_message_which_may_depend_on_it():
    request = _request()
    outcome = attempt(request, lambda: 3, lambda count: f"{count} opgeslagen.")
    assert outcome.ok and outcome.result == 3
    assert _texts(request) == [("success", "3 opgeslagen.")]


def test_a_fragment_shows_the_refusal_itself_so_no_message_is_left_for_the_next_page():
    request = _request()
    outcome = attempt(request, _refuse(ValidationError("Nee.")), flash=False)
    assert outcome.refusal.messages == ["Nee."] and _texts(request) == []
