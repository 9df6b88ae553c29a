"""Both demo forms filled in end to end in Swedish and Arabic in Chromium, with an error and a
"change" link; axe-core on every step, the error state and the check-your-answers page."""
import datetime

import pytest
from playwright.sync_api import expect
from django.core.cache import cache

pytestmark = pytest.mark.browser

CONTACT = {"sv": "/sv/kontakta-rad-och-stod/", "ar": "/ar/contact-advice-and-support-ar/"}
SCHOOL = {"sv": "/sv/for-skolor/boka-mote/", "ar": "/ar/for-schools-ar/request-a-meeting-ar/"}
TEXT = {
    "sv": {"next": "Nästa", "check": "Fortsätt och kontrollera dina svar", "send": "Skicka", "change": "Ändra",
           "save": "Spara och gå tillbaka till dina svar", "money": "Ekonomi", "sms": "SMS",
           "problem": "Något behöver rättas", "role": "Kurator", "year": "Årskurs 4–6", "online": "Digitalt",
           "sent": "Tack, vi har tagit emot det", "confirm": "Nästan klart"},
    "ar": {"next": "التالي", "check": "تابع لمراجعة إجاباتك", "send": "إرسال", "change": "تغيير",
           "save": "احفظ وعد إلى إجاباتك", "money": "الاقتصاد والديون", "sms": "رسالة نصية",
           "problem": "هناك مشكلة", "role": "مرشد اجتماعي", "year": "الصفوف 4–6", "online": "عبر الإنترنت",
           "sent": "شكرًا، لقد استلمناه", "confirm": "أوشكت على الانتهاء"},
}


@pytest.fixture(autouse=True)
def _no_rate_limit():
    cache.clear()


def press(page, name):
    page.get_by_role("button", name=name, exact=True).click()


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_contact_form_end_to_end(live_url, page, assert_accessible, lang):
    t = TEXT[lang]
    page.goto(live_url + CONTACT[lang])
    assert_accessible(page, "contact step 1")
    press(page, t["next"])  # nothing filled in: the error state
    summary = page.locator(".error-summary")
    assert t["problem"] in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert_accessible(page, "contact step 1 with errors")
    page.get_by_label(t["money"], exact=True).check()
    page.locator("#id_meddelande").fill("<script>alert(1)</script> Hjälp")
    press(page, t["next"])
    assert_accessible(page, "contact step 2")
    page.locator("#id_fornamn").fill("Amira")
    page.locator("#id_telefon").fill("070-123 45 67")
    page.get_by_label(t["sms"], exact=True).check()
    press(page, t["check"])  # two steps, then the check-your-answers page
    assert "Amira" in page.content() and "&lt;script&gt;" in page.content()
    assert_accessible(page, "contact check answers")
    page.get_by_role("link", name=t["change"]).nth(1).click()
    page.locator("#id_fornamn").fill("Amina")
    press(page, t["save"])
    assert "/check/" in page.url and "Amina" in page.inner_text("main")
    press(page, t["send"])
    assert t["sent"] in page.inner_text("h1")
    assert page.locator(".reference").inner_text().startswith("KON-")
    assert_accessible(page, "contact sent")


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_school_request_end_to_end(live_url, page, assert_accessible, lang):
    t = TEXT[lang]
    page.goto(live_url + SCHOOL[lang])
    page.locator("#id_skola").fill("Västra skolan")
    page.locator("#id_namn").fill("Lena")
    page.locator("#id_roll").select_option(t["role"])
    page.locator("#id_arbetsmejl").fill("lena@skola.example")
    press(page, t["next"])
    page.locator("#id_arskurs").select_option(t["year"])
    page.locator("#id_oro").fill("Hög frånvaro")
    press(page, t["next"])  # guardians' consent missing: error
    expect(page.locator("#vardnadshavare-error")).to_be_visible()
    assert_accessible(page, "school step 2 with errors")
    page.locator("#id_vardnadshavare").check()
    press(page, t["next"])
    assert_accessible(page, "school step 3")
    page.get_by_label(t["online"], exact=True).check()
    page.locator("#id_datum").fill((datetime.date.today() + datetime.timedelta(days=7)).isoformat())
    press(page, t["check"])
    assert_accessible(page, "school check answers")
    page.get_by_role("link", name=t["change"]).first.click()
    page.locator("#id_namn").fill("Lena B")
    press(page, t["save"])
    assert "Lena B" in page.inner_text("main")
    press(page, t["send"])
    assert t["confirm"] in page.inner_text("h1")
    assert page.locator(".reference").inner_text().startswith("SKO-")
    assert_accessible(page, "school sent")
