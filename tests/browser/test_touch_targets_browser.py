"""Touch targets on a 390 px phone (WCAG 2.2 2.5.8): the language links, the breadcrumbs and every
radio button and check box are at least 24 × 24 CSS pixels (they were 20, 18 and 20 px high)."""
import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MIN = 24

# Pages with radios: the contact form's first step, the guide, the booking page's times.
CHOICE_PAGES = ["/sv/kontakta-rad-och-stod/", "/ar/contact-advice-and-support-ar/", "/sv/hitta-stod/guide/",
                "/sv/boka/1/"]


def boxes(page, selector):
    """[(description, width, height)] of the visible elements matching `selector`."""
    return page.eval_on_selector_all(selector, """els => els.filter(e => e.offsetParent !== null).map(e => {
        const r = e.getBoundingClientRect();
        return [e.outerHTML.slice(0, 80), r.width, r.height];
    })""")


def too_small(found):
    return [(html, round(w, 1), round(h, 1)) for html, w, h in found if w < MIN or h < MIN]


@pytest.mark.parametrize("path", ["/sv/om-webbplatsen/tillganglighet/", "/ar/about-the-site-ar/accessibility-ar/"])
def test_language_links_and_breadcrumbs_are_24_px(live_url, page, path):
    page.set_viewport_size(PHONE)
    page.goto(live_url + path)
    languages = boxes(page, ".language-switcher a")
    crumbs = boxes(page, ".breadcrumbs a")
    assert len(languages) >= 2 and crumbs, "the page has a language switcher and breadcrumbs"
    assert too_small(languages) == []
    assert too_small(crumbs) == []


def test_radios_and_check_boxes_are_24_px(live_url, page):
    page.set_viewport_size(PHONE)
    measured = 0
    for path in CHOICE_PAGES:
        page.goto(live_url + path)
        found = boxes(page, 'input[type="radio"], input[type="checkbox"]')
        measured += len(found)
        assert too_small(found) == [], path
    assert measured > 10, "the pages have radios to measure"
