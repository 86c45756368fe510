"""The project's middleware: control characters in an address answer 404, and no authenticated response is kept
by a browser or a proxy."""

import pytest
from django.urls import reverse

CONTROL_PATHS = [
    "/national/icms-2013/%00/",
    "/findings/icms-2013/VR13/%00/",
    "/national/icms-2013/KSF%01/",
    "/regions/VR13%0A/",
    "/national/recommendations/%7F/",
]


@pytest.mark.parametrize("path", CONTROL_PATHS)
def test_a_control_character_in_the_address_answers_404_not_500(client_for, inspector, demo_data, path):
    client = client_for(inspector)
    client.raise_request_exception = False
    assert client.get(path).status_code == 404


def test_a_control_character_answers_404_to_an_anonymous_visitor_too(client):
    client.raise_request_exception = False
    assert client.get("/national/icms-2013/%00/").status_code == 404


@pytest.mark.parametrize("name", ["home", "national:dashboard", "regions:list"])
def test_every_authenticated_page_tells_browsers_and_proxies_to_keep_nothing(client_for, inspector, name):
    response = client_for(inspector).get(reverse(name), follow=True)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_an_authenticated_file_is_not_kept_either(client_for, ministry, demo_data):
    response = client_for(ministry).get(reverse("national:indicators_csv", kwargs={"round_code": "icms-2009"}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_public_file_for_an_anonymous_visitor_is_not_marked_no_store(client, db):
    response = client.get(reverse("security_txt"))
    assert "no-store" not in response.get("Cache-Control", "")
