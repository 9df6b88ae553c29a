"""Book, rebook and cancel in Swedish and Arabic, and answer the check-out survey, in Chromium
with axe-core on every step."""
import pytest

pytestmark = pytest.mark.browser

TEXT = {
    "sv": {"heading": "Boka ett möte", "first_name": "Förnamn", "email": "E-post", "confirm": "Bekräfta bokningen",
           "yours": "Din bokning", "move": "Flytta min bokning", "moved": "Din bokning har flyttats",
           "cancel": "Avboka min tid", "cancelled": "Din bokning är avbokad", "missing": "Ange ett telefonnummer"},
    "ar": {"heading": "احجز لقاءً", "first_name": "الاسم الأول", "email": "البريد الإلكتروني", "confirm": "تأكيد الحجز",
           "yours": "حجزك", "move": "انقل حجزي", "moved": "تم نقل حجزك", "cancel": "ألغِ حجزي",
           "cancelled": "تم إلغاء حجزك", "missing": "أدخل رقم هاتف"},
}


@pytest.fixture
def cleanup_bookings():
    from forms.bookings.models import Booking

    before = set(Booking.objects.values_list("pk", flat=True))
    yield
    Booking.objects.exclude(pk__in=before).delete()


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_book_rebook_and_cancel(live_url, page, assert_accessible, cleanup_bookings, lang):
    t = TEXT[lang]
    page.goto(f"{live_url}/{lang}/boka/")
    assert page.locator("h1").inner_text() == t["heading"]
    assert_accessible(page, "start")
    page.locator(".booking-choice h2 a").first.click()
    assert_accessible(page, "book")
    # forgetting phone and e-mail: an error summary, the name is kept
    page.locator("input[name=slot]").first.check()
    page.get_by_label(t["first_name"]).fill("Nour")
    page.get_by_role("button", name=t["confirm"]).click()
    assert t["missing"] in page.locator(".error-summary").inner_text()
    assert page.get_by_label(t["first_name"]).input_value() == "Nour"
    assert_accessible(page, "book with errors")
    page.get_by_label(t["email"], exact=False).first.fill("nour@example.se")
    page.get_by_role("button", name=t["confirm"]).click()
    assert page.locator("h1").inner_text() == t["yours"]
    first_time = page.get_by_test_id("booking-time").inner_text()
    assert_accessible(page, "manage")
    # rebook to another time
    page.locator("input[name=slot]").nth(1).check()
    page.get_by_role("button", name=t["move"]).click()
    assert t["moved"] in page.locator(".messages").inner_text()
    assert page.get_by_test_id("booking-time").inner_text() != first_time
    # cancel
    page.get_by_role("button", name=t["cancel"]).click()
    assert page.locator("h1").inner_text() == t["cancelled"]
    assert_accessible(page, "cancelled")
    if lang == "ar":
        assert page.evaluate("document.documentElement.dir") == "rtl"


@pytest.mark.parametrize("path,submit,thanks", [
    ("/sv/utcheckning/", "Skicka svar", "Tack för ditt svar"),
    ("/ar/check-out-ar/", "أرسل الإجابة", "شكراً لإجابتك"),
])
def test_answer_the_survey(live_url, page, assert_accessible, path, submit, thanks):
    from forms.surveys.models import Response

    before = Response.objects.count()
    page.goto(live_url + path)
    assert_accessible(page, path)
    options = page.locator(".survey-question")
    assert options.count() == 3
    for i in range(3):
        # click the word, not the colour: the label carries symbol and word
        options.nth(i).locator(".scale-option label").nth(i % 3).click()
    page.get_by_role("button", name=submit).click()
    assert page.locator("h1").inner_text() == thanks
    assert Response.objects.count() == before + 1
    Response.objects.order_by("-pk").first().delete()
