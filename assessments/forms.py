"""Forms for the questionnaire pages: they parse and validate, the services act.

One `AnswerForm` per question, prefixed with the question code, serves both the autosave
endpoint (one question) and the plain theme-page submit (every question of the theme).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from assessments.models import AssessmentStatus, Question
from assessments.services import evidence_check
from assessments.values import MAX_REASON, MAX_TEXT, parse_value
from assessments.workflow import step_between


class AnswerForm(forms.Form):
    """One answer as posted: value, comment, diverging view, the revision it was based on and the
    values the page showed (`orig_*`), so a plain submit saves only what the user changed."""

    value = forms.CharField(required=False, strip=True)
    comment = forms.CharField(required=False, max_length=MAX_TEXT)
    diverging_view = forms.CharField(required=False, max_length=MAX_TEXT)
    revision = forms.IntegerField(required=False, min_value=0)
    keep_mine = forms.IntegerField(required=False, min_value=0)
    confirm = forms.BooleanField(required=False)
    orig_value = forms.CharField(required=False, strip=True)
    orig_comment = forms.CharField(required=False)
    orig_diverging_view = forms.CharField(required=False)

    def __init__(self, *args, question: Question, **kwargs):
        kwargs.setdefault("prefix", question.code)
        super().__init__(*args, **kwargs)
        self.question = question
        if question.kind == "multiple_choice":
            codes = [(c.code, c.label) for c in question.choices.all()]
            self.fields["value"] = forms.MultipleChoiceField(required=False, choices=codes)
            self.fields["value"].error_messages["invalid_choice"] = _("‘%(value)s’ is geen toegestane keuze.")

    def clean_value(self) -> str:
        try:
            return parse_value(self.question, self.cleaned_data.get("value"))
        except ValidationError as error:
            raise ValidationError(error.messages) from None

    def clean_orig_value(self) -> str:
        # What the page showed was canonical already; compare the canonical forms.
        try:
            return parse_value(self.question, self.cleaned_data.get("orig_value"))
        except ValidationError:
            return self.cleaned_data.get("orig_value") or ""

    @property
    def base_revision(self) -> int:
        data = self.cleaned_data
        if data.get("keep_mine") is not None:
            return data["keep_mine"]
        return data.get("revision") or 0

    def changed_by_user(self) -> bool:
        """Whether the user changed anything in this answer since the page was shown."""
        data = self.cleaned_data
        return (
            data["value"] != data["orig_value"]
            or data["comment"].strip() != data["orig_comment"].strip()
            or data["diverging_view"].strip() != data["orig_diverging_view"].strip()
            or data["confirm"]
            or data.get("keep_mine") is not None
        )


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=AssessmentStatus.choices)
    reason = forms.CharField(required=False, max_length=MAX_REASON, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current

    def clean(self):
        data = super().clean()
        step = step_between(self.current, data.get("to"))
        if data.get("to") and step is None:
            raise ValidationError(_("Deze stap is vanuit de huidige status niet mogelijk."))
        if step is not None and step.needs_reason and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Geef een reden op voor deze stap."))
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Document"), error_messages={"required": _("Kies een bestand.")})
    question = forms.CharField(required=False, label=_("Bij vraag"))
    description = forms.CharField(required=False, max_length=255, label=_("Omschrijving"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        evidence_check(upload)
        return upload
