"""Every audited party has its pages under its code, on the demo data: the brigade's questionnaire at
/assessments/icms-2013/B11/, its findings at /findings/icms-2013/B11/, the old brigade addresses redirect, and an OVR
sees nothing of another region or of a brigade."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(demo_data, client):
    def login(username):
        client.force_login(User.objects.get(username=username))
        return client

    return login


def test_the_rmc_of_11_opens_the_brigade_questionnaire_under_its_code(as_user):
    response = as_user("rmc.11").get("/assessments/icms-2013/B11/")
    assert response.status_code == 200
    assert "11 Luchtmobiele Brigade" in response.content.decode()


def test_the_inspector_opens_the_brigade_findings_under_its_code(as_user):
    response = as_user("inspecteur").get("/findings/icms-2013/B11/")
    assert response.status_code == 200
    assert "3.3.1" in response.content.decode()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/assessments/2013/brigades/11/", "/assessments/icms-2013/B11/"),
        ("/assessments/2013/brigades/11/history/", "/assessments/icms-2013/B11/history/"),
        ("/findings/2013/brigades/11/", "/findings/icms-2013/B11/"),
        ("/regions/brigades/11/", "/regions/B11/"),
    ],
)
def test_the_old_brigade_addresses_redirect_permanently(as_user, old, new):
    response = as_user("rmc.11").get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def _vr14_paths() -> list[str]:
    """Every GET page of the URL conf that names a subject, filled in for VR14 in 2013."""
    paths = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern) and "<subject:code>" in route and "<int:pk>" not in route:
                path = (prefix + route).replace("<round:round_code>", "icms-2013").replace("<subject:code>", "VR14")
                path = path.replace("<slug:question>", "reservists_count").replace("<str:csf>", "3.1.1")
                paths.append("/" + path)

    walk(get_resolver().url_patterns)
    return paths


def test_an_ovr_of_vr13_gets_404_on_the_brigade_and_on_everything_of_vr14(as_user):
    client = as_user("ovr.vr13")
    assert client.get("/assessments/icms-2013/B11/").status_code == 404
    paths = _vr14_paths()
    assert "/assessments/icms-2013/VR14/" in paths and "/findings/icms-2013/VR14/" in paths and "/regions/VR14/" in paths
    for path in paths:
        # A method the page does not take answers 405 whatever the code; the other answers 404.
        statuses = {client.get(path).status_code, client.post(path, {}).status_code}
        assert 404 in statuses and statuses <= {404, 405}, (path, statuses)
