"""Writes to a round's setup: its deadlines and the parties that take part. Keyword-only, atomic, checked first;
a published round is read-only (framework.guards)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from framework.guards import require_round_writable
from framework.models import PARTY_KINDS, Round, RoundParty, RoundStatus
from regions.models import Subject
from regions.policy import Action, require

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def round_setup_save(
    *, round: Round, submission_deadline: datetime.date | None, verification_deadline: datetime.date | None,
    parties: dict[int, datetime.date | None], by: User | None,
) -> Round:
    """Set `round`'s deadlines and its parties (subject id → its own submission deadline, None: the round's).

    The parties are regions and brigades, at least one; a party that has started its questionnaire stays (its
    answers belong to the round). A verification deadline lies after the submission deadline. ValidationError in
    Dutch, nothing written; a closed or published round is not set up any more."""
    require(by, Action.ROUNDS)
    round = Round.objects.select_for_update().get(pk=round.pk)
    require_round_writable(round)
    if round.status == RoundStatus.CLOSED:
        raise ValidationError(_("Meting %(code)s is gesloten; de inrichting ligt vast.") % {"code": round.code})
    errors = []
    subjects = {s.pk: s for s in Subject.objects.filter(pk__in=list(parties), kind__in=PARTY_KINDS)}
    if set(parties) - set(subjects):
        errors.append(_("Alleen veiligheidsregio's en brigades nemen deel aan een meting."))
    if not parties:
        errors.append(_("Kies ten minste één partij die aan de meting deelneemt."))
    if submission_deadline and verification_deadline and verification_deadline < submission_deadline:
        errors.append(_("De deadline verificatie ligt vóór de deadline indienen."))
    late = sorted(subjects[pk].code for pk, deadline in parties.items()
                  if pk in subjects and deadline and verification_deadline and deadline > verification_deadline)
    if late:
        errors.append(_("De deadline indienen van %(codes)s ligt na de deadline verificatie.") % {"codes": ", ".join(late)})
    started = (
        Subject.objects.filter(assessments__round=round).exclude(pk__in=list(parties))
        .order_by("order", "code").values_list("code", flat=True)
    )
    if started:
        errors.append(_("%(codes)s heeft de vragenlijst al begonnen en blijft deelnemen.") % {"codes": ", ".join(started)})
    if errors:
        raise ValidationError(errors)
    round.submission_deadline, round.verification_deadline = submission_deadline, verification_deadline
    round.save(update_fields=["submission_deadline", "verification_deadline"])
    RoundParty.objects.filter(round=round).exclude(subject_id__in=list(parties)).delete()
    existing = {party.subject_id: party for party in RoundParty.objects.filter(round=round)}
    changed = []
    for pk, deadline in parties.items():
        party = existing.get(pk)
        if party is None:
            RoundParty.objects.create(round=round, subject_id=pk, deadline=deadline)
        elif party.deadline != deadline:
            party.deadline = deadline
            changed.append(party)
    RoundParty.objects.bulk_update(changed, ["deadline"])
    return round
