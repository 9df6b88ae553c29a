"""The demo project's lead files the final report in a browser (every step checked with axe-core in
Swedish and Arabic, a spreadsheet pasted into the key-figure table, a missing explanation caught),
a fund manager approves it, a communicator (moderator) publishes the knowledge-bank draft through
the moderation workflow, and a resident finds it by an inflected Swedish word."""
import re
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

LEAD_EMAIL = "projektledare2@lotsa.example"
LEAD_PASSWORD = "lotsa-projektledare2-demo"
STEPS = ["summary", "done", "goals", "effects", "figures", "economy", "benefit", "lessons", "attachments", "review"]
SHOTS = Path("/tmp/final-report-shots")
NEXT = "Spara och gå till nästa steg"


@pytest.fixture
def demo_report(live_url):
    """The demo final report; put back as the demo left it afterwards (the live server's database
    is shared by the whole session)."""
    from reports.demo import final_report_content
    from reports.models import FinalReport

    report = FinalReport.objects.select_related("application").get(application__user__username="projektledare2")
    yield report
    report = FinalReport.objects.get(pk=report.pk)
    page = report.knowledge_bank_page
    for att in report.attachments.all():
        att.file.delete(save=False)
        att.delete()
    FinalReport.objects.filter(pk=report.pk).update(
        status=FinalReport.Status.DRAFT, wizard={}, review_comment="", submitted_at=None, decided_at=None,
        knowledge_bank_page=None, **final_report_content())
    if page is not None:
        page.delete()


def log_in(page, live_url, email, password):
    page.goto(f"{live_url}/sv/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()


def admin_log_in(page, live_url, username):
    """Staff log in to the admin (through the site's login page when the admin login redirects there)."""
    page.goto(f"{live_url}/admin/login/?next=/admin/")
    password = f"lotsa-{username}-demo"
    if page.locator("#id_login").count():
        page.fill("#id_login", f"{username}@lotsa.example")
        page.fill("#id_password", password)
        page.locator("main form button[type=submit]").first.click()
    else:
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"^[^?]*/admin/"), wait_until="domcontentloaded")


