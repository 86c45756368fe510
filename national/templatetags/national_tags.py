"""Tiny pure filters for the national picture's templates."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def stacked_bar(chart: dict) -> SafeString:
    """An indicator's chart (`national.pages.indicator_chart`) as the dashboard shows it beside the sentence: one
    stacked bar (hidden from assistive technology) and every answer it counts named beside it with its count, each
    after a square of its colour. A filter rather than a template, and plain string work rather than format_html:
    the dashboard has a hundred of them. The numbers are the chart's integers; the labels are escaped here."""
    bars = []
    for segment in chart["segments"]:
        x = f' x="{int(segment["x"])}"' if segment["x"] else ""
        bars.append(f'<rect{x} width="{int(segment["width"])}" class="bar-{int(segment["colour"])}"/>')
    key = "".join(
        f' <span class="k{int(row["colour"])}">{escape(row["label"])}: {int(row["count"])}</span>'
        for row in chart["rows"] if row["count"]
    )
    return mark_safe(f'<svg class="indicator-chart" viewBox="0 0 {int(chart["width"])} 8" aria-hidden="true">{"".join(bars)}</svg>{key}')
