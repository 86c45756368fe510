from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from regions.models import Subject


class InviteFileForm(forms.Form):
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))
    several = forms.BooleanField(
        label=_("Ik bevestig dat een OVR in dit bestand meer dan één veiligheidsregio krijgt"), required=False
    )


class InviteForm(forms.Form):
    """One person: the party, the role, the name and the address, as one row of the file."""

    subject = forms.ModelChoiceField(
        label=_("Partij"), queryset=Subject.objects.all(), to_field_name="code", empty_label=_("— kies —")
    )
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=[
            ("ovr", _("OVR (veiligheidsregio)")),
            ("contact", _("Contactpersoon (veiligheidsregio)")),
            ("rmc", _("RMC (brigade)")),
            ("directorate", _("Contactpersoon directie")),
        ],
    )
    name = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"), max_length=150)


class PartyForm(forms.Form):
    """The parties a respondent responds for: the parties of their role's kind, one or (an OVR) more."""

    subjects = forms.ModelMultipleChoiceField(
        label=_("Partij"), queryset=Subject.objects.none(), to_field_name="code", widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één partij.")},
    )
    several = forms.BooleanField(label=_("Ik bevestig dat deze persoon meer dan één partij krijgt"), required=False)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["subjects"]).queryset = Subject.objects.filter(kind=kind)


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam, e-mail of partij"), required=False)


class LogFilterForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Persoon"), queryset=User.objects.order_by("username"), required=False, empty_label=_("iedereen")
    )
    date_from = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum."))
        return data
