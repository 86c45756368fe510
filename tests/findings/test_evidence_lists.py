"""Long lists of sources are grouped by kind, a group of more than ten collapsed: the national page of factor
3.1.1 in the demo cites 25 findings and shows the sources of those 25 findings, yet offers only a handful of
visible controls."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db


class VisibleButtons(HTMLParser):
    """Counts the buttons with a given text that are not inside a closed <details> (its summary aside)."""

    def __init__(self, text: str):
        super().__init__()
        self.text, self.count, self.summaries = text, 0, 0
        self.details: list[bool] = []  # open or not, innermost last
        self.in_summary = self.in_button = False
        self.button_text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self.details.append("open" in dict(attrs))
        elif tag == "summary":
            self.in_summary = True
            self.summaries += 1
        elif tag == "button":
            self.in_button, self.button_text = True, ""

    def handle_endtag(self, tag):
        if tag == "details" and self.details:
            self.details.pop()
        elif tag == "summary":
            self.in_summary = False
        elif tag == "button" and self.in_button:
            self.in_button = False
            if self.button_text.strip() == self.text and all(self.details):
                self.count += 1

    def handle_data(self, data):
        if self.in_button:
            self.button_text += data


def visible(html: str, text: str) -> VisibleButtons:
    parser = VisibleButtons(text)
    parser.feed(html)
    return parser


def test_the_national_page_of_a_factor_collapses_its_sources(demo_data, client_for):
    from accounts.models import User

    html = client_for(User.objects.get(username="inspecteur")).get("/national/icms-2013/3.1.1/").content.decode()
    assert html.count(">verwijderen<") >= 25  # the conclusion's own sources can still be removed …
    parser = visible(html, "verwijderen")
    assert parser.count <= 5  # … but the page does not show a column of them
    assert "Bevindingen (25)" in html  # grouped by kind, with their number
    assert parser.summaries >= 26  # the group, and one per region's finding


def test_a_regional_findings_sources_on_the_national_page_cannot_be_removed_there(demo_data, client_for):
    from accounts.models import User
    from findings.models import Citation, NationalConclusion

    conclusion = NationalConclusion.objects.get(round__year=2013, success_factor__code="3.1.1")
    html = client_for(User.objects.get(username="inspecteur")).get("/national/icms-2013/3.1.1/").content.decode()
    own = Citation.objects.filter(conclusion=conclusion).count()
    assert html.count(">verwijderen<") == own


def test_a_finding_with_few_sources_shows_them_open(demo_data, client_for):
    from accounts.models import User

    html = client_for(User.objects.get(username="inspecteur")).get("/findings/icms-2013/VR13/3.1.1/").content.decode()
    shown = visible(html, "verwijderen").count
    assert 1 <= shown == html.count(">verwijderen<")
