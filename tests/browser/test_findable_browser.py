"""Findable from every page, walked in Chromium (issue 15): an Arabic-speaking resident on a
390 px phone from /ar/ through the menu to the contact form and through a service page to a
booking; school staff from /sv/ to the meeting request; the guide's topic carried into the
contact form; the guide's "back" by keyboard and without JavaScript."""
import pytest
from django.core.cache import cache
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def _no_rate_limit():
    cache.clear()  # forms and bookings are rate-limited per client address


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def cleanup_bookings():
    from forms.bookings.models import Booking

    before = set(Booking.objects.values_list("pk", flat=True))
    yield
    Booking.objects.exclude(pk__in=before).delete()


def test_arabic_resident_on_a_phone_reaches_the_contact_form_through_the_menu(live_url, phone, assert_accessible):
    from forms.models import Submission

    page = phone
    page.goto(f"{live_url}/ar/")
    link = page.get_by_role("navigation", name="القائمة الرئيسية").get_by_role(
        "link", name="تواصل مع فريق النصح والدعم")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("main h1")).to_have_text("تواصل مع فريق النصح والدعم")
    expect(page.locator(".progress")).to_contain_text("من 2")  # step 1 of 2
    assert page.locator(".privacy-notice input").count() == 0  # a notice, nothing to tick
    expect(page.locator(".privacy-notice a")).to_be_visible()
    page.get_by_label("الاقتصاد والديون", exact=True).check()
    page.get_by_role("button", name="التالي", exact=True).click()
    page.locator("#id_fornamn").fill("ليلى")
    page.locator("#id_telefon").fill("070-111 22 33")
    assert_accessible(page, "contact step 2 on a phone, ar")
    page.get_by_role("button", name="تابع لمراجعة إجاباتك").click()
    assert "/check/" in page.url and "ليلى" in page.inner_text("main")
    page.get_by_role("button", name="إرسال", exact=True).click()
    reference = page.locator(".reference").inner_text()
    assert reference.startswith("KON-")
    sub = Submission.objects.get(reference=reference)
    assert sub.language == "ar" and sub.data["arende"] == "Ekonomi" and sub.data["fornamn"] == "ليلى"


def test_arabic_resident_on_a_phone_books_a_time_from_a_service_page(live_url, phone, cleanup_bookings):
    page = phone
    page.goto(f"{live_url}/ar/")
    page.get_by_role("navigation", name="القائمة الرئيسية").get_by_role("link", name="الخدمات", exact=True).click()
    page.get_by_role("link", name="استشارات للآباء والأمهات").first.click()
    help_box = page.locator(".advice-help")
    expect(help_box.get_by_role("link", name="اكتب إلينا")).to_be_visible()
    help_box.get_by_role("link", name="احجز موعدًا").click()
    expect(page.locator("h1")).to_have_text("احجز لقاءً")
    page.locator(".booking-choice h2 a").first.click()
    page.locator("input[name=slot]").first.check()
    page.get_by_label("الاسم الأول").fill("ليلى")
    page.get_by_label("البريد الإلكتروني", exact=False).first.fill("layla@example.se")
    page.get_by_role("button", name="تأكيد الحجز").click()
    expect(page.locator("h1")).to_have_text("حجزك")
    assert page.evaluate("document.documentElement.dir") == "rtl"


def test_school_staff_find_the_meeting_request_from_the_start_page(live_url, page):
    page.goto(f"{live_url}/sv/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="För skolor").click()
    page.locator("main").get_by_role("link", name="Boka ett möte med Råd- och stöd").click()
    expect(page.locator("main h1")).to_have_text("Boka ett möte med Råd- och stöd")
    expect(page.locator("#id_skola")).to_be_visible()
    # and the site search finds it too
    page.goto(f"{live_url}/sv/")
    page.locator("#header-q").fill("boka möte skola")
    page.locator("#header-q").press("Enter")
    page.locator("main").get_by_role("link", name="Boka ett möte med Råd- och stöd").click()
    assert page.url.endswith("/sv/for-skolor/boka-mote/")


def answer_guide(page, live_url):
    page.goto(f"{live_url}/sv/hitta-stod/guide/")
    page.get_by_label("Jag som förälder").check()
    page.get_by_role("button", name="Nästa").click()
    page.get_by_label("Föräldraskap").check()
    page.get_by_role("button", name="Nästa").click()


def test_the_guides_topic_is_carried_into_the_contact_form(live_url, page):
    answer_guide(page, live_url)
    page.get_by_label("Nej, det är inte akut").check()
    page.get_by_role("button", name="Nästa").click()
    page.get_by_role("link", name="Skriv till oss i kontaktformuläret").click()
    expect(page.get_by_label("Föräldraskap", exact=True)).to_be_checked()
    page.get_by_role("button", name="Nästa", exact=True).click()  # not asked again: straight on
    expect(page.locator("#id_fornamn")).to_be_visible()


def test_guide_back_by_keyboard_without_javascript(live_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        answer_guide(page, live_url)
        expect(page.get_by_text("Fråga 3 av 3")).to_be_visible()
        page.get_by_role("link", name="Tillbaka till föregående fråga").focus()
        page.keyboard.press("Enter")
        expect(page.get_by_text("Fråga 2 av 3")).to_be_visible()
        expect(page.get_by_label("Föräldraskap")).to_be_checked()
        page.get_by_role("link", name="Tillbaka till föregående fråga").focus()
        page.keyboard.press("Enter")
        expect(page.get_by_text("Fråga 1 av 3")).to_be_visible()
        expect(page.get_by_label("Jag som förälder")).to_be_checked()
        expect(page.get_by_role("link", name="Tillbaka till föregående fråga")).to_have_count(0)
        # going on again keeps working
        page.get_by_role("button", name="Nästa").click()
        expect(page.get_by_text("Fråga 2 av 3")).to_be_visible()
    finally:
        context.close()
