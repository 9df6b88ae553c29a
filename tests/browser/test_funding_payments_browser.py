"""Issue 13 item 6 in the browser: a fund manager records the second year's payment of the demo
project at the payments stage (an amount above what remains is refused first, nothing typed is
lost, Enter sends the form); the project lead reads what has been paid and what remains, in
Swedish and in Arabic (amounts drawn left to right inside the right-to-left page)."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LEAD = "projektledare-vallingby"
SHOTS = "/tmp/pay-shots"


def log_in(page, live_url, email, password):
    page.goto(f"{live_url}/sv/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_a_payment_is_recorded_and_the_lead_sees_it(live_url, browser, assert_accessible):
    from funding.models import Application
    from funding.payments.models import Payment

    app = Application.objects.get(user__username=LEAD)
    second = app.payment_plan.order_by("year").last()
    before = set(Payment.objects.values_list("pk", flat=True))
    try:
        admin = browser.new_context(viewport={"width": 1280, "height": 1100})
        manager = admin.new_page()
        log_in(manager, live_url, "fondforvaltare@lotsa.example", "lotsa-fondforvaltare-demo")
        manager.goto(f"{live_url}/admin/funding_applications/inspect/{app.pk}/")
        manager.locator("a", has_text=re.compile("Payments and recording a payment|Utbetalningar och registrera")).click()
        assert f"/admin/funding-payments/application/{app.pk}/" in manager.url
        # only the second year has money left: it is the one offered
        expect(manager.locator("#id_plan")).to_have_value(str(second.pk))
        manager.fill("#id_paid_on", "2026-12-02")
        manager.fill("#id_amount", "250 000")
        manager.fill("#id_voucher", "V2026-0311")
        manager.locator("#id_voucher").press("Enter")
        manager.wait_for_load_state()
        error = manager.locator(".error-message").first
        expect(error).to_contain_text(re.compile(r"200.000"))
        expect(manager.locator("#id_voucher")).to_have_value("V2026-0311")  # nothing typed is lost
        manager.screenshot(path=f"{SHOTS}/admin-refused.png", full_page=True)
        manager.fill("#id_amount", "200 000")
        manager.locator("#id_amount").press("Enter")
        manager.wait_for_load_state()
        expect(manager.get_by_text("V2026-0311").first).to_be_visible()
        manager.screenshot(path=f"{SHOTS}/admin-recorded.png", full_page=True)
        assert Payment.objects.filter(plan=second, amount=200_000, voucher="V2026-0311").count() == 1
        admin.close()

        lead = browser.new_context(viewport={"width": 1000, "height": 1400})
        page = lead.new_page()
        log_in(page, live_url, f"{LEAD}@lotsa.example", f"lotsa-{LEAD}-demo")
        page.goto(f"{live_url}/sv/funding/my/{app.pk}/")
        section = page.locator("table.payment-plan")
        expect(section).to_contain_text(re.compile(r"400.000"))
        expect(page.get_by_text("V2026-0311")).to_be_visible()
        assert_accessible(page, "lead's payments, Swedish")
        page.locator("#payments").scroll_into_view_if_needed()
        page.screenshot(path=f"{SHOTS}/lead-sv.png", full_page=True)
        page.goto(f"{live_url}/ar/funding/my/{app.pk}/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        # the amounts keep their digit order inside the Arabic sentence and table
        cell = page.locator("table.payment-plan tfoot td").first
        assert re.search(r"400\s000", cell.inner_text())
        assert_accessible(page, "lead's payments, Arabic")
        page.screenshot(path=f"{SHOTS}/lead-ar.png", full_page=True)
        lead.close()
    finally:
        Payment.objects.exclude(pk__in=before).delete()  # the demo stays as it was for the next test
