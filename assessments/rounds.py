"""The next round from the last: a new round of a framework whose questionnaires are copies of an earlier
round's, every question continuing its predecessor (`same`), so the national picture compares the two from the
first answer. Inspectors change the copy before the round opens (a definition uploaded as YAML or XLSX)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assessments.definitions import DefinitionError, questionnaire_load
from assessments.models import Question, Questionnaire
from framework.models import Framework, Round, RoundKind, RoundStatus


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
        "criterion": question.criterion.code if question.criterion_id else None,
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
    elif question.continues_id:
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
    data = {"round": year if copy else round.year, "audience": questionnaire.audience, "title": title}
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
