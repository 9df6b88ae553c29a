"""Knowledge bank in a real browser: axe-core on the index, a report and search results in
Swedish and Arabic; a resident searches and filters without JavaScript."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = [
    "/sv/kunskapsbanken/",
    "/sv/kunskapsbanken/effekthemtagning-rad-och-stod/",
    "/sv/kunskapsbanken/?q=utredning&sort=newest",
    "/sv/kunskapsbanken/?q=inget-som-finns",
    "/sv/kunskapsbanken/?topic=school&year=2019",
    "/ar/knowledge-bank-ar/",
    "/ar/knowledge-bank-ar/benefit-realisation-ar/",
    "/ar/knowledge-bank-ar/?q=%D8%A7%D9%84%D8%A3%D8%B7%D9%81%D8%A7%D9%84",
    "/en/knowledge-bank/annual-accounts-2024/",
]


def test_knowledge_bank_pages_pass_axe(live_url, page, assert_accessible):
    for path in PAGES:
        page.goto(live_url + path)
        assert_accessible(page, path)


def test_resident_searches_and_filters_without_javascript(live_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_url}/sv/kunskapsbanken/")
    page.get_by_label("Sök bland rapporterna").fill("samverkan")
    page.get_by_role("button", name="Sök", exact=True).last.click()
    page.wait_for_url(re.compile(r"q=samverkan"))  # the list below is the new page's, not the old one's
    expect(page.locator(".kb-title a", has_text="Modell för tidigt socialt stöd: delrapport 2019")).to_be_visible()
    page.get_by_label("Delrapport (1)").check()
    page.get_by_role("button", name="Visa rapporter").click()
    expect(page.locator(".kb-title a")).to_have_text(["Modell för tidigt socialt stöd: delrapport 2019"])
    page.locator(".kb-title a").first.click()
    expect(page.locator("h1")).to_have_text("Modell för tidigt socialt stöd: delrapport 2019")
    expect(page.locator("table caption").first).to_have_text("Nivåindelning")
    context.close()


def test_chart_has_a_text_alternative_and_the_numbers_in_a_table(live_url, page):
    page.goto(f"{live_url}/ar/knowledge-bank-ar/annual-accounts-2024-ar/")
    chart = page.get_by_role("img").first
    assert "الخدمات دون تقييم فردي مسبق للاحتياجات" in chart.get_attribute("aria-label")
    table = page.locator("table").first
    assert "4207" in table.inner_text().replace("\xa0", "").replace(" ", "").replace(".", "").replace(",", "")
