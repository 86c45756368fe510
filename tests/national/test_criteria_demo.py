"""The criteria per success factor in the demo's national picture: `manage.py national_picture --round 2013` and
`/api/national/icms-2013/` list them per factor with their report section, and each national factor page shows them."""

import io
import json
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from framework.models import Criterion, SuccessFactor

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo as `load_demo` loads it, once for this module."""


def expected() -> dict[str, list[dict]]:
    criteria: dict[str, list[dict]] = {}
    for criterion in Criterion.objects.select_related("success_factor").order_by("order", "code"):
        criteria.setdefault(criterion.success_factor.code, []).append(
            {"text": criterion.text, "section": criterion.section}
        )
    return criteria


def test_national_picture_lists_every_factors_criteria_with_their_sections(demo):
    out = io.StringIO()
    call_command("national_picture", "--round", "2013", stdout=out)
    factors = json.loads(out.getvalue())["success_factors"]
    assert set(factors) == set(SuccessFactor.objects.values_list("code", flat=True))
    assert len(factors) == 11
    for code, factor in factors.items():
        assert factor["criteria"], code
        assert factor["criteria"] == expected()[code], code
        assert all(item["section"].startswith(code[:3]) for item in factor["criteria"]), code


def test_the_api_gives_the_criteria_in_english_when_the_interface_is_english(demo, client_for, inspector):
    client = client_for(inspector)
    dutch = client.get("/api/national/icms-2013/").json()["success_factors"]["3.2.1"]["criteria"]
    assert dutch == expected()["3.2.1"]
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get("/api/national/icms-2013/").json()["success_factors"]["3.2.1"]["criteria"]
    assert [item["text"] for item in english] == [
        c.text_en for c in Criterion.objects.filter(success_factor__code="3.2.1").order_by("order", "code")
    ]


def test_each_national_factor_page_shows_its_criteria(demo, client_for, ministry):
    client = client_for(ministry)
    for factor in SuccessFactor.objects.prefetch_related("criteria"):
        response = client.get(reverse("national:factor", args=["icms-2013", factor.code]))
        assert response.status_code == 200, factor.code
        html = unescape(response.content.decode())
        assert "Waar de inspecteurs op letten" in html, factor.code
        for criterion in factor.criteria.all():
            assert criterion.text in html and f"(rapport §{criterion.section})" in html, criterion.code
