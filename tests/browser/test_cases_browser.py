"""The case log in the admin, as a coordinator and a manager see it (issue 12): axe-core finds
nothing on the statistics page, the case list and form, the key figures and the calculation's
inputs, in a Swedish and an Arabic admin; in Arabic the charts are drawn from the right. A
coordinator registers a phone case with the keyboard alone, in under a minute, and reads it back
in the statistics. Screenshots go to $LOTSA_SHOTS when it is set (they were looked at)."""
import os
import re
import time
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.layout import assert_drawn_left_to_right

pytestmark = pytest.mark.browser

DEMO = "?from=2022-08-01&to=2023-08-24"


def admin_language(username, language):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()


def log_in(page, live_url, username):
    page.goto(f"{live_url}/admin/login/?next=/admin/")  # the site's login page
    page.fill("#id_login", f"{username}@lotsa.example")
    page.fill("#id_password", f"lotsa-{username}-demo")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"^[^?]*/admin/$"), wait_until="domcontentloaded")


def shot(page, name):
    folder = os.environ.get("LOTSA_SHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def screens():
    from forms.cases.models import BenefitInputs, Case, ProblemCategory, SchoolConcernMonth

    return [
        ("statistics", "/admin/case-statistics/" + DEMO),
        ("cases", "/admin/cases/"),
        ("case-new", "/admin/cases/new/"),
        ("case-edit", f"/admin/cases/edit/{Case.objects.filter(closed_on__isnull=False).first().pk}/"),
        ("concerns", "/admin/cases-key-figures/"),
        ("concern-new", "/admin/cases-key-figures/new/"),
        ("concern-edit", f"/admin/cases-key-figures/edit/{SchoolConcernMonth.objects.first().pk}/"),
        ("benefit", "/admin/cases-benefit/"),
        ("benefit-new", "/admin/cases-benefit/new/"),
        ("benefit-edit", f"/admin/cases-benefit/edit/{BenefitInputs.objects.first().pk}/"),
        ("categories", "/admin/snippets/cases/problemcategory/"),
        # the Swedish original (a translation opens wagtail-localize's editor, not this app's screen)
        ("category-edit", "/admin/snippets/cases/problemcategory/edit/"
                          f"{ProblemCategory.objects.filter(locale__language_code='sv').first().pk}/"),
    ]


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_case_log_screens_are_accessible(live_url, browser, assert_accessible, language):
    admin_language("samordnare", language)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        log_in(page, live_url, "samordnare")
        for name, url in screens():
            response = page.goto(live_url + url)
            assert response.status == 200, url
            expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
            shot(page, f"{name}-{language}")
            if name == "case-new" and language == "ar":
                assert_drawn_left_to_right(page, "#id_age_group", "0–12")  # the age group's radio label
                assert_drawn_left_to_right(page, "#id_age_group", "13–18")
            if name == "case-new":  # the radio labels keep their spaces ("13–18 år", not "13–18år")
                label = page.locator("label[for=id_age_group_1]").inner_text().strip()
                assert re.fullmatch(r"13–18 \S.*", label), label
            if name == "concerns":  # the row total's column speaks the admin's language too
                from django.utils import translation

                with translation.override(language):
                    expect(page.locator("thead").first).to_contain_text(translation.gettext("Total"))
            if name == "benefit-edit":
                assert_drawn_left_to_right(page, "h1", "2023-01-01 – 2023-06-30")  # the period, in order
            if name == "statistics":
                assert_drawn_left_to_right(page, "[data-testid=calculation]", "4 800")
            assert_accessible(page, f"{url} ({language})")
    finally:
        context.close()
        admin_language("samordnare", "sv")


def test_arabic_charts_are_drawn_from_the_right(live_url, browser):
    """The Managers' read-only view in Arabic: each bar ends at the chart's right edge, its label
    is right-aligned above it, and "0–12" inside an Arabic label reads 0, then 12."""
    admin_language("chef", "ar")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        log_in(page, live_url, "chef")
        page.goto(f"{live_url}/admin/case-statistics/{DEMO}")
        chart = page.locator("svg[aria-labelledby='age_group-t age_group-d']")
        box = chart.bounding_box()
        bars = chart.locator("rect").all()
        assert len(bars) >= 2
        for bar in bars:
            b = bar.bounding_box()
            assert abs((b["x"] + b["width"]) - (box["x"] + box["width"])) < 2, (b, box)
        label = chart.locator("text").first.bounding_box()
        assert abs(label["x"] + label["width"] - (box["x"] + box["width"])) < 2
        # the digits of the first label (0–12) are drawn left to right, 0 before 12
        positions = page.evaluate("""(svg) => {
            const t = svg.querySelector('text'); const out = [];
            for (let i = 0; i < t.getNumberOfChars(); i++) {
              const c = t.textContent[i]; if (/[0-9]/.test(c)) out.push([c, t.getStartPositionOfChar(i).x]); }
            return out; }""", chart.element_handle())
        drawn = "".join(c for c, _x in sorted(positions, key=lambda p: p[1]))
        assert drawn == "012", positions
        shot(page, "statistics-chart-ar")
    finally:
        context.close()
        admin_language("chef", "sv")


def test_a_coordinator_registers_a_phone_case_by_keyboard_and_reads_it_back(live_url, browser):
    from forms.cases.models import Case

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    before = set(Case.objects.values_list("pk", flat=True))
    try:
        log_in(page, live_url, "samordnare")
        page.goto(f"{live_url}/admin/case-statistics/{DEMO}")
        phone_before = int(page.locator("[data-key='channel-phone']").inner_text())
        total_before = int(page.locator("dd[data-key='total']").inner_text())

        started = time.monotonic()
        page.goto(f"{live_url}/admin/cases/new/")
        keys = 0

        def press(*sequence):
            nonlocal keys
            for key in sequence:
                page.keyboard.press(key)
                keys += 1

        def type_(text):
            nonlocal keys
            page.keyboard.type(text)
            keys += len(text)

        def type_date(name):
            """2023-08-24 typed into the browser's own date field, in the order it shows its parts:
            this test's Chromium runs in en-US (month, day, year; each part moves on by itself)."""
            type_("08242023")
            assert page.input_value(f"input[name={name}]") == "2023-08-24"

        # the channel's first radio (Phone) is preselected: focus it as Tab from the page would
        page.locator("input[name=channel]:checked").focus()
        assert page.evaluate("document.activeElement.value") == "phone"
        press("Tab")  # the drop-in place (only for drop-in): skipped over
        while page.evaluate("document.activeElement.name") != "opened_on":
            press("Tab")
        type_date("opened_on")
        while page.evaluate("document.activeElement.name") != "closed_on":
            press("Tab")
        type_date("closed_on")  # closed the same day
        while page.evaluate("document.activeElement.name") != "age_group":
            press("Tab")
        press("Space", "ArrowDown")  # the first age group, then the second: 13–18
        press("Tab")
        assert page.evaluate("document.activeElement.name") == "category"
        type_("Ek")  # "Ekonomi" in the select, by typing its first letters
        while page.evaluate("document.activeElement.name") != "outcome":
            press("Tab")
        press("Space")  # advice only
        while page.evaluate("document.activeElement.name") != "contacts":
            press("Tab")
        press("Space")
        press("Tab")
        assert page.evaluate("document.activeElement.name") == "time_spent"
        press("Space")
        with page.expect_navigation():
            press("Enter")  # Enter means "save"
        elapsed = time.monotonic() - started
        errors = page.locator(".error-message, .help-critical, .messages").all_inner_texts()
        assert "/admin/cases/" in page.url and "/new/" not in page.url, errors
        expect(page.locator(".messages")).to_contain_text("Telefon")
        case = Case.objects.exclude(pk__in=before).get()
        assert (case.channel, case.opened_on, case.closed_on, case.age_group, case.outcome) == (
            "phone", date(2023, 8, 24), date(2023, 8, 24), "13-18", "advice")
        assert case.category.name == "Ekonomi" and (case.contacts, case.time_spent) == ("1-2", "lt1h")
        assert elapsed < 60 and keys < 60, (elapsed, keys)

        page.goto(f"{live_url}/admin/case-statistics/{DEMO}")
        assert int(page.locator("[data-key='channel-phone']").inner_text()) == phone_before + 1
        assert int(page.locator("dd[data-key='total']").inner_text()) == total_before + 1
    finally:
        Case.objects.exclude(pk__in=before).delete()  # the demo's figures stay the source's
        context.close()
