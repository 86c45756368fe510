"""Forms of the round setup and package pages: they parse and validate the request, the services act."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from framework.models import Framework, Round, RoundKind
from regions.models import Subject


def _date_field(label, **kwargs) -> forms.DateField:
    # <input type=date> reads and sends ISO dates only, whatever the language formats dates as.
    return forms.DateField(label=label, required=False,
                           widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}), **kwargs)


class RoundCreateForm(forms.Form):
    """The next round of a framework, continuing one of its rounds (assessments.rounds.round_create)."""

    framework = forms.ModelChoiceField(label=_("Toetsingskader"), queryset=Framework.objects.order_by("code"),
                                       to_field_name="code", empty_label=None)
    year = forms.IntegerField(label=_("Jaar"), min_value=1900, max_value=2999)
    source = forms.ModelChoiceField(
        label=_("Vervolg op meting"), queryset=Round.objects.select_related("framework").order_by("framework_id", "-year"),
        to_field_name="code", empty_label=None,
        help_text=_("De vragenlijsten van deze meting worden overgenomen; elke vraag is er het vervolg op."),
    )
    kind = forms.ChoiceField(label=_("Soort meting"), choices=RoundKind.choices, initial=RoundKind.VERVOLGMETING)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].label_from_instance = lambda round: round.code


class RoundSetupForm(forms.Form):
    """The round's deadlines and, per region and brigade, whether it takes part and its own deadline."""

    submission_deadline = _date_field(_("Deadline indienen vragenlijsten"))
    verification_deadline = _date_field(_("Deadline verificatie"))

    def __init__(self, *args, subjects: Sequence[Subject], **kwargs):
        super().__init__(*args, **kwargs)
        self.subjects = subjects
        for subject in subjects:
            self.fields[f"party-{subject.code}"] = forms.BooleanField(
                label=_("%(code)s neemt deel") % {"code": subject.code}, required=False,
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )
            field = _date_field(_("Eigen deadline indienen van %(code)s") % {"code": subject.code})
            field.widget.attrs["class"] = "form-control form-control-sm"
            self.fields[f"deadline-{subject.code}"] = field

    def rows(self, parties: list) -> list[tuple]:
        """Per party row (in the order of `subjects`) its checkbox and deadline field, for the table of parties."""
        return [(party, self[f"party-{party.subject.code}"], self[f"deadline-{party.subject.code}"]) for party in parties]

    def parties(self) -> dict[int, datetime.date | None]:
        """Subject id → its own deadline, for the chosen subjects."""
        return {
            subject.pk: self.cleaned_data.get(f"deadline-{subject.code}")
            for subject in self.subjects if self.cleaned_data.get(f"party-{subject.code}")
        }


class RoundOpenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden om te openen terwijl de checklist niet compleet is"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RoundCloseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, sluit de meting: het veldwerk is afgerond; de respondenten zien de vragenlijst niet meer als werk."),
        error_messages={"required": _("Bevestig dat u de meting wilt sluiten.")},
    )


class UploadForm(forms.Form):
    """A questionnaire (XLSX or YAML) or a framework package (zip)."""

    file = forms.FileField(label=_("Bestand"))
