"""A project lead signs up, fills the LUM application with the source's budget across two
sessions, submits, the department head signs, the lead downloads the PDF; a fund manager
approves; the applicant sees it.
axe-core checks every step."""
import io
import re
import uuid

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

EMAIL = f"ny.projektledare.{uuid.uuid4().hex[:8]}@example.org"  # unique: the live server's DB may outlive a run
PASSWORD = "Lotsa-test-losen-2026"


def log_in(page, live_url, email=EMAIL, password=PASSWORD):
    page.goto(f"{live_url}/sv/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()


def next_step(page):
    page.get_by_role("button", name="Spara och gå till nästa steg").click()


def test_apply_across_two_sessions_and_get_a_decision(live_url, browser, mailoutbox, assert_accessible, paste):
    from funding.models import Application

    first = browser.new_context()
    page = first.new_page()
    # --- sign up with e-mail verification -----------------------------------------------------
    page.goto(f"{live_url}/sv/accounts/signup/")
    assert_accessible(page, "signup")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    assert "/accounts/confirm-email/" in page.url
    assert_accessible(page, "verification sent")
    link = re.search(r"https?://\S+/confirm-email/\S+", mailoutbox[-1].body).group(0)
    page.goto(live_url + re.sub(r"^https?://[^/]+", "", link))
    assert_accessible(page, "confirm e-mail")
    page.locator("main form button[type=submit]").first.click()
    # Confirming in the browser that signed up logs in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION).
    page.wait_for_load_state()
    page.goto(f"{live_url}/sv/funding/my/")
    assert "/accounts/login/" not in page.url
    page.goto(f"{live_url}/sv/accounts/password/reset/")
    assert_accessible(page, "password reset")

    # --- session 1: the first steps --------------------------------------------------------
    page.goto(f"{live_url}/sv/sok-medel/lokala-utvecklingsmedel/")
    page.get_by_role("button", name="Ansök", exact=True).click()
    assert "/apply/" in page.url and page.url.endswith("/applicant/")
    assert_accessible(page, "applicant step")
    next_step(page)  # empty: an error summary, nothing lost
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "applicant step with errors")
    page.fill("#id_applicant-organisation", "Hässelby-Vällingby stadsdelsförvaltning")
    page.fill("#id_applicant-kst", "1002")
    page.check("#id_applicant-giro_type_0")
    page.fill("#id_applicant-giro_number", "5050-1055")
    page.fill("#id_applicant-contact_name", "Kim Projekt")
    page.fill("#id_applicant-contact_email", EMAIL)
    page.fill("#id_applicant-head_name", "Alex Chef")
    page.fill("#id_applicant-head_email", "alex.chef@example.org")
    page.fill("#id_applicant-sign_place", "Stockholm")
    next_step(page)
    assert page.url.endswith("/project/")
    assert_accessible(page, "project step")
    page.fill("#id_project-title", "Modell för tidigt socialt stöd")
    page.fill("#id_project-start", "2020-01-01")
    page.fill("#id_project-end", "2022-12-31")
    for name in ("background", "purpose", "target_group"):
        page.fill(f"#id_project-{name}", "Text om " + name)
    with page.expect_navigation():  # the page is loaded before its context is closed
        page.get_by_role("button", name="Spara och fortsätt senare").click()
    assert "/funding/my/" in page.url
    first.close()

    # --- session 2, another device: resume, budget, submit ---------------------------------
    second = browser.new_context(accept_downloads=True)
    page = second.new_page()
    log_in(page, live_url)
    page.goto(f"{live_url}/sv/funding/my/")
    assert_accessible(page, "my applications")
    page.get_by_role("link", name=re.compile(r"\d{4}-\d{5}")).first.click()
    page.get_by_role("link", name="Fortsätt med ansökan").click()
    assert page.input_value("#id_applicant-organisation") == "Hässelby-Vällingby stadsdelsförvaltning"
    next_step(page)
    assert page.input_value("#id_project-title") == "Modell för tidigt socialt stöd"
    next_step(page)
    for step, fields in [("effects", ["residents", "employees", "administration", "city"]),
                         ("method", ["method", "phases", "activities", "follow_up"]),
                         ("equality", ["gender_equality", "cohesive_support"])]:
        assert page.url.endswith(f"/{step}/")
        assert_accessible(page, step)
        for name in fields:
            page.fill(f"#id_{step}-{name}", f"Svar: {name}")
        next_step(page)
    assert page.url.endswith("/budget/")
    assert_accessible(page, "budget")
    for year in range(3):
        page.fill(f"#id_budget-c_personnel_{year}", "1 450 000")
        page.fill(f"#id_budget-c_other_{year}", "50000 kr")
    # The income lines pasted as copied from a spreadsheet: two rows of three years.
    paste(page, "#id_budget-i_requested_0", "500 000\t500 000\t500 000\r\n1 000 000\t1 000 000\t1 000 000\r\n")
    assert page.input_value("#id_budget-i_own_2") == "1 000 000"
    assert page.input_value("#id_budget-i_external_0") == ""  # no third line was pasted
    # live totals in the browser
    assert page.locator("table[data-budget=costs] [data-grand-total]").inner_text().replace("\u00a0", " ") == "4 500 000"
    income_total = page.locator("table[data-budget=income] [data-grand-total]")
    assert income_total.inner_text().replace("\u00a0", " ") == "4 500 000"
    next_step(page)
    assert page.url.endswith("/attachments/")
    assert_accessible(page, "attachments")
    next_step(page)
    assert page.url.endswith("/review/")
    assert_accessible(page, "review")
    page.check("#id_review-confirm")
    page.get_by_role("button", name="Skicka in ansökan").click()
    expect(page.get_by_text("Din ansökan är klar och avdelningschefen har fått en länk")).to_be_visible()
    assert_accessible(page, "waiting for signature")
    # --- the department head signs through the e-mailed link (tests/test_funding_signatures.py) ---
    link = re.search(r"https?://\S+(/sv/funding/sign/[\w-]+/)", mailoutbox[-1].body).group(1)
    head = browser.new_context()
    sign = head.new_page()
    sign.goto(live_url + link)
    sign.check("#id_confirm")
    sign.get_by_role("button", name="Skriv under och skicka in till fonden").click()
    expect(sign.get_by_text("Tack! Ansökan är underskriven")).to_be_visible()
    head.close()
    page.reload()
    expect(page.get_by_text("Underskriven digitalt av Alex Chef")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner ansökan som PDF").click()
    pdf = open(download.value.path(), "rb").read()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\u00a0", " ")
    assert "1 500 000" in text and "4 500 000" in text and "1 450 000" in text
    application = Application.objects.get(user__email=EMAIL)
    assert application.status == "submitted" and application.requested_total == 1_500_000

    # --- the fund manager reviews and approves ---------------------------------------------
    admin = browser.new_context()
    manager = admin.new_page()
    manager.goto(f"{live_url}/admin/login/?next=/admin/")  # redirects to the site's login page
    manager.fill("#id_login", "fondforvaltare@lotsa.example")
    manager.fill("#id_password", "lotsa-fondforvaltare-demo")
    manager.locator("main form button[type=submit]").first.click()
    manager.wait_for_url(re.compile(r"^[^?]*/admin/"), wait_until="domcontentloaded")
    manager.goto(f"{live_url}/admin/funding_applications/inspect/{application.pk}/")
    save = manager.get_by_role("button", name=re.compile("Spara statusändringen|Save the status change"))
    manager.select_option("#id_to", "in_review")
    with manager.expect_navigation():  # the next form is the one on the reloaded page
        save.click()
    manager.select_option("#id_to", "approved")
    manager.fill("#id_comment", "Beviljas enligt ansökan.")
    with manager.expect_navigation():  # saved (and answered) before the database is read
        save.click()
    application.refresh_from_db()
    assert application.status == "approved" and application.granted_total == 1_500_000
    admin.close()

    # --- the applicant sees the decision ---------------------------------------------------
    page.goto(f"{live_url}/sv/funding/my/{application.pk}/")
    expect(page.get_by_text("Beviljad").first).to_be_visible()
    expect(page.get_by_text("Beviljas enligt ansökan.")).to_be_visible()
    assert_accessible(page, "decision")
    page.goto(f"{live_url}/ar/funding/my/{application.pk}/")
    assert_accessible(page, "decision in Arabic")
    second.close()


def test_fund_pages_and_account_pages_in_arabic(live_url, page, assert_accessible):
    for path in ["/ar/apply-for-funding-ar/", "/ar/apply-for-funding-ar/innovation-check-ar/",
                 "/ar/accounts/login/", "/ar/accounts/signup/", "/en/accounts/password/reset/"]:
        page.goto(live_url + path)
        assert page.evaluate("document.documentElement.dir") == ("rtl" if path.startswith("/ar/") else "ltr")
        assert_accessible(page, path)
