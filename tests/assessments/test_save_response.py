"""A save answers with what it saved: the autosave response carries the value and revision of that save, and
when another user's save committed between the save and the response, the card shows the newer answer as a
conflict, never as saved under the newer revision."""

import re

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Answer
from assessments.services import answer_save

HTMX = {"HTTP_HX_REQUEST": "true"}


def answer_url(code: str) -> str:
    return reverse("assessments:answer", kwargs={"round_code": "icms-2013", "code": "VR13", "question": code})


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html).group(1)


def test_the_response_carries_the_value_and_revision_of_the_save(assessment, question, client_for, ovr_vr13):
    answer_save(assessment=assessment, question=question("alert_level"), value="grip1", base_revision=0, by=ovr_vr13)
    response = client_for(ovr_vr13).post(
        answer_url("alert_level"), {"alert_level-value": "grip2", "alert_level-revision": "1"}, **HTMX
    )
    html = response.content.decode()
    stored = Answer.objects.get(assessment=assessment)
    assert (stored.value, stored.revision) == ("grip2", 2)
    assert "✓ Opgeslagen" in html
    assert hidden(html, "alert_level-revision") == "2"
    assert hidden(html, "alert_level-orig_value") == "grip2"


@pytest.fixture
def another_save_in_between(monkeypatch, assessment, question, contact_vr13):
    """Between the save of the request under test and the reading of its response, the contact person's save of
    another value commits (what happens under load when two people answer the same question)."""
    original = services.answer_save

    def save_then_another(**kwargs):
        saved = original(**kwargs)
        current = Answer.objects.get(pk=saved.pk)
        original(assessment=assessment, question=question("reservists_count"), value="5",
                 base_revision=current.revision, by=contact_vr13)
        return saved

    monkeypatch.setattr(services, "answer_save", save_then_another)


def test_a_stale_save_equal_to_the_stored_value_is_not_answered_as_saved_after_another_save(
    assessment, question, client_for, ovr_vr13, another_save_in_between
):
    # Revision 2 holds 4; the OVR's page still shows revision 1 and sends 4 as well: nothing to write.
    first = answer_save(assessment=assessment, question=question("reservists_count"), value="3", base_revision=0,
                        by=ovr_vr13)
    answer_save(assessment=assessment, question=question("reservists_count"), value="4", base_revision=first.revision,
                by=ovr_vr13)
    response = client_for(ovr_vr13).post(
        answer_url("reservists_count"), {"reservists_count-value": "4", "reservists_count-revision": "1"}, **HTMX
    )
    html = response.content.decode()
    stored = Answer.objects.get(assessment=assessment)
    assert (stored.value, stored.revision) == ("5", 3)  # the contact person's save, in between
    assert "✓ Opgeslagen" not in html
    # The revision of what this save left behind, so the next save of this page is refused, not silently applied.
    assert hidden(html, "reservists_count-revision") == "2"
    assert hidden(html, "reservists_count-orig_value") == "4"
    assert 'class="conflict-theirs">5 personen' in html
    assert 'class="conflict-mine">4 personen' in html
    assert "daarna gewijzigd door" in html
    # Keeping mine is a deliberate choice against the newer revision.
    assert 'name="reservists_count-keep_mine" value="3"' in html


def test_a_save_overtaken_by_another_is_shown_as_a_conflict(assessment, question, client_for, ovr_vr13,
                                                             another_save_in_between):
    response = client_for(ovr_vr13).post(
        answer_url("reservists_count"), {"reservists_count-value": "3", "reservists_count-revision": "0"}, **HTMX
    )
    html = response.content.decode()
    assert Answer.objects.get(assessment=assessment).value == "5"
    assert "✓ Opgeslagen" not in html
    assert hidden(html, "reservists_count-revision") == "1"
    assert "daarna gewijzigd door" in html

    # The page's next save, based on the revision the response gave, is refused: 5 is not overwritten unseen.
    response = client_for(ovr_vr13).post(
        answer_url("reservists_count"), {"reservists_count-value": "4", "reservists_count-revision": "1"}, **HTMX
    )
    assert "Dit antwoord is intussen gewijzigd door" in response.content.decode()
