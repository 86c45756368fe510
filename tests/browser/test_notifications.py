"""A hand-over told to whoever takes it over: the inspector sends VR13's findings for verification; the OVR gets one
mail with the link, sees the notification on their home page, opens it and lands on the findings to verify."""

import re

import pytest
from playwright.sync_api import expect

from framework.models import SuccessFactor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_ovr_is_told_by_mail_and_on_the_home_page_when_findings_are_sent(login, page, inspector, ovr_vr13,
                                                                            mailoutbox):
    factors = list(SuccessFactor.objects.filter(framework__code="icms", subject_kind="region")
                   .values_list("code", flat=True))
    login(inspector)
    page.goto("/findings/icms-2013/VR13/")
    for code in factors:
        card = page.locator(f"#csf-{code.replace('.', '-')}")
        card.get_by_label(f"Bevinding {code}", exact=True).fill(f"Bevinding bij {code} in Amsterdam-Amstelland.")
        card.get_by_label(f"Oordeel {code}", exact=True).select_option(label="voldoet")
        card.get_by_role("button", name=f"Opslaan {code}").click()
        expect(page.locator(f"#csf-{code.replace('.', '-')}").get_by_role("status")).to_have_text("opgeslagen")
    page.get_by_role("button", name="Ter verificatie versturen").click()
    expect(page.locator("#verification-status")).to_have_text("wacht op respondenten")

    to_ovr = [message for message in mailoutbox if message.to == [ovr_vr13.email]]
    assert len(to_ovr) == 1
    assert "/findings/icms-2013/VR13/" in to_ovr[0].body

    login(ovr_vr13)
    page.goto("/")
    notifications = page.locator("section[aria-labelledby=meldingen]")
    expect(notifications.get_by_role("heading", name=re.compile("Meldingen"))).to_contain_text("1 nieuw")
    notice = notifications.get_by_role("button", name=re.compile("liggen ter verificatie bij u"))
    expect(notice).to_be_visible()
    notice.click()
    expect(page).to_have_url(re.compile(r"/findings/icms-2013/VR13/"))
    page.goto("/")
    expect(page.locator("section[aria-labelledby=meldingen]").get_by_role("heading", name=re.compile("Meldingen"))
           ).not_to_contain_text("nieuw")
