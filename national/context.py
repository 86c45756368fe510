"""The context of a round (research question 4 of the report: "Welke ontwikkelingen hebben zich in de context
voorgedaan die betrekking hebben op de civiel-militaire samenwerking?"): a text and a table of context figures,
each with its source. Written by inspectors; read into the national picture (`national.picture`), and from
there by the dashboard, the files, the API and a published snapshot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from assessments.values import MAX_FINDING, text_clean
from core.errors import StaleEdit
from core.i18n import localized
from framework.guards import require_round_writable
from framework.models import Round
from national.models import ContextFigure, RoundContext
from regions.policy import Action, require

if TYPE_CHECKING:
    from accounts.models import User

# The columns of a figure and their longest text (the model's max_length).
FIGURE_FIELDS = ("label", "value", "period", "unit", "source")
def _max_length(name: str) -> int:
    field = ContextFigure._meta.get_field(name)
    assert isinstance(field, models.CharField) and field.max_length is not None, f"{name} is a text column"
    return field.max_length


FIGURE_LIMITS = {name: _max_length(name) for name in FIGURE_FIELDS}
MAX_FIGURES = 50


class Figure(TypedDict):
    label: str  # "Aanvragen incidentele militaire bijstand"
    value: str  # text, as the report writes it: "162", "ruim 40", "1 500–2 000"
    period: str  # "2012", "2008–2012", "per jaar"
    unit: str  # "aanvragen"
    source: str  # "rapport §2.2"


class Context(TypedDict):
    text: str  # in the active language (Dutch when there is no English text)
    figures: list[Figure]


# --- reading -------------------------------------------------------------------------------------------------


def context_document(round: Round) -> Context:
    """The context of `round` as the picture carries it; one query (the text beside each figure row)."""
    rows = list(
        RoundContext.objects.filter(round=round)
        .values("text", "text_en", *(f"figures__{name}" for name in FIGURE_FIELDS), "figures__id")
        .order_by("figures__order", "figures__id")
    )
    if not rows:
        return {"text": "", "figures": []}
    figures: list[Figure] = [
        {name: row[f"figures__{name}"] for name in FIGURE_FIELDS}  # type: ignore[misc]
        for row in rows if row["figures__id"] is not None
    ]
    return {"text": localized(rows[0]["text"], rows[0]["text_en"]), "figures": figures}


def context_for_edit(round: Round) -> RoundContext | None:
    return RoundContext.objects.filter(round=round).prefetch_related("figures").first()


def figures_of(context: RoundContext | None) -> list[Figure]:
    if context is None:
        return []
    return [{name: getattr(f, name) for name in FIGURE_FIELDS} for f in context.figures.all()]  # type: ignore[misc]


# --- writing -------------------------------------------------------------------------------------------------


def _figures_clean(figures: list[dict]) -> list[Figure]:
    """The figures as they are stored, every problem named with the row's number."""
    cleaned: list[Figure] = []
    if len(figures) > MAX_FIGURES:
        raise ValidationError(_("Ten hoogste %(max)s contextcijfers per meting.") % {"max": MAX_FIGURES})
    for number, figure in enumerate(figures, start=1):
        row = {name: text_clean(figure.get(name, ""), limit=FIGURE_LIMITS[name]).replace("\n", " ")
               for name in FIGURE_FIELDS}
        if not row["label"] or not row["value"]:
            raise ValidationError(
                _("Contextcijfer %(number)s: vul zowel de omschrijving als de waarde in.") % {"number": number}
            )
        cleaned.append(row)  # type: ignore[arg-type]
    return cleaned


@transaction.atomic
def round_context_save(
    *, round: Round, text: str, text_en: str = "", figures: list[dict], by: User, base_revision: int | None = None,
) -> RoundContext:
    """Save the context of `round`, text and figures together, as one new revision.

    `figures` is the whole table in its order (dicts with FIGURE_FIELDS; label and value required); figures no
    longer in it are removed. `base_revision` is the revision the editor started from: when someone saved in
    between, the save is refused (`core.errors.StaleEdit`, with both versions) and nothing is
    overwritten. Inspectors only; a published round is read-only; a save that changes nothing writes nothing.
    Every change is in the history of the context and of its figures, with who and when."""
    require(by, Action.NATIONAL_EDIT)
    text = text_clean(text, limit=MAX_FINDING)
    text_en = text_clean(text_en, limit=MAX_FINDING)
    cleaned = _figures_clean(figures)
    # Lock the round: two first saves of the same context wait for each other instead of both creating one.
    list(Round.objects.select_for_update().filter(pk=round.pk).values_list("pk", flat=True))
    context = RoundContext.objects.select_for_update().filter(round=round).first()
    current = figures_of(context)
    if context is not None and (context.text, context.text_en, current) == (text, text_en, cleaned):
        return context
    require_round_writable(round)
    if base_revision is not None and base_revision != (context.revision if context else 0):
        raise StaleEdit(
            current={"text": context.text if context else "", "figures": current},
            proposed={"text": text, "figures": cleaned},
            current_revision=context.revision if context else 0,
        )
    context = context or RoundContext(round=round, revision=0)
    context.text, context.text_en = text, text_en
    context.revision += 1
    context.updated_by = by
    context._history_user = by
    context.save()
    _figures_store(context, cleaned, by)
    return context


def _figures_store(context: RoundContext, figures: list[Figure], by: User) -> None:
    """The table as given: a figure whose row keeps its place and content stays as it is; changed rows are
    updated, extra rows added, missing ones removed, each with a history row naming `by`."""
    existing = list(context.figures.order_by("order", "pk"))
    for order, figure in enumerate(figures):
        row = existing[order] if order < len(existing) else ContextFigure(context=context, order=order)
        if row.pk and {name: getattr(row, name) for name in FIGURE_FIELDS} == figure:
            continue
        for name, value in figure.items():
            setattr(row, name, value)
        row.order = order
        row._history_user = by
        row.save()
    for row in existing[len(figures):]:
        row._history_user = by
        row.delete()
