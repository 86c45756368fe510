"""Tiny pure filters for the findings templates."""

from django import template
from django.utils.translation import gettext_lazy as _

from core import i18n
from findings.models import Judgment, VerificationStatus

register = template.Library()

JUDGMENT_CLASSES: dict[str, str] = {
    Judgment.VOLDOET: "text-bg-success",
    Judgment.VOLDOET_GEDEELTELIJK: "text-bg-warning",
    Judgment.VOLDOET_NIET: "text-bg-danger",
    Judgment.NIET_BEOORDEELD: "text-bg-secondary",
}
JUDGMENT_FILLS: dict[str, str] = {
    Judgment.VOLDOET: "#198754",
    Judgment.VOLDOET_GEDEELTELIJK: "#ffc107",
    Judgment.VOLDOET_NIET: "#dc3545",
    Judgment.NIET_BEOORDEELD: "#adb5bd",
}
# Colour is never the only carrier of a judgment: badges, maps and tables show the sign (and the word beside it).
JUDGMENT_SYMBOLS: dict[str, str] = {
    Judgment.VOLDOET: "✓",
    Judgment.VOLDOET_GEDEELTELIJK: "◐",
    Judgment.VOLDOET_NIET: "✗",
    Judgment.NIET_BEOORDEELD: "?",
}
STATUS_CLASSES: dict[str, str] = {
    VerificationStatus.NOT_SENT: "text-bg-light border",
    VerificationStatus.AWAITING: "text-bg-info",
    VerificationStatus.COMMENTS_OPEN: "text-bg-warning",
    VerificationStatus.VERIFIED: "text-bg-success",
}


@register.filter
def judgment_class(value: str) -> str:
    """Bootstrap badge class for a judgment: `{{ finding.judgment|judgment_class }}`."""
    return JUDGMENT_CLASSES.get(value, "text-bg-light border")


@register.filter
def judgment_fill(value: str) -> str:
    """The SVG fill colour of a judgment in the national bars: `{{ segment.judgment|judgment_fill }}`."""
    return JUDGMENT_FILLS.get(value, "#dee2e6")


@register.filter
def judgment_symbol(value: str) -> str:
    """A one-character mark for dense tables; the label goes beside it for screen readers."""
    return JUDGMENT_SYMBOLS.get(value, "")


@register.filter
def judgment_label(value: str) -> str:
    """The Dutch label of a judgment code; "" stays "" (no judgment yet)."""
    try:
        return str(Judgment(value).label)
    except ValueError:
        return ""


@register.filter
def status_class(value: str) -> str:
    return STATUS_CLASSES.get(value, "text-bg-light border")


@register.filter
def status_label(value: str) -> str:
    try:
        return str(VerificationStatus(value).label)
    except ValueError:
        return str(VerificationStatus.NOT_SENT.label)


@register.filter
def csf_anchor(code: str) -> str:
    """"3.4.1" → "3-4-1", for ids and #anchors (the views redirect to #csf-3-4-1)."""
    return str(code).replace(".", "-")


@register.filter
def change_reason(stored: str | None) -> str:
    """A history change reason (stored in Dutch) in the interface language: `{{ h.history_change_reason|change_reason }}`."""
    return i18n.change_reason(stored)


# The kinds of source a citation rests on, in the order a page lists them.
CITATION_KINDS = (
    ("cited_finding_id", _("Bevindingen")),
    ("answer_id", _("Antwoorden")),
    ("report_id", _("Passages uit het gespreksverslag")),
    ("evidence_id", _("Documenten")),
)


@register.filter
def citation_groups(citations) -> list[dict]:
    """Citations grouped by the kind of source, for a long list a page shows collapsed per group:
    `{% for group in citations|citation_groups %}{{ group.label }} ({{ group.citations|length }})…`."""
    groups: dict[str, list] = {field: [] for field, _label in CITATION_KINDS}
    for citation in citations:
        field = next((f for f, _label in CITATION_KINDS if getattr(citation, f)), "evidence_id")
        groups[field].append(citation)
    return [{"label": label, "citations": groups[field]} for field, label in CITATION_KINDS if groups[field]]
