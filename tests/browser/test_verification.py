"""The verification journey: the inspector writes VR13's findings and sends them; the OVR comments on one
item and agrees with the rest; the inspector answers; VR13 is verified; the OVR cannot open VR14."""

import re

import pytest
from playwright.sync_api import expect

from framework.models import SuccessFactor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

JUDGMENTS = {"3.4.1": "voldoet gedeeltelijk", "3.4.2": "voldoet gedeeltelijk"}


def test_findings_of_vr13_are_written_sent_commented_answered_and_verified(login, page, inspector, ovr_vr13, screenshot):
    factors = list(SuccessFactor.objects.filter(subject_kind="region").values_list("code", flat=True))
    assert len(factors) == 9

    login(inspector)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bevindingen").click()
    page.get_by_role("link", name="VR13", exact=True).click()
    for code in factors:
        card = page.locator(f"#csf-{code.replace('.', '-')}")
        card.get_by_label(f"Bevinding {code}", exact=True).fill(f"Bevinding bij {code} in Amsterdam-Amstelland.")
        card.get_by_label(f"Oordeel {code}", exact=True).select_option(label=JUDGMENTS.get(code, "voldoet"))
        card.get_by_role("button", name=f"Opslaan {code}").click()
        expect(page.locator(f"#csf-{code.replace('.', '-')}").get_by_role("status")).to_have_text("opgeslagen")
    page.get_by_role("button", name="Ter verificatie versturen").click()
    expect(page.locator("#verification-status")).to_have_text("wacht op respondenten")

    login(ovr_vr13)
    page.get_by_role("link", name=re.compile("Bevindingen VR13 verifiëren")).click()
    expect(page.locator("article.verification-item")).to_have_count(9)
    expect(page.locator("article.verification-item input[name=kind]:checked")).to_have_count(0)  # an explicit choice each
    first = page.locator("article.verification-item", has_text="3.4.1 ")
    expect(first).to_contain_text("Bevinding bij 3.4.1 in Amsterdam-Amstelland.")
    first.get_by_label("opmerking", exact=True).check()
    first.get_by_label("Opmerking", exact=True).fill("De OVR neemt sinds januari deel aan het ROT.")
    first.get_by_role("button", name="Reactie opslaan").click()
    for code in factors:
        if code == "3.4.1":
            continue
        item = page.locator("article.verification-item", has_text=f"{code} ")
        item.get_by_label("akkoord", exact=True).check()
        item.get_by_role("button", name="Reactie opslaan").click()
        expect(page.locator("article.verification-item", has_text=f"{code} ")).to_contain_text("akkoord")
    expect(page.locator("#verification-status")).to_have_text("opmerkingen open")
    screenshot(page, "verification", max_height=1600)

    login(inspector)
    page.goto("/findings/icms-2013/VR13/")
    card = page.locator("#csf-3-4-1")
    expect(card).to_contain_text("De OVR neemt sinds januari deel aan het ROT.")
    card.get_by_label("Antwoord aan de respondent").fill("Verwerkt: deelname aan het ROT toegevoegd.")
    card.get_by_label("tekst aangepast").check()
    card.get_by_label("Tekst (bij aanpassing)").fill("Defensie neemt sinds januari deel aan het ROT, niet aan het beleidsteam.")
    card.get_by_role("button", name="Antwoord versturen").click()
    expect(page.locator("#verification-status")).to_have_text("geverifieerd")

    login(ovr_vr13)
    page.goto("/findings/icms-2013/VR13/")
    amended = page.locator("article.verification-item", has_text="3.4.1 ")
    expect(amended).to_contain_text("Zoals verstuurd")
    expect(amended).to_contain_text("Verwerkt: deelname aan het ROT toegevoegd.")
    response = page.goto("/findings/icms-2013/VR14/")
    assert response.status == 404
