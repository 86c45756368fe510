import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_ovr_logs_in_and_reaches_their_region(login, page, ovr_vr13):
    login(ovr_vr13)
    page.get_by_role("region", name="Waarvoor u respondent bent").get_by_role("link", name="VR13 Amsterdam-Amstelland").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("VR13")
    assert page.locator("text=11 Luchtmobiele Brigade").count() >= 1


def test_a_wrong_password_gives_a_dutch_error(page, ovr_vr13, live_server):
    page.goto("/login/")
    page.get_by_label("Gebruikersnaam").fill("ovr.vr13")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    assert "juiste gebruikersnaam en wachtwoord" in page.get_by_role("alert").inner_text()
