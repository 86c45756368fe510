"""The next round from the last: a new round of a framework whose questionnaires are copies of an earlier
round's, every question continuing its predecessor (`same`), so the national picture compares the two from the
first answer. Inspectors change the copy before the round opens (a definition uploaded as YAML or XLSX)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from accounts.models import Role, User
from assessments.definitions import DefinitionError, questionnaire_load
from assessments.models import Question, Questionnaire
from framework.guards import require_round_writable
from framework.models import Framework, Round, RoundKind, RoundStatus, round_parties
from regions.models import SubjectKind
from regions.policy import Action, require

if TYPE_CHECKING:
    from framework.models import Party
    from regions.models import Subject


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def question_definition(question: Question, *, continues_from: Round | None = None) -> dict:
    """One question in the definition format (`assessments.definitions`); with `continues_from`, it continues
    itself in that round (`same`), otherwise its own lineage."""
    spec: dict = {"code": question.code, "success_factor": question.success_factor.code, "kind": question.kind,
                  "text": question.text}
    optional = {
        "criterion": question.criterion.code if question.criterion is not None else None,
        "text_en": question.text_en, "help": question.help_text, "help_en": question.help_en,
        "unit": question.unit, "unit_en": question.unit_en,
        "required": None if question.required else False,
        "min": _number(question.min_value), "max": _number(question.max_value), "whole": question.whole or None,
        "norm": question.norm, "norm_section": question.norm_section, "signal": question.signal,
        "indicator": question.indicator, "indicator_en": question.indicator_en, "bands": question.bands,
    }
    spec.update({key: value for key, value in optional.items() if value not in (None, "", [], {})})
    choices = [{"code": c.code, "label": c.label, **({"label_en": c.label_en} if c.label_en else {})}
               for c in question.choices.all()]
    if choices:
        spec["choices"] = choices
    if question.condition_code:
        spec["condition"] = {"question": question.condition_code, "equals": question.condition_value}
    if continues_from is not None:
        spec["continues"] = {"round": continues_from.year, "code": question.code, "relation": "same"}
    elif question.continues is not None:
        spec["continues"] = {"round": question.continues.questionnaire.round.year, "code": question.continues.code,
                             "relation": question.continues_relation}
    return spec


def questionnaire_definition(questionnaire: Questionnaire, *, year: int | None = None, kind: str | None = None) -> dict:
    """A loaded questionnaire as a definition; with `year` (and the new round's `kind`), as the copy for that later
    round (title renamed, every question continuing this one)."""
    questions = (
        questionnaire.questions.select_related("success_factor", "criterion", "continues__questionnaire__round")
        .prefetch_related("choices").order_by("order")
    )
    round = questionnaire.round
    copy = year is not None and year != round.year
    title, title_en = questionnaire.title, questionnaire.title_en
    if copy:
        title, title_en = title.replace(str(round.year), str(year)), title_en.replace(str(round.year), str(year))
        if kind:
            title = title.replace(str(round.get_kind_display()), str(RoundKind(kind).label))
    data: dict[str, Any] = {"round": year if copy else round.year, "audience": questionnaire.audience, "title": title}
    if title_en:
        data["title_en"] = title_en
    if questionnaire.intro:
        data["intro"] = questionnaire.intro
    data["questions"] = [question_definition(q, continues_from=round if copy else None) for q in questions]
    return data


@transaction.atomic
def round_create(*, framework: Framework, year: int, source: Round, kind: str = RoundKind.VERVOLGMETING) -> Round:
    """A planned round `year` of `framework` continuing `source` (a round of the same framework, earlier, that no
    other round continues yet), with copies of `source`'s latest questionnaires. ValidationError in Dutch."""
    if source.framework_id != framework.pk:
        raise ValidationError(_("Meting %(source)s hoort niet bij toetsingskader %(framework)s.")
                              % {"source": source.code, "framework": framework.code})
    if year <= source.year:
        raise ValidationError(_("De nieuwe meting moet later zijn dan %(source)s.") % {"source": source.code})
    if Round.objects.filter(framework=framework, year=year).exists():
        raise ValidationError(_("Meting %(code)s bestaat al.") % {"code": f"{framework.code}-{year}"})
    if Round.objects.filter(predecessor=source).exists():
        raise ValidationError(_("Meting %(source)s heeft al een vervolg.") % {"source": source.code})
    if kind not in RoundKind.values:
        raise ValidationError(_("Onbekende soort meting: %(kind)s.") % {"kind": kind})
    questionnaires = [
        q for q in (Questionnaire.objects.latest_for(source, audience) for audience in
                    source.questionnaires.values_list("audience", flat=True).distinct().order_by("audience")) if q
    ]
    if not questionnaires:
        raise ValidationError(_("Meting %(source)s heeft geen vragenlijsten om over te nemen.") % {"source": source.code})
    round = Round.objects.create(framework=framework, year=year, kind=kind, status=RoundStatus.PLANNED, predecessor=source)
    try:
        for questionnaire in questionnaires:
            questionnaire_load(questionnaire_definition(questionnaire, year=year, kind=kind), framework=framework,
                               source=f"{source.code}/{questionnaire.audience}")
    except DefinitionError as error:
        raise ValidationError(error.errors) from None
    return round


# --- the round's checklist, opening and closing ------------------------------------------------------------


def respondents_by_subject(subjects: Sequence[Subject]) -> dict[int, list[User]]:
    """The active accounts that respond for each of `subjects` (a membership of the party in the role of their
    account: the OVR and contact person of a region, the RMC of a brigade), in one query whatever their number."""
    from regions.models import Membership

    found: dict[int, list[User]] = {s.pk: [] for s in subjects}
    memberships = (
        Membership.objects.filter(subject__in=[s.pk for s in subjects], user__is_active=True, role=F("user__role"),
                                  user__role__in=[Role.OVR, Role.CONTACT, Role.RMC])
        .select_related("user").order_by("user__role", "user__last_name", "user__first_name", "user__username")
    )
    for membership in memberships:
        found[membership.subject_id].append(membership.user)
    return found


@dataclass(frozen=True)
class CheckItem:
    """One condition for opening a round, as the setup page shows it."""

    label: str
    ok: bool
    detail: str = ""


def round_checklist(round: Round, *, parties: Sequence[Party] | None = None,
                    respondents: dict[int, list[User]] | None = None,
                    audiences: set[str] | None = None) -> list[CheckItem]:
    """What must hold before `round` opens: questionnaires for every kind of party taking part, parties, the
    deadlines, and at least one respondent per party. The page passes what it read already."""
    parties = list(round_parties(round)) if parties is None else parties
    respondents = respondents_by_subject(parties) if respondents is None else respondents
    if audiences is None:
        audiences = set(round.questionnaires.values_list("audience", flat=True))
    kinds = {party.kind for party in parties}
    missing_audiences = sorted(str(SubjectKind(kind).label) for kind in kinds - audiences)
    without_deadline = [party.code for party in parties if party.deadline is None]
    without_respondent = [party.code for party in parties if not respondents.get(party.pk)]
    return [
        CheckItem(_("Vragenlijsten geladen voor elke soort partij"), bool(kinds) and not missing_audiences,
                  _("Geen vragenlijst voor: %(kinds)s.") % {"kinds": ", ".join(missing_audiences)}
                  if missing_audiences else ""),
        CheckItem(_("Deelnemende partijen gekozen"), bool(parties),
                  _("%(count)s partijen") % {"count": len(parties)} if parties else _("Geen partij gekozen.")),
        CheckItem(_("Deadlines gezet (indienen per partij, verificatie)"),
                  not without_deadline and round.verification_deadline is not None,
                  "; ".join(filter(None, [
                      _("Geen deadline indienen voor: %(codes)s.") % {"codes": ", ".join(without_deadline)}
                      if without_deadline else "",
                      _("Geen deadline verificatie.") if round.verification_deadline is None else "",
                  ]))),
        CheckItem(_("Ten minste één respondent per partij"), bool(parties) and not without_respondent,
                  _("Geen respondent voor: %(codes)s.") % {"codes": ", ".join(without_respondent)}
                  if without_respondent else ""),
    ]


@transaction.atomic
def round_open(*, round: Round, by: User | None, reason: str = "") -> Round:
    """Open a planned round for the respondents: only when its checklist holds, or with a `reason` why it opens
    anyway (kept with the round). ValidationError in Dutch."""
    require(by, Action.ROUNDS)
    round = Round.objects.select_for_update().get(pk=round.pk)
    require_round_writable(round)
    if round.status != RoundStatus.PLANNED:
        raise ValidationError(_("Meting %(code)s is niet gepland maar %(status)s; alleen een geplande meting gaat open.")
                              % {"code": round.code, "status": round.get_status_display()})
    if not round.questionnaires.exists():
        raise ValidationError(_("Meting %(code)s heeft geen vragenlijsten.") % {"code": round.code})
    failing = [item for item in round_checklist(round) if not item.ok]
    reason = reason.strip()
    if failing and not reason:
        raise ValidationError(
            [_("De checklist is niet compleet: %(items)s. Vul de checklist aan of geef een reden om toch te openen.")
             % {"items": "; ".join(str(item.label).lower() for item in failing)}],
            code="checklist",
        )
    round.status = RoundStatus.OPEN
    round.open_override_reason = reason if failing else ""
    round.save(update_fields=["status", "open_override_reason"])
    return round


@transaction.atomic
def round_close(*, round: Round, by: User | None) -> Round:
    """Close an open round: the fieldwork ends (findings, verification and publication go on)."""
    require(by, Action.ROUNDS)
    round = Round.objects.select_for_update().get(pk=round.pk)
    require_round_writable(round)
    if round.status != RoundStatus.OPEN:
        raise ValidationError(_("Meting %(code)s is niet open; alleen een open meting wordt gesloten.")
                              % {"code": round.code})
    round.status = RoundStatus.CLOSED
    round.save(update_fields=["status"])
    return round
