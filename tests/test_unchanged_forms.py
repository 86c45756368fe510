"""A saved form changes only what the user changed: every edit form of the application, fetched on the demo data
as the role that uses it, parsed as a browser reads it and posted back untouched, leaves the database as it was.

The form is read the way a browser builds its submission: every named input, select and textarea that is not
disabled, checked boxes and radios only, the selected options (the first when none is), a textarea's text
without its first newline, file inputs empty, and line breaks sent as CRLF (HTML's form submission does so).
A date the browser's date field cannot read would be sent empty: that is how the interview report lost its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.urls import reverse

from accounts.models import User
from findings.models import (
    InterviewReport,
    Recommendation,
    RecommendationStatus,
    VerificationItem,
    VerificationResponse,
)
from framework.models import SuccessFactor
from tests.test_write_paths import fingerprint

pytestmark = pytest.mark.django_db


@dataclass
class ServedForm:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons, in order

    def submission(self, button: str | None = None) -> dict[str, list[str]]:
        """What the browser posts when the user presses `button` (by name; None: a button without a name)."""
        data: dict[str, list[str]] = {}
        pressed = [(name, value) for name, value in self.buttons if name == button] if button else []
        for name, value in self.fields + pressed[:1]:
            data.setdefault(name, []).append(re.sub(r"\r?\n", "\r\n", value))
        return data


def sanitised(kind: str, value: str) -> str:
    """HTML's value sanitisation: a date field holds a valid ISO date or nothing, a number field a number or
    nothing; a value it cannot read is sent empty."""
    if kind == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return ""
    if kind == "number" and not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", value):
        return ""
    return value


class FormReader(HTMLParser):
    """The forms of a page with their current values, as a browser would submit them."""

    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[ServedForm] = []
        self._form: ServedForm | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = ServedForm(urljoin(self.page_url, attrs.get("action") or self.page_url),
                                    (attrs.get("method") or "get").lower())
            self.forms.append(self._form)
        if self._form is None:
            return
        name, disabled = attrs.get("name"), "disabled" in attrs
        if tag == "input" and name and not disabled:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "image"):
                self._form.buttons.append((name, attrs.get("value") or ""))
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._form.fields.append((name, attrs.get("value") or "on"))
            elif kind not in ("button", "reset", "file"):  # a file input sends no file: nothing to post
                self._form.fields.append((name, sanitised(kind, attrs.get("value") or "")))
        elif tag == "button" and name and not disabled and (attrs.get("type") or "submit") == "submit":
            self._form.buttons.append((name, attrs.get("value") or ""))
        elif tag == "select":
            self._select = {"name": name, "multiple": "multiple" in attrs, "disabled": disabled, "options": []}
        elif tag == "option" and self._select is not None:
            self._end_option()
            self._option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
        elif tag == "textarea":
            self._textarea = {"name": name, "disabled": disabled, "text": ""}

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "option":
            self._end_option()
        elif tag == "select" and self._select is not None:
            self._end_option()
            select, self._select = self._select, None
            options = select["options"]
            chosen = [o for o in options if o["selected"]]
            if not select["multiple"]:
                chosen = chosen[-1:] or options[:1]
            if select["name"] and not select["disabled"] and self._form is not None:
                self._form.fields += [(select["name"], o["value"]) for o in chosen]
        elif tag == "textarea" and self._textarea is not None:
            area, self._textarea = self._textarea, None
            text = area["text"][1:] if area["text"].startswith("\n") else area["text"]
            if area["name"] and not area["disabled"] and self._form is not None:
                self._form.fields.append((area["name"], text))
        elif tag == "form":
            self._form = None

    def _end_option(self):
        if self._option is not None and self._select is not None:
            option, self._option = self._option, None
            value = option["value"] if option["value"] is not None else " ".join(option["text"].split())
            self._select["options"].append({"value": value, "selected": option["selected"]})


def served_forms(client, url: str) -> list[ServedForm]:
    response = client.get(url)
    assert response.status_code == 200, f"GET {url}: {response.status_code}"
    reader = FormReader(f"http://testserver{url}")
    reader.feed(response.content.decode())
    return [form for form in reader.forms if form.method == "post"]


def form_posting_to(forms: list[ServedForm], path: str) -> ServedForm:
    matching = [form for form in forms if form.action.split("?")[0].endswith(path.split("?")[0])]
    assert matching, f"no form posting to {path} among {[f.action for f in forms]}"
    return matching[0]


def repost_unchanged(client, form: ServedForm, *, button: str | None = None, htmx: bool = False) -> int:
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(form.action.removeprefix("http://testserver"), form.submission(button), **extra)
    assert response.status_code < 400, f"POST {form.action}: {response.status_code}"
    return response.status_code


@pytest.fixture
def as_user(client):
    def login(username: str):
        client.force_login(User.objects.get(username=username))
        return client

    return login


@pytest.fixture
def unchanged(demo_data, db):
    """Asserts that the database is as it was before the test's posts."""
    before = fingerprint()
    yield
    assert fingerprint() == before, "posting a form unchanged changed the database"


def test_the_interview_report_is_served_with_an_iso_date_and_keeps_it(unchanged, as_user):
    client = as_user("inspecteur")
    for report in InterviewReport.objects.filter(round__year=2013).select_related("subject"):
        url = reverse("findings:report", args=["icms-2013", report.subject.code])
        form = form_posting_to(served_forms(client, url), url)
        assert ("held_on", report.held_on.isoformat()) in form.fields
        repost_unchanged(client, form)
        report.refresh_from_db()
        assert report.held_on is not None


