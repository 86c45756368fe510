"""Whether a questionnaire, or a round's questionnaires, are reconstructions: the one place that decides which
pages say "gereconstrueerd" (templates/assessments/_reconstructed.html says it).

A questionnaire is reconstructed when the report it rests on does not publish it (2006, 2009 and 2013 alike):
its questions are derived from the report, so its answers are too.
"""

from __future__ import annotations

from collections.abc import Iterable

from assessments.models import Questionnaire
from framework.models import Round


def reconstructed_rounds(round_ids: Iterable[int], *, audience: str | None = None) -> set[int]:
    """The rounds among `round_ids` with a reconstructed questionnaire (for `audience`, or any); one query."""
    versions = Questionnaire.objects.filter(round_id__in=list(round_ids), reconstructed=True)
    if audience is not None:
        versions = versions.filter(audience=audience)
    return set(versions.values_list("round_id", flat=True).distinct())


def is_reconstructed(round: Round, *, audience: str | None = None, questionnaire: Questionnaire | None = None) -> bool:
    """Whether the page of `questionnaire` (when given; no query), or of `round`'s questionnaire for `audience`
    (or any of the round's), must say that it is a reconstruction."""
    if questionnaire is not None:
        return questionnaire.reconstructed
    return round.pk in reconstructed_rounds([round.pk], audience=audience)
