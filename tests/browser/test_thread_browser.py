"""The message thread in a browser (issue 13 item 3): the demo lead asks a question with a PDF in
Swedish and again in Arabic (right to left), a fund manager reads both in the admin and answers,
and the lead sees the answer marked new. axe-core checks the lead's page in both languages."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.files import real_pdf

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/thread-shots")
LEAD_EMAIL, LEAD_PASSWORD = "projektledare@lotsa.example", "lotsa-projektledare-demo"


@pytest.fixture
def demo_app(live_url):
    """The demo lead's application; the messages written here are removed afterwards (the live
    server's database is shared by the whole session)."""
    from funding.models import Application
    from funding.threads.models import Message, ReadMark

    app = Application.objects.get(user__username="projektledare")
    before = list(Message.objects.values_list("pk", flat=True))
    marks = {m.pk: m.last_read for m in ReadMark.objects.filter(application=app)}
    yield app
    for message in Message.objects.exclude(pk__in=before):
        if message.file:
            message.file.delete(save=False)
        message.delete()
    ReadMark.objects.filter(application=app).exclude(pk__in=marks).delete()
    for pk, last in marks.items():
        ReadMark.objects.filter(pk=pk).update(last_read=last)


def log_in(page, live_url, email, password):
    page.goto(f"{live_url}/sv/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_a_question_and_an_answer_in_swedish_and_arabic(live_url, browser, demo_app, assert_accessible, tmp_path):
    SHOTS.mkdir(exist_ok=True)
    attachment = tmp_path / "Fragor.pdf"
    attachment.write_bytes(real_pdf())
    lead = browser.new_context().new_page()
    log_in(lead, live_url, LEAD_EMAIL, LEAD_PASSWORD)

    lead.goto(f"{live_url}/sv/funding/my/{demo_app.pk}/")
    lead.get_by_role("link", name="Läs alla 2 meddelanden och svara").click()
    expect(lead.locator("h1")).to_have_text("Meddelanden")
    expect(lead.locator("ol.thread > li")).to_have_count(2)
    lead.get_by_role("button", name="Skicka meddelandet").click()  # nothing written: an error, not a message
    expect(lead.locator(".error-summary")).to_contain_text("Skriv ditt meddelande.")
    lead.fill("#id_body", "Får vi börja i mars i stället för januari?")
    lead.set_input_files("#id_file", str(attachment))
    lead.get_by_role("button", name="Skicka meddelandet").click()
    expect(lead.locator(".messages, [role=status], main").first).to_contain_text(
        "Ditt meddelande har skickats till fondförvaltarna.")
    expect(lead.locator("ol.thread > li").last).to_contain_text("Får vi börja i mars")
    expect(lead.locator("ol.thread > li").last.get_by_role("link", name="Fragor.pdf")).to_be_visible()
    assert_accessible(lead, "thread sv")
    lead.screenshot(path=str(SHOTS / "lead-sv.png"), full_page=True)

    lead.goto(f"{live_url}/ar/funding/my/{demo_app.pk}/messages/")
    assert lead.locator("html").get_attribute("dir") == "rtl"
    lead.fill("#id_body", "هل يمكننا البدء في شهر مارس؟")
    lead.get_by_role("button", name="أرسل الرسالة").click()
    expect(lead.locator("ol.thread > li").last).to_contain_text("هل يمكننا البدء")
    assert_accessible(lead, "thread ar")
    lead.screenshot(path=str(SHOTS / "lead-ar.png"), full_page=True)
    lead.goto(f"{live_url}/ar/funding/my/{demo_app.pk}/")  # the application page shows the newest message
    expect(lead.locator(".thread-summary")).to_contain_text("هل يمكننا البدء")
    lead.screenshot(path=str(SHOTS / "detail-ar.png"), full_page=True)

    # The fund manager sees both questions as new on the application and answers.
    manager = browser.new_context().new_page()
    log_in(manager, live_url, "fondforvaltare@lotsa.example", "lotsa-fondforvaltare-demo")
    manager.goto(f"{live_url}/admin/funding_applications/inspect/{demo_app.pk}/#messages")
    section = manager.locator("table.thread-listing")
    expect(section).to_contain_text("Får vi börja i mars")
    expect(section).to_contain_text("هل يمكننا البدء")
    expect(manager.locator("#messages")).to_contain_text("3")  # the demo's answer and the two questions
    manager.fill("#id_body", "Ja, mars går bra. Ändra startdatum när ni kompletterar.")
    manager.get_by_role("button", name="Skicka till projektledaren").click()
    expect(manager.locator("table.thread-listing")).to_contain_text("Ja, mars går bra.")
    manager.locator("#messages").scroll_into_view_if_needed()
    manager.screenshot(path=str(SHOTS / "admin-sv.png"), full_page=True)

    lead.goto(f"{live_url}/sv/funding/my/")
    expect(lead.locator("main table")).to_contain_text("1 nytt meddelande")
    lead.get_by_role("link", name="1 nytt meddelande").click()
    newest = lead.locator("ol.thread > li").last
    expect(newest).to_contain_text("Ja, mars går bra.")
    expect(newest).to_contain_text("Nytt")
