"""Issue 15, items 7 and 9, as a reader on a phone sees them: numbers drawn in their order inside
Arabic text (measured per character), and no sideways scrolling at 320 px on any wizard step.
Forms are filled generically (by input type), so a change of the demo fields does not break them."""
import datetime
import re

import pytest
from django.core.cache import cache
from django.utils.timezone import localtime

from tests.browser.layout import assert_drawn_left_to_right, assert_no_overflow

pytestmark = pytest.mark.browser

PHONE = "070-111 22 33"
CONTACT = {"sv": "/sv/kontakta-rad-och-stod/", "ar": "/ar/contact-advice-and-support-ar/"}
SCHOOL = {"sv": "/sv/for-skolor/boka-mote/", "ar": "/ar/for-schools-ar/request-a-meeting-ar/"}


@pytest.fixture(autouse=True)
def _no_rate_limit():
    cache.clear()


def fill_step(page):
    """Answer every field of the step shown: the first choice, PHONE for a phone number."""
    main = page.locator("main form").first
    for radio in main.locator("input[type=radio]").all():
        name = radio.get_attribute("name")
        if radio.is_visible() and not main.locator(f"input[name='{name}']:checked").count():
            radio.check()
    for box in main.locator("input[type=checkbox]").all():
        if box.is_visible():
            box.check()
    for select in main.locator("select").all():
        if select.is_visible():
            select.select_option(index=len(select.locator("option").all()) - 1)
    for field in main.locator("input[type=tel]").all():
        field.fill(PHONE)
    for field in main.locator("input[type=email]").all():
        field.fill("amina@example.se")
    for field in main.locator("input[type=date]").all():
        field.fill((datetime.date.today() + datetime.timedelta(days=7)).isoformat())
    for field in main.locator("input[type=text]:visible, textarea:visible").all():
        if not field.input_value():
            field.fill("أمينة")


def walk_form(page, url, width=None, check=None):
    """From step 1 to the check-answers page; `check(page, where)` on every step and on it."""
    page.goto(url)
    for step in range(1, 8):
        if check:
            check(page, f"{url} step {step}")
        fill_step(page)
        page.locator("main form button[type=submit]:not([formnovalidate])").first.click()
        page.wait_for_load_state()
        if "/check/" in page.url:
            if check:
                check(page, f"{url} check answers")
            return
    raise AssertionError(f"{url}: no check-answers page after 7 steps ({page.url})")


def log_in(page, live_url, who):
    page.goto(f"{live_url}/sv/accounts/login/")
    page.fill("#id_login", f"{who}@lotsa.example")
    page.fill("#id_password", f"lotsa-{who}-demo")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/funding/my/|/$"))


@pytest.fixture
def draft_application(live_url):
    """A draft copy of the demo lead's application (budget and answers filled in), removed after."""
    from funding.models import Application

    demo = Application.objects.get(user__username="projektledare")
    draft = Application.objects.create(
        user=demo.user, fund=demo.fund, round=demo.round, language="ar", status="draft", title=demo.title,
        organisation=demo.organisation, data=demo.data, budget=demo.budget, requested_total=demo.requested_total,
        cost_total=demo.cost_total, project_start=demo.project_start, project_end=demo.project_end)
    yield draft
    draft.delete()


def test_arabic_phone_reference_date_and_amount_are_drawn_in_order(live_url, browser, draft_application):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    # The resident's own number on the check-answers page.
    walk_form(page, live_url + CONTACT["ar"])
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert_drawn_left_to_right(page, "main", PHONE)
    # The project lead's reference and the day it was submitted, and an amount in the budget hint.
    log_in(page, live_url, "projektledare2")
    from funding.models import Application

    approved = Application.objects.get(user__username="projektledare2")
    page.goto(f"{live_url}/ar/funding/my/{approved.pk}/")
    assert_drawn_left_to_right(page, "main dl", approved.reference)
    assert_drawn_left_to_right(page, "main dl", localtime(approved.submitted_at).strftime("%Y-%m-%d %H:%M"))
    assert_drawn_left_to_right(page, "main", f"{approved.project_start:%Y-%m-%d} – {approved.project_end:%Y-%m-%d}")
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    log_in(page, live_url, "projektledare")
    page.goto(f"{live_url}/ar/funding/apply/{draft_application.pk}/budget/")
    assert_drawn_left_to_right(page, "main form", "1 450 000")
    context.close()


@pytest.mark.parametrize("lang", ["sv", "ar"])
def test_no_wizard_step_scrolls_sideways_at_320_px(live_url, browser, draft_application, lang):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    walk_form(page, live_url + CONTACT[lang], check=assert_no_overflow)
    walk_form(page, live_url + SCHOOL[lang], check=assert_no_overflow)
    page.goto(f"{live_url}/{lang}/boka/")
    assert_no_overflow(page, "booking start")
    page.locator(".booking-choice h2 a").first.click()
    assert_no_overflow(page, "booking")
    page.locator("main form button[type=submit]").first.click()  # nothing chosen: the error state
    assert_no_overflow(page, "booking with errors")

    from funding.forms import STEPS
    from reports.models import FinalReport

    log_in(page, live_url, "projektledare")
    for name, _form, _title in STEPS:
        page.goto(f"{live_url}/{lang}/funding/apply/{draft_application.pk}/{name}/")
        if f"/{name}/" in page.url:  # a step the fund leaves out redirects
            assert_no_overflow(page, f"funding wizard {name}")
    page.goto(f"{live_url}/{lang}/funding/my/{draft_application.pk}/")
    assert_no_overflow(page, "application page")
    context.close()

    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    log_in(page, live_url, "projektledare2")
    report = FinalReport.objects.get(application__user__username="projektledare2")
    for step in ["summary", "done", "goals", "effects", "figures", "economy", "benefit", "lessons", "attachments",
                 "review"]:
        page.goto(f"{live_url}/{lang}/funding/my/{report.application_id}/final-report/{step}/")
        assert_no_overflow(page, f"final report {step}")
    context.close()


def test_arabic_booking_phone_example_reads_in_its_own_order(live_url, browser):
    """The example in the phone error ("مثل 070-123 45 67") keeps its order, per character."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{live_url}/ar/boka/")
    page.locator(".booking-choice h2 a").first.click()
    page.locator("input[name=slot]").first.check()
    page.locator("#id_first_name").fill("نور")
    page.locator("#id_phone").fill("رقمي")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("#id_phone-error").is_visible()
    assert_drawn_left_to_right(page, "#id_phone-error", "070-123 45 67")
    assert_no_overflow(page)
    context.close()


def test_arabic_round_periods_are_not_broken_at_a_hyphen(live_url, browser):
    """At 390 px the fund page's "2026-05-17 – 2026-08-05" wrapped after "2026-08-": each date
    (any isolated number) is kept on one line."""
    from funding.models import FundProgrammePage

    fund = next(f for f in FundProgrammePage.objects.live().filter(locale__language_code="ar") if f.rounds.exists())
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(live_url + fund.url)
    lines = page.evaluate("""() => [...document.querySelectorAll('main li bdi[dir=ltr]')].map(
        el => new Set([...el.getClientRects()].map(r => Math.round(r.y))).size)""")
    assert lines and all(n == 1 for n in lines), lines
    context.close()
