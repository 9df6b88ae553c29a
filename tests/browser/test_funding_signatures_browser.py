"""The department head's signature in a browser (issue 13, item 2): the project lead's side in
Arabic (the waiting application, a new signatory typed wrong and then right), the head's sign
page in Arabic and Swedish, Enter without the confirmation, and the signature on the lead's page.
axe-core on every page, no sideways scrolling at 320 px; screenshots in /tmp/signature-shots."""
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.layout import assert_no_overflow_at

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/signature-shots")
PASSWORD = "Lotsa-test-losen-2026"
LINK = re.compile(r"https?://[^/\s]+(/\w\w/funding/sign/[\w-]+/)")


@pytest.fixture
def waiting(live_url, mailoutbox):
    """A lead (new each run: the live database outlives a test) with an application to LUM that
    waits for the head's signature, as the wizard leaves it."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from funding import workflow
    from funding.budget import Budget
    from funding.demo import DEMO_ANSWERS, DEMO_BUDGET, wizard_data
    from funding.models import Application, FundProgrammePage
    from funding.signatures import services

    email = f"lead.{uuid.uuid4().hex[:8]}@example.org"
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    answers = {**DEMO_ANSWERS, "applicant": {**DEMO_ANSWERS["applicant"], "head_name": "Alex Chef",
                                             "head_email": "alex.chef@example.org"}}
    budget = Budget.from_dict(DEMO_BUDGET)
    app = Application.objects.create(
        user=user, fund=FundProgrammePage.objects.get(slug="lokala-utvecklingsmedel"), language="sv",
        title=answers["project"]["title"], organisation=answers["applicant"]["organisation"],
        data={"wizard": wizard_data(answers, DEMO_BUDGET)}, budget=budget.to_dict(),
        requested_total=budget.requested_total, cost_total=budget.cost_total)
    workflow.transition(app, workflow.SIGNATURE, user, notify=False)
    services.submitted_by_lead(app, user)
    return app, email


def log_in(page, live_url, email, lang="ar"):
    page.goto(f"{live_url}/{lang}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def look(page, assert_accessible, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert_accessible(page, name)
    assert_no_overflow_at(page, 320, name)


def test_the_lead_in_arabic_and_the_head_signing_in_swedish(live_url, browser, waiting, mailoutbox,
                                                          assert_accessible):
    app, email = waiting
    lead = browser.new_context().new_page()
    log_in(lead, live_url, email)
    lead.goto(f"{live_url}/ar/funding/my/{app.pk}/")
    assert lead.evaluate("document.documentElement.dir") == "rtl"
    expect(lead.locator("#signature-title")).to_have_text("توقيع رئيس القسم")
    expect(lead.locator(".signature").get_by_text("بانتظار التوقيع")).to_be_visible()
    expect(lead.locator(".signature").get_by_text("alex.chef@example.org")).to_be_visible()
    look(lead, assert_accessible, "ar-lead-waiting")

    # a new signatory, the address typed wrong: a clear message and nothing lost; then right
    lead.get_by_role("link", name="ذكّر أو غيّر الموقّع").click()
    look(lead, assert_accessible, "ar-lead-manage")
    lead.fill("#id_name", "Robin Chef")
    lead.fill("#id_email", "robin.chef@")
    lead.get_by_role("button", name="أرسل الرابط إلى هذا الشخص").click()
    expect(lead.locator(".error-summary")).to_be_visible()
    assert lead.input_value("#id_name") == "Robin Chef"
    look(lead, assert_accessible, "ar-lead-manage-error")
    lead.fill("#id_email", "robin.chef@example.org")
    lead.locator("#id_email").press("Enter")  # Enter sends the form it is in
    expect(lead.get_by_text("أُرسل رابط التوقيع إلى")).to_be_visible()
    assert mailoutbox[-1].to == ["robin.chef@example.org"]
    old_link = LINK.search(mailoutbox[0].body).group(1)
    link = LINK.search(mailoutbox[-1].body).group(1)

    head = browser.new_context(accept_downloads=True).new_page()
    head.goto(live_url + old_link)
    expect(head.get_by_role("heading", name="Den här länken fungerar inte längre")).to_be_visible()
    # the head reads it in Arabic first (the language is the URL's), then signs in Swedish
    head.goto(live_url + link.replace("/sv/", "/ar/", 1))
    assert head.evaluate("document.documentElement.dir") == "rtl"
    look(head, assert_accessible, "ar-head-sign")
    head.goto(live_url + link)
    look(head, assert_accessible, "sv-head-sign")
    assert head.input_value("#id_name") == "Robin Chef"
    with head.expect_download() as download:
        head.get_by_role("link", name="Öppna ansökan som PDF").click()
    assert open(download.value.path(), "rb").read(4) == b"%PDF"
    head.fill("#id_place", "Vällingby")
    head.locator("#id_place").press("Enter")  # without the confirmation: an error, nothing lost
    expect(head.locator(".error-summary")).to_contain_text("Kryssa i rutan")
    assert head.input_value("#id_place") == "Vällingby"
    look(head, assert_accessible, "sv-head-sign-error")
    head.check("#id_confirm")
    head.get_by_role("button", name="Skriv under och skicka in till fonden").click()
    expect(head.get_by_role("heading", name="Tack! Ansökan är underskriven")).to_be_visible()
    look(head, assert_accessible, "sv-head-signed")
    app.refresh_from_db()
    assert app.status == "submitted"

    lead.goto(f"{live_url}/ar/funding/my/{app.pk}/")
    expect(lead.locator(".signature")).to_contain_text("Robin Chef")
    expect(lead.locator(".signature")).to_contain_text("robin.chef@example.org")
    look(lead, assert_accessible, "ar-lead-signed")
