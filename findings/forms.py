"""Forms parse and validate; the views hand `cleaned_data` to findings.services."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from assessments.models import Question
from assessments.values import (
    MAX_EXPLANATION,
    MAX_FINDING,
    MAX_PARTICIPANTS,
    MAX_PASSAGE,
    MAX_REASON,
    MAX_RECOMMENDATION,
    MAX_REPORT,
    MAX_VERIFICATION,
)
from findings.models import (
    Addressee,
    FollowUpStatus,
    Judgment,
    Resolution,
    ResponseKind,
    RuleKind,
)
from framework.models import Round, SuccessFactor
from regions.models import Region


class FindingForm(forms.Form):
    text = forms.CharField(
        label=_("Bevinding"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=MAX_FINDING
    )
    judgment = forms.ChoiceField(label=_("Oordeel"), choices=Judgment.choices)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReportForm(forms.Form):
    # <input type=date> reads and sends ISO dates only, whatever the language formats dates as; in the local
    # format (01-03-2013) the browser shows an empty field, and saving the form unchanged would clear the date.
    held_on = forms.DateField(
        label=_("Datum gesprek"), required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    participants = forms.CharField(
        label=_("Deelnemers"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=MAX_PARTICIPANTS
    )
    text = forms.CharField(
        label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 10}), required=False, max_length=MAX_REPORT
    )
    attachment = forms.FileField(label=_("Bijlage toevoegen"), required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RespondForm(forms.Form):
    # Nothing is preselected: the respondent chooses per item, and is told so at the item when they did not.
    kind = forms.ChoiceField(
        label=_("Uw reactie"), choices=ResponseKind.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Kies bij dit onderdeel ‘akkoord’ of ‘opmerking’."),
                        "invalid_choice": _("Kies bij dit onderdeel ‘akkoord’ of ‘opmerking’.")},
    )
    comment = forms.CharField(
        label=_("Opmerking"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=MAX_VERIFICATION
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == ResponseKind.COMMENT and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Schrijf uw opmerking, of kies akkoord."))
        return data


class CloseForm(forms.Form):
    """The inspectors close a verification a respondent leaves unanswered; the reason is kept."""

    reason = forms.CharField(
        label=_("Reden van afsluiten"), widget=forms.Textarea(attrs={"rows": 2}), max_length=MAX_REASON,
        error_messages={"required": _("Geef een reden op waarom u de verificatie afsluit.")},
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Antwoord aan de respondent"), widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_VERIFICATION
    )
    resolution = forms.ChoiceField(label=_("Tekst"), choices=Resolution.choices, widget=forms.RadioSelect)
    # A finding's or the interview report's new text: the service applies the limit of the one amended.
    text = forms.CharField(
        label=_("Tekst (bij aanpassing)"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=MAX_REPORT
    )
    judgment = forms.ChoiceField(label=_("Oordeel (bij aanpassing)"), choices=[("", "—"), *Judgment.choices], required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ConclusionForm(forms.Form):
    text = forms.CharField(
        label=_("Deelconclusie"), widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=MAX_FINDING
    )
    text_en = forms.CharField(
        label=_("Deelconclusie in het Engels (optioneel)"), widget=forms.Textarea(attrs={"rows": 6}), required=False,
        max_length=MAX_FINDING,
    )
    judgment = forms.ChoiceField(label=_("Landelijk oordeel"), choices=[("", "—"), *Judgment.choices], required=False)
    reason = forms.CharField(
        label=_("Reden, als het oordeel afwijkt van het voorstel"), widget=forms.Textarea(attrs={"rows": 3}),
        required=False, max_length=MAX_REASON,
    )
    reason_en = forms.CharField(
        label=_("Reden in het Engels (optioneel)"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=MAX_REASON,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class JudgmentRuleForm(forms.Form):
    meets_min = forms.IntegerField(label=_("Voldoet bij ten minste … die voldoen"), min_value=0)
    partly_min = forms.IntegerField(label=_("Voldoet gedeeltelijk bij ten minste … die ten minste gedeeltelijk voldoen"),
                                    min_value=0)


class CitationForm(forms.Form):
    """Choices are the evidence the cited object may rest on; the view passes them in."""

    answer = forms.TypedChoiceField(label=_("Antwoord"), coerce=int, required=False, empty_value=None)
    passage = forms.CharField(
        label=_("Passage uit het gespreksverslag (letterlijk)"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
        max_length=MAX_PASSAGE,
    )
    evidence = forms.TypedChoiceField(label=_("Document"), coerce=int, required=False, empty_value=None)
    cited_finding = forms.TypedChoiceField(label=_("Regionale bevinding"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, answers=(), evidence=(), findings=(), **kwargs):
        super().__init__(*args, **kwargs)
        empty = [("", "—")]
        self.fields["answer"].choices = empty + list(answers)
        self.fields["evidence"].choices = empty + list(evidence)
        self.fields["cited_finding"].choices = empty + list(findings)
        for name, choices in (("answer", answers), ("evidence", evidence), ("cited_finding", findings)):
            if not choices:
                del self.fields[name]

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("answer", "passage", "evidence", "cited_finding")):
            raise forms.ValidationError(_("Kies een antwoord, een document of een bevinding, of citeer een passage."))
        return data


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Aanbeveling"), widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_RECOMMENDATION)
    addressee = forms.ChoiceField(label=_("Geadresseerde"), choices=Addressee.choices)
    success_factors = forms.ModelMultipleChoiceField(
        label=_("Kritische succesfactoren"), queryset=SuccessFactor.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    region = forms.ModelChoiceField(
        label=_("Veiligheidsregio (leeg: landelijk)"), queryset=Region.objects.all(), required=False, empty_label=_("landelijk")
    )

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        # The success factors of the round's own framework.
        cast(forms.ModelMultipleChoiceField, self.fields["success_factors"]).queryset = SuccessFactor.objects.filter(
            framework_id=round.framework_id
        )


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Opvolging"), choices=FollowUpStatus.choices)
    explanation = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_EXPLANATION
    )


class DraftRuleForm(forms.Form):
    success_factor = forms.ModelChoiceField(label=_("Kritische succesfactor"), queryset=SuccessFactor.objects.all())
    kind = forms.ChoiceField(label=_("Soort regel"), choices=RuleKind.choices)
    # At most the number of regions: the service (draft_rule_create) checks it against the regions there are.
    min_regions = forms.IntegerField(label=_("Minimaal aantal regio's"), min_value=1, initial=5, required=False)
    # The rule keeps the question's code; the reader picks the question by its text.
    question_code = forms.ChoiceField(label=_("Vraag (indicatorregel)"), required=False)
    values = forms.CharField(label=_("Waarden die de norm halen, gescheiden door komma's"), required=False,
                             max_length=1_000)
    threshold_percent = forms.IntegerField(
        label=_("Drempel: minimaal percentage regio's"), min_value=0, max_value=100, required=False
    )
    addressee = forms.ChoiceField(label=_("Geadresseerde"), choices=Addressee.choices)
    text_template = forms.CharField(
        label=_("Tekst van het concept"), widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_RECOMMENDATION,
        help_text=_("Waar u {aantal} schrijft, komt het aantal regio's dat tekortschiet. De tekst gaat naar het "
                    "ministerie en noemt dus geen regio's; welke het zijn, ziet u bij het concept."),
    )

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["success_factor"]).queryset = SuccessFactor.objects.filter(
            framework_id=round.framework_id
        )
        questions = Question.objects.filter(questionnaire__round=round).select_related("success_factor")
        choices: dict[str, str] = {}
        for question in questions.order_by("success_factor__code", "order"):
            choices.setdefault(question.code, f"{question.success_factor.code} · {Truncator(question.display_text).chars(90)}")
        cast(forms.ChoiceField, self.fields["question_code"]).choices = [("", _("— geen (oordeelregel) —")), *choices.items()]

    def clean_values(self):
        return [v.strip() for v in self.cleaned_data["values"].split(",") if v.strip()]


class PublishForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reden om te publiceren zonder volledige verificatie"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=MAX_REASON,
    )
