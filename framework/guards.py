"""The data rules, one guard each. Every write path (pages, htmx endpoints, imports, commands) reaches
them through the services; the admin does not write what the services own.

- A published round is read-only: nothing of it changes any more, except what belongs to a later round
  (the follow-up of its recommendations).
- A change to the content of an answer (value, comment or diverging view), typed or imported, withdraws
  the signatures: the respondents sign what is submitted (`signatures_withdraw`, in the services).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from framework.models import Round


def round_is_read_only(round: Round) -> bool:
    return round.published_at is not None


def require_round_writable(round: Round) -> None:
    """ValidationError (code `published`) when `round` is published: its data no longer change.

    Asks the database, not the object in hand: a round loaded before it was published is refused too."""
    if round_is_read_only(round) or Round.objects.filter(pk=round.pk, published_at__isnull=False).exists():
        raise ValidationError(
            _("Meting %(year)s is gepubliceerd en ligt vast; er kan niets meer in worden gewijzigd.")
            % {"year": round.year},
            code="published",
        )
