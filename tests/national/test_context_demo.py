"""The demo's context of 2013 (national/demo/context-2013.yaml): the figures of section 2.2 of the report and
a summary of its chapter 4."""

import pytest

from framework.models import Round
from national.models import ContextFigure, RoundContext

pytestmark = pytest.mark.django_db


def _round() -> Round:
    return Round.objects.get(year=2013)


def test_the_demo_2013_context_holds_the_reports_figures(demo_data):
    from national.picture import picture_document

    context = picture_document(_round(), detail=False)["context"]
    values = {(f["label"].split(" (")[0], f["period"]): f["value"] for f in context["figures"]}
    # Section 2.2 of the report (seed/icms-eindmeting-2013.txt, lines 425-453).
    assert values[("Aanvragen om incidentele militaire bijstand en steunverlening", "2008")] == "23"
    assert values[("Aanvragen om incidentele militaire bijstand en steunverlening", "2012")] == "162"
    assert values[("Verzoeken in het kader van de strafrechtelijke handhaving van de rechtsorde", "2008")] == "10"
    assert values[("Verzoeken in het kader van de strafrechtelijke handhaving van de rechtsorde", "2012")] == "94"
    assert values[("Aanvragen voor militaire steunverlening in het openbaar belang", "2008")] == "2"
    assert values[("Aanvragen voor militaire steunverlening in het openbaar belang", "2011 en 2012")] == "ruim 40"
    assert values[("Bijstand op basis van de Wet veiligheidsregio's", "2011")] == "15"
    assert values[("Bijstand op basis van de Wet veiligheidsregio's", "2012")] == "3"
    assert values[("Ruimingen van explosieven", "per jaar, 2008–2012")] == "1 500–2 000"
    assert all(f["source"].startswith("rapport §2.2") for f in context["figures"])
    # Chapter 4: the crisis organisation, CMBA → ICMS → VCMS, the "vijfde kolom", supervision.
    for words in ("vijfde kolom", "VCMS", "CMBA", "toezicht", "op drie na"):
        assert words in context["text"], words


def test_loading_the_demo_again_keeps_the_context_as_it_is(demo_data):
    from accounts.models import User
    from national.context_demo import context_demo_load

    inspector = User.objects.get(username="inspecteur")
    before = RoundContext.objects.get(round=_round())
    context_demo_load(by=inspector)
    after = RoundContext.objects.get(round=_round())
    assert (after.revision, after.text) == (before.revision, before.text)
    assert ContextFigure.objects.filter(context=after).count() == 9
