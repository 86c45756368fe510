"""Forms of the CSV/XLSX exchange: they parse and validate the request, the views act."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.tabular import MAX_BYTES
from framework.models import Round
from regions.models import Subject

FORMAT_CHOICES = [("csv", _("CSV (UTF-8)")), ("xlsx", _("Excel (.xlsx)"))]


class RoundField(forms.ModelChoiceField):
    """A round by its code (`?round=icms-2013`); a bare year, as in links of earlier versions, names the first
    framework's round of that year."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Meting"))
        super().__init__(
            queryset=Round.objects.order_by("-year", "framework_id"), to_field_name="code", empty_label=None, **kwargs
        )

    def to_python(self, value):
        text = str(value or "").strip()
        if text.isdigit() and len(text) == 4:
            value = self.queryset.of_year(int(text)).values_list("code", flat=True).first()
        return super().to_python(value)

    def label_from_instance(self, obj: Round) -> str:
        return str(obj)


class ExportForm(forms.Form):
    """What to download. The region is checked by the view (a region you may not see answers 404)."""

    round = RoundField()
    region = forms.CharField(label=_("Regio of brigade"), required=False, max_length=8)
    format = forms.ChoiceField(label=_("Formaat"), choices=FORMAT_CHOICES, required=False)
    blank = forms.BooleanField(label=_("Leeg sjabloon (alle vragen, zonder antwoorden)"), required=False)

    def __init__(self, *args, regions: QuerySet[Subject] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.set_regions(regions)

    def set_regions(self, regions: QuerySet[Subject]) -> None:
        """Offer `regions` in a select (for the page); which region may be downloaded is the view's decision."""
        choices = [("", _("Alle regio's die u mag inzien"))] + [(region.code, str(region)) for region in regions]
        self.fields["region"].widget = forms.Select(choices=choices)

    def clean_format(self) -> str:
        return self.cleaned_data.get("format") or "csv"


class JudgmentExportForm(forms.Form):
    round = RoundField()
    format = forms.ChoiceField(label=_("Formaat"), choices=FORMAT_CHOICES, required=False)

    def clean_format(self) -> str:
        return self.cleaned_data.get("format") or "csv"


class UploadForm(forms.Form):
    round = RoundField()
    file = forms.FileField(label=_("Bestand (CSV of XLSX)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot (%(size)s kB); het maximum is %(max)s MB.")
                % {"size": upload.size // 1024, "max": MAX_BYTES // (1024 * 1024)}
            )
        return upload