def test_file_approve_publish_and_find_the_final_report(live_url, browser, demo_report, assert_accessible,
                                                        tmp_path, paste):
    from reports.models import FinalReport, ReportPage

    SHOTS.mkdir(exist_ok=True)
    app = demo_report.application
    base = f"{live_url}/sv/funding/my/{app.pk}/final-report/"
    lead_context = browser.new_context(viewport={"width": 1000, "height": 900}, accept_downloads=True)
    page = lead_context.new_page()
    log_in(page, live_url, LEAD_EMAIL, LEAD_PASSWORD)

    # Every step in Arabic first: right-to-left, no axe violations (nothing is saved by looking).
    for step in STEPS:
        page.goto(f"{live_url}/ar/funding/my/{app.pk}/final-report/{step}/")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert_accessible(page, f"ar {step}")
        page.screenshot(path=str(SHOTS / f"ar-{step}.png"), full_page=True)

    page.goto(base)
    assert_accessible(page, "final report page")
    page.get_by_role("link", name="Fortsätt med slutrapporten").click()
    page.wait_for_url(re.compile(r"/summary/$"))
    page.fill("#id_summary-summary", "Familjecoachen mötte familjerna tidigt, och färre barn behövde utredas.")
    for step in STEPS[:-1]:
        page.wait_for_url(re.compile(rf"/{step}/$"))
        assert_accessible(page, f"sv {step}")
        page.screenshot(path=str(SHOTS / f"sv-{step}.png"), full_page=True)
        if step == "figures":
            # Three cells of a spreadsheet row, pasted into the first empty row's name.
            paste(page, "#id_figures-t0_r2_label", "Ärenden från skolan\t14\t19\t23")
            assert page.input_value("#id_figures-t0_r2_c2") == "23"
        if step == "economy":
            # Without an explanation the 10 % deviation is refused with a clear message.
            page.fill("#id_economy-e1", "")
            page.get_by_role("button", name=NEXT).click()
            summary = page.locator(".error-summary")
            expect(summary).to_be_visible()
            assert "−10,3" in summary.inner_text().replace("-", "−")
            assert_accessible(page, "sv economy with an error")
            page.screenshot(path=str(SHOTS / "sv-economy-error.png"), full_page=True)
            page.fill("#id_economy-o5", "60 000")  # the live deviation follows the typing
            expect(page.locator("tbody tr").nth(5).locator("[data-percent]")).to_have_text("+20")
            page.fill("#id_economy-e5", "Fler workshoppar än planerat.")
            page.fill("#id_economy-e1", "En tjänst var vakant i fyra månader under 2021.")
        if step == "attachments":
            pdf = tmp_path / "bilaga.pdf"
            from tests.files import real_pdf

            pdf.write_bytes(real_pdf())
            page.set_input_files("#id_attachments-file", str(pdf))
        page.get_by_role("button", name=NEXT).click()
    page.wait_for_url(re.compile(r"/review/$"))
    assert_accessible(page, "sv review")
    page.screenshot(path=str(SHOTS / "sv-review.png"), full_page=True)
    review = page.locator("main").inner_text().replace("\u00a0", " ")
    for expected in ("106 400 kr", "4 800 kr", "15 200 kr", "Ärenden från skolan", "bilaga.pdf", "+20"):
        assert expected in review, expected
    page.check("#id_review-confirm")
    page.get_by_role("button", name="Skicka in slutrapporten").click()
    expect(page.get_by_text("Tack! Din slutrapport är inskickad till fondförvaltarna.")).to_be_visible()
    assert_accessible(page, "submitted")
    report = FinalReport.objects.get(pk=demo_report.pk)
    assert report.status == "submitted"
    assert {"label": "Ärenden från skolan", "values": ["14", "19", "23"]} in report.key_figures[0]["rows"]

    # The fund manager reviews every section and approves.
    manager_context = browser.new_context()
    manager = manager_context.new_page()
    admin_log_in(manager, live_url, "fondforvaltare")
    manager.goto(f"{live_url}/admin/final_reports/")
    manager.get_by_role("link", name=re.compile(re.escape(app.title))).first.click()
    body = manager.locator("main").inner_text().replace("\u00a0", " ")
    assert "106 400 kr" in body and "Fler workshoppar än planerat." in body
    assert "None" not in body  # no empty "decided" date while it waits for a decision
    assert_accessible(manager, "final report review in the admin")
    manager.screenshot(path=str(SHOTS / "admin-review.png"), full_page=True)
    manager.locator("input[name=decision][value=approve]").check()
    # Each browser finishes its page load before the test reads the database or closes the
    # browser context: Chromium has hung disposing a context in the middle of a navigation.
    with manager.expect_navigation():
        manager.locator("#decision ~ form button[type=submit], form button.button").last.click()
    expect(manager.locator(".messages .success")).to_be_visible()
    report.refresh_from_db()
    assert report.status == "approved" and report.knowledge_bank_page_id
    kb_page = ReportPage.objects.get(pk=report.knowledge_bank_page_id)
    assert not kb_page.live and kb_page.workflow_in_progress
    manager_context.close()

    # Not in the knowledge bank yet.
    resident_context = browser.new_context()
    resident = resident_context.new_page()
    inflected = "familjecoacher" if connection.vendor == "postgresql" else "familjecoach"
    resident.goto(f"{live_url}/sv/kunskapsbanken/?q={inflected}")
    assert app.title not in resident.locator("main").inner_text()

    # A communicator (moderator) approves the workflow task, which publishes the page.
    moderator_context = browser.new_context()
    moderator = moderator_context.new_page()
    admin_log_in(moderator, live_url, "moderator")
    moderator.goto(f"{live_url}/admin/pages/{kb_page.pk}/edit/")
    with moderator.expect_navigation():  # the approval posts the edit form and publishes
        moderator.locator("button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])") \
            .dispatch_event("click")
    expect(moderator.locator(".messages .success")).to_be_visible()
    kb_page.refresh_from_db()
    assert kb_page.live
    moderator_context.close()

    # A resident finds it (on PostgreSQL by an inflected form: "familjecoacher" ~ "familjecoachen").
    resident.goto(f"{live_url}/sv/kunskapsbanken/")
    resident.get_by_label("Sök bland rapporterna").fill(inflected)
    resident.get_by_role("button", name="Sök", exact=True).last.click()
    resident.wait_for_url(re.compile(r"[?&]q="))
    expect(resident.locator(".kb-title a", has_text=app.title).first).to_be_visible()
    resident.get_by_role("link", name=app.title, exact=True).first.click()
    expect(resident.locator("h1")).to_have_text(app.title)
    assert_accessible(resident, "published final report")
    resident_context.close()

    # The lead sees the decision and downloads the PDF.
    page.goto(base)
    expect(page.locator("strong.status-approved")).to_be_visible()
    assert_accessible(page, "approved")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner slutrapporten som PDF").click()
    reader = PdfReader(download.value.path())
    text = "".join(p.extract_text() for p in reader.pages).replace("\u00a0", " ")
    assert "106 400" in text and "Ärenden från skolan" in text and "Fler workshoppar än planerat." in text
    lead_context.close()
