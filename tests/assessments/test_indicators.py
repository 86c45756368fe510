"""An indicator's sentence as the report writes it: no clause that counts nobody, and "geen" for a count of 0."""

import pytest

from assessments.indicators import indicator_render

PIKET = "In {own} van de {total} veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio; in {brigade} per brigade."
WHO = "In {ovr} regio's doet de OVR het, in {region} de regio zelf en in {both} beide."


def test_a_sentence_with_every_count_given_is_filled_in():
    assert indicator_render(PIKET, {"own": 6, "brigade": 19}, answered=25, total=25, language="nl") == (
        "In 6 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio; in 19 per brigade."
    )


@pytest.mark.parametrize(("counts", "sentence"), [
    ({"ovr": 3, "region": 4, "both": 0}, "In 3 regio's doet de OVR het, in 4 de regio zelf."),
    ({"ovr": 3, "region": 0, "both": 2}, "In 3 regio's doet de OVR het en in 2 beide."),
    ({"own": 6, "brigade": 0}, None),
])
def test_a_later_clause_that_counts_nobody_is_left_out(counts, sentence):
    if sentence is None:
        assert indicator_render(PIKET, counts, answered=6, total=25, language="nl") == (
            "In 6 van de 25 veiligheidsregio's draaien OVR en reservisten piket binnen de eigen regio."
        )
    else:
        assert indicator_render(WHO, counts, answered=7, total=25, language="nl") == sentence


def test_a_first_clause_that_counts_nobody_says_geen():
    template = "In {open} van de {total} brigades is het operatiecentrum altijd bereikbaar."
    assert indicator_render(template, {"open": 0}, answered=3, total=3, language="nl") == (
        "In geen van de 3 brigades is het operatiecentrum altijd bereikbaar."
    )
    assert indicator_render("{yearly} van de {total} regio's oefenen jaarlijks.", {}, answered=0, total=25,
                            language="nl") == "Geen van de 25 regio's oefenen jaarlijks."


def test_in_english_a_zero_reads_none():
    template = "In {open} of the {total} brigades the operations centre can always be reached."
    assert indicator_render(template, {"open": 0}, answered=3, total=3, language="en") == (
        "In none of the 3 brigades the operations centre can always be reached."
    )


def test_no_sentence_of_the_demo_picture_counts_zero_as_a_number():
    """Whatever the counts, a filled-in sentence never says "in 0" or "0 van de"."""
    for counts in ({"ovr": 0, "region": 0, "both": 0}, {"ovr": 0, "region": 5, "both": 0}):
        text = indicator_render(WHO, counts, answered=5, total=25, language="nl")
        assert " 0 " not in f" {text} " and "in 0" not in text.lower(), text