def test_the_interview_report_keeps_its_date_in_the_english_interface(unchanged, as_user):
    client = as_user("inspecteur")
    client.cookies["django_language"] = "en"
    url = reverse("findings:report", args=["icms-2013", "VR12"])
    held_on = InterviewReport.objects.get(round__year=2013, subject__code="VR12").held_on
    assert held_on.year == 2013
    form = form_posting_to(served_forms(client, url), url)
    assert ("held_on", held_on.isoformat()) in form.fields
    repost_unchanged(client, form)
    assert InterviewReport.objects.get(round__year=2013, subject__code="VR12").held_on == held_on


@pytest.mark.parametrize("code", ["VR13", "VR12", "B11"])
def test_every_finding_form_reposted_unchanged_changes_nothing(unchanged, as_user, code):
    client = as_user("inspecteur")
    kind = "brigade" if code.startswith("B") else "region"
    for factor in SuccessFactor.objects.filter(subject_kind=kind):
        url = reverse("findings:finding", args=["icms-2013", code, factor.code])
        repost_unchanged(client, form_posting_to(served_forms(client, url), url))


def test_every_conclusion_form_reposted_unchanged_changes_nothing(unchanged, as_user):
    client = as_user("inspecteur")
    for csf in [*SuccessFactor.objects.values_list("code", flat=True), "overall"]:
        url = reverse("national:conclusion_edit", args=["icms-2013", csf])
        repost_unchanged(client, form_posting_to(served_forms(client, url), url))


def test_the_round_context_form_reposted_unchanged_changes_nothing(unchanged, as_user):
    client = as_user("inspecteur")
    url = reverse("national:context_edit", args=["icms-2013"])
    repost_unchanged(client, form_posting_to(served_forms(client, url), url))


def test_every_recommendation_form_reposted_unchanged_changes_nothing(unchanged, as_user):
    client = as_user("inspecteur")
    recommendations = Recommendation.objects.filter(round__year=2013)
    assert recommendations.exists()
    for recommendation in recommendations:
        url = reverse("national:recommendation_edit", args=[recommendation.pk])
        repost_unchanged(client, form_posting_to(served_forms(client, url), url))


def test_every_follow_up_form_reposted_unchanged_changes_nothing(unchanged, as_user):
    client = as_user("inspecteur")
    earlier = Recommendation.objects.filter(round__year=2009, status=RecommendationStatus.ACCEPTED)
    assert earlier.filter(follow_ups__round__year=2013).exists()
    for recommendation in earlier.filter(follow_ups__round__year=2013):
        url = reverse("national:follow_up", args=[recommendation.pk, "icms-2013"])
        repost_unchanged(client, form_posting_to(served_forms(client, url), url))


@pytest.mark.parametrize("username", ["ovr.vr14", "inspecteur"])
def test_every_questionnaire_theme_page_reposted_unchanged_changes_nothing(unchanged, as_user, username):
    client = as_user(username)
    fill = reverse("assessments:fill", args=["icms-2013", "VR14"])
    themes = sorted(set(SuccessFactor.objects.filter(subject_kind="region").values_list("theme__number", flat=True)))
    for theme in themes:
        forms = served_forms(client, f"{fill}?theme={theme}")
        form = form_posting_to(forms, fill)
        assert any(name.endswith("-revision") for name, _value in form.fields), "the theme page serves no answers"
        repost_unchanged(client, form, button="save")


def test_every_answer_card_autosaved_unchanged_changes_nothing(unchanged, as_user):
    """The autosave posts a card's inputs (hx-include of the card); unchanged, it writes nothing."""
    client = as_user("ovr.vr14")
    fill = reverse("assessments:fill", args=["icms-2013", "VR14"])
    themes = sorted(set(SuccessFactor.objects.filter(subject_kind="region").values_list("theme__number", flat=True)))
    for theme in themes:
        form = form_posting_to(served_forms(client, f"{fill}?theme={theme}"), fill)
        codes = sorted({name.removesuffix("-revision") for name, _v in form.fields if name.endswith("-revision")})
        for code in codes:
            card = ServedForm(f"http://testserver{reverse('assessments:answer', args=['icms-2013', 'VR14', code])}", "post",
                              [(name, value) for name, value in form.fields if name.startswith(f"{code}-")])
            repost_unchanged(client, card, htmx=True)


@pytest.fixture
def commented(demo_data, db):
    """VR13's findings await verification: its OVR has commented on one item (the demo holds no responses)."""
    item = VerificationItem.objects.filter(verification__round__year=2013, verification__subject__code="VR13",
                                           finding__isnull=False).first()
    return VerificationResponse.objects.create(item=item, respondent=User.objects.get(username="ovr.vr13"),
                                               kind="comment", comment="Wij hebben\ntwee OVR's.")


def test_the_verification_forms_reposted_unchanged_change_nothing(commented, unchanged, as_user):
    subject_page = reverse("findings:subject", args=["icms-2013", "VR13"])
    # The respondent's own response, served again: posting it unchanged keeps it as it is.
    client = as_user("ovr.vr13")
    respond = form_posting_to(served_forms(client, subject_page),
                              reverse("findings:item_respond", args=[commented.item_id]))
    assert ("comment", "Wij hebben\ntwee OVR's.") in respond.fields
    repost_unchanged(client, respond)
    # The inspector's reply form, sent without a reply: refused, nothing answered or amended.
    client = as_user("inspecteur")
    reply = form_posting_to(served_forms(client, subject_page), reverse("findings:response_reply", args=[commented.pk]))
    repost_unchanged(client, reply)

