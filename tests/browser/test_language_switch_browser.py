"""Switching language keeps the visitor's place: mid-way through the contact form (the step, the
answers of step 1 and what is typed on step 2), in the finder with filters, in the knowledge bank
with a search and a filter, and in the guide between its questions.

The contact form's steps are filled in generically (the first choice of every group, a word in
every text field), so the test does not depend on the demo form's exact fields."""
import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CONTACT_SV = "/sv/kontakta-rad-och-stod/"


@pytest.fixture(autouse=True)
def _no_rate_limit():
    cache.clear()


def switch_to(page, name):
    page.locator(".language-switcher").get_by_role("link", name=name, exact=True).click()


def fill_step_generically(page):
    """Answer every field of the visible step form: the first option of each radio group and of
    each checkbox group, every single box, a valid value in every text-like field."""
    form = page.locator("form.step-form")
    chosen = {}
    for radio in form.locator("input[type=radio]").all():
        name = radio.get_attribute("name")
        if name not in chosen:
            radio.check()
            chosen[name] = radio.get_attribute("id")
    seen = set()
    for box in form.locator("input[type=checkbox]").all():
        name = box.get_attribute("name")
        if name not in seen:
            box.check()
            seen.add(name)
            chosen[name] = box.get_attribute("id")
    values = {"tel": "070-123 45 67", "email": "amira@example.com", "text": "Amira", "number": "1"}
    for field in form.locator("input[type=tel], input[type=email], input[type=text], input[type=number]").all():
        if field.is_visible():
            field.fill(values[field.get_attribute("type")])
    for area in form.locator("textarea").all():
        area.fill("Jag behöver hjälp")
    for select in form.locator("select").all():
        select.select_option(index=1)
    return chosen


def next_step(page):
    page.locator("form.step-form .form-actions button[type=submit]").first.click()


def test_switch_in_the_middle_of_the_contact_form_keeps_step_and_answers(live_url, page):
    page.goto(live_url + CONTACT_SV)
    chosen = fill_step_generically(page)
    next_step(page)
    expect(page).to_have_url(re.compile(r"/step/2/$"))
    # Type on step 2 without sending it: the first visible text field.
    typed = page.locator("form.step-form").locator("input[type=text], textarea").first
    typed_id = typed.get_attribute("id")
    typed.fill("Amira Typed")
    switch_to(page, "العربية")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page).to_have_url(re.compile(r"^.*/ar/[^?]*/step/2/$"))
    expect(page.locator("#progress")).to_contain_text("2")
    expect(page.locator(f"#{typed_id}")).to_have_value("Amira Typed")
    # Step 1 in Arabic still has the Swedish answers chosen (the same options, in Arabic).
    page.locator(".form-actions a.button-secondary").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    for element_id in chosen.values():
        expect(page.locator(f"#{element_id}")).to_be_checked()
    # And going on in Arabic keeps the text typed on step 2.
    next_step(page)
    expect(page.locator(f"#{typed_id}")).to_have_value("Amira Typed")


def test_switch_in_the_finder_keeps_the_filters(live_url, page):
    page.goto(live_url + "/sv/hitta-stod/")
    page.locator("#f-topic").select_option("ekonomi")
    page.locator("#f-who").select_option("19-65")
    page.locator(".finder-actions button").click()
    expect(page).to_have_url(re.compile(r"topic=ekonomi"))
    switch_to(page, "العربية")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("#f-topic")).to_have_value("ekonomi")
    expect(page.locator("#f-who")).to_have_value("19-65")


def test_switch_in_the_knowledge_bank_keeps_search_and_filter(live_url, page):
    page.goto(live_url + "/sv/kunskapsbanken/")
    page.locator("#kb-q").fill("2019")
    page.locator(".kb-query button").click()
    expect(page).to_have_url(re.compile(r"q=2019"))
    box = page.locator("input[name=type]").first
    value = box.get_attribute("value")
    box.check()
    page.locator(".kb-facets button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"type={value}"))
    switch_to(page, "English")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#kb-q")).to_have_value("2019")
    expect(page).to_have_url(re.compile(rf"/en/.*type={value}"))
    expect(page.locator(f"input[name=type][value='{value}']")).to_be_checked()


def test_switch_in_the_guide_keeps_the_answers_so_far(live_url, page):
    page.goto(live_url + "/sv/hitta-stod/guide/")
    page.locator("input[name=who]").first.check()
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("input[type=radio][name=about]").first).to_be_visible()
    who = page.locator("input[type=hidden][name=who]").get_attribute("value")
    switch_to(page, "العربية")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page).to_have_url(re.compile(r"/ar/[^?]*/guide/\?"))
    # The same question (the second), with the first answer kept.
    expect(page.locator("input[type=radio][name=about]").first).to_be_visible()
    expect(page.locator("input[type=hidden][name=who]")).to_have_value(who)
