"""Forms of the national pages that belong to this app: they parse and validate; the services act."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.values import MAX_FINDING
from national.context import FIGURE_FIELDS, FIGURE_LIMITS, MAX_FIGURES


class RoundContextForm(forms.Form):
    text = forms.CharField(
        label=_("Context van de meting"), widget=forms.Textarea(attrs={"rows": 10}), required=False,
        max_length=MAX_FINDING,
        help_text=_("De ontwikkelingen rond de civiel-militaire samenwerking in deze meting (onderzoeksvraag 4)."),
    )
    text_en = forms.CharField(
        label=_("Context in het Engels (niet verplicht)"), widget=forms.Textarea(attrs={"rows": 5}), required=False,
        max_length=MAX_FINDING,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ContextFigureForm(forms.Form):
    """One row of the context figures; a row left empty is no figure."""

    label = forms.CharField(label=_("Omschrijving"), max_length=FIGURE_LIMITS["label"], required=False)
    value = forms.CharField(label=_("Waarde"), max_length=FIGURE_LIMITS["value"], required=False)
    period = forms.CharField(label=_("Jaar of periode"), max_length=FIGURE_LIMITS["period"], required=False)
    unit = forms.CharField(label=_("Eenheid"), max_length=FIGURE_LIMITS["unit"], required=False)
    source = forms.CharField(label=_("Bron"), max_length=FIGURE_LIMITS["source"], required=False)

    def clean(self):
        data = super().clean()
        filled = any((data.get(name) or "").strip() for name in FIGURE_FIELDS)
        if filled and not (data.get("label") or "").strip():
            self.add_error("label", _("Geef de omschrijving van het cijfer."))
        if filled and not (data.get("value") or "").strip():
            self.add_error("value", _("Geef de waarde van het cijfer."))
        return data

    @property
    def is_blank(self) -> bool:
        return not any((self.cleaned_data.get(name) or "").strip() for name in FIGURE_FIELDS)


ContextFigureFormSet = forms.formset_factory(
    ContextFigureForm, extra=3, can_delete=True, max_num=MAX_FIGURES, validate_max=True,
)


def figures_from(formset) -> list[dict]:
    """The figures of a valid formset in their order: without removed and empty rows."""
    return [
        {name: form.cleaned_data.get(name, "") for name in FIGURE_FIELDS}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and not form.is_blank
    ]
