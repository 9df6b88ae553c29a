"""Every page in sitemap.xml, in all three languages, through axe-core in Debian's Chromium, and
at a 320 px window without sideways scrolling (WCAG 1.4.10, issue 15)."""
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.layout import assert_no_overflow_at

pytestmark = pytest.mark.browser


def sitemap_paths(live_url):
    xml = urllib.request.urlopen(f"{live_url}/sitemap.xml").read().decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


EXTRA_PATHS = ["/sv/search/?q=stöd", "/ar/search/?q=دعم", "/en/search/?q=nothing-matches", "/sv/finns-inte/",
               "/ar/finns-inte/"]
PARTS = 4  # each language's pages in this many tests: none takes long, even on a busy machine


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("lang", ["sv", "en", "ar"])
def test_every_sitemap_page_passes_axe(live_url, page, assert_accessible, lang, part):
    """One test per language and quarter of its pages (about 16 pages each, not all 190 in one
    test that ran past the timeout on a loaded machine); each page also at 320 px, where nothing
    may make it scroll sideways (the widest element is named)."""
    paths = sitemap_paths(live_url)
    assert f"/{lang}/" in paths
    assert all(p.split("/")[1] in {"sv", "en", "ar"} for p in paths), "a sitemap page in no language part"
    mine = sorted(p for p in paths + EXTRA_PATHS if p.startswith(f"/{lang}/"))[part::PARTS]
    assert mine
    for path in mine:
        page.goto(live_url + path)
        assert_accessible(page, path)
        assert_no_overflow_at(page, 320, path)


def test_arabic_layout_is_right_to_left(live_url, page):
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(f"{live_url}/ar/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"], "in Arabic the brand sits on the right, the switcher on the left"
    page.goto(f"{live_url}/sv/")
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] < switcher["x"]


def test_skip_link_is_first_and_moves_focus_to_main(live_url, page):
    page.goto(f"{live_url}/sv/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Hoppa till huvudinnehåll"
    expect(page.locator(".skip-link")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_keeps_the_page(live_url, page):
    page.goto(f"{live_url}/sv/om-webbplatsen/tillganglighet/")
    page.get_by_role("link", name="العربية").click()
    assert page.url.endswith("/ar/about-the-site-ar/accessibility-ar/")
    assert page.locator("h1").inner_text() == "بيان إمكانية الوصول"
    assert page.locator("html").get_attribute("dir") == "rtl"
