"""A resident walks the finder and the three questions in Swedish and Arabic in Chromium,
with axe-core on every state of the new pages; the quick-exit button by keyboard."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def result_count(page):
    return int(re.search(r"\d+", page.locator("#result-count").inner_text()).group(0))


def test_walk_the_finder_in_swedish(live_url, page, assert_accessible):
    page.goto(f"{live_url}/sv/hitta-stod/")
    assert_accessible(page, "finder sv")
    everything = result_count(page)
    page.get_by_label("Vad det gäller").select_option("foraldraskap")
    page.get_by_label("Område").select_option("norrby")
    page.get_by_role("button", name="Visa insatser").click()
    assert "topic=foraldraskap" in page.url and "area=norrby" in page.url
    assert 0 < result_count(page) < everything
    expect(page.get_by_role("heading", name="Norrby", level=3)).to_be_visible()
    expect(page.get_by_role("link", name="Familjecentralen Norrby").first).to_be_visible()
    assert_accessible(page, "finder sv filtered")
    # a shared link opens the same result
    shared = page.url
    page.goto(shared)
    assert page.get_by_label("Område").input_value() == "norrby"
    page.get_by_label("Sökord").fill("finnsintenågonstans")
    page.get_by_role("button", name="Visa insatser").click()
    assert result_count(page) == 0
    expect(page.get_by_text("Ingen insats matchar alla dina val.")).to_be_visible()
    assert_accessible(page, "finder sv empty")
    page.get_by_role("link", name="Rensa alla filter").click()
    assert result_count(page) == everything


def test_walk_the_finder_in_arabic(live_url, page, assert_accessible):
    page.goto(f"{live_url}/ar/find-support-ar/?who=bogus")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_role("status").first).to_be_visible()  # the cleared filter is explained
    page.locator("#f-who").select_option("parents")
    page.locator("#f-lang").select_option("ar")
    page.get_by_role("button", name="اعرض الخدمات").click()
    assert "who=parents" in page.url and "lang=ar" in page.url
    expect(page.get_by_role("link", name="استشارات للآباء والأمهات").first).to_be_visible()
    assert_accessible(page, "finder ar")


def test_guided_path_in_swedish(live_url, page, assert_accessible):
    page.goto(f"{live_url}/sv/hitta-stod/guide/")
    assert_accessible(page, "guide step 1")
    page.get_by_role("button", name="Nästa").click()  # no answer: an error summary
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "guide error")
    page.get_by_label("Jag som förälder").check()
    page.get_by_role("button", name="Nästa").click()
    expect(page.get_by_text("Fråga 2 av 3")).to_be_visible()
    page.get_by_label("Föräldraskap").check()
    page.get_by_role("button", name="Nästa").click()
    assert_accessible(page, "guide step 3")
    page.get_by_label("Nej, det är inte akut").check()
    page.get_by_role("button", name="Nästa").click()
    expect(page.get_by_role("heading", name="Stöd som kan passa", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Föräldrarådgivning").first).to_be_visible()
    expect(page.get_by_role("heading", name="Prata med Råd- och stöd")).to_be_visible()
    assert page.locator(".urgent-first").count() == 0
    assert_accessible(page, "guide result sv")


def test_guided_path_in_arabic_urgent(live_url, page, assert_accessible):
    page.goto(f"{live_url}/ar/find-support-ar/guide/")
    page.get_by_label("شخص بالغ (19–65 سنة)").check()
    page.get_by_role("button", name="التالي").click()
    page.get_by_label("العنف في العلاقات القريبة").check()
    page.get_by_role("button", name="التالي").click()
    page.get_by_label("نعم، الأمر طارئ أو شخص ما في خطر").check()
    page.get_by_role("button", name="التالي").click()
    emergency = page.locator(".urgent-first")
    heading = page.locator("main h1")
    expect(emergency).to_be_visible()
    assert emergency.bounding_box()["y"] < heading.bounding_box()["y"], "emergency numbers come first"
    expect(emergency.get_by_role("link", name="112")).to_be_visible()
    expect(page.get_by_role("link", name="محادثات دعم حول العنف في العلاقات القريبة").first).to_be_visible()
    assert_accessible(page, "guide result ar urgent")


@pytest.mark.parametrize("path", [
    "/sv/insatser/stodsamtal-vid-vald/", "/en/services/support-talks-violence/",
    "/ar/services-ar/support-talks-violence-ar/easy-read/", "/ar/services-ar/places/familjehuset/",
])
def test_new_pages_pass_axe(live_url, page, assert_accessible, path):
    page.goto(live_url + path)
    assert_accessible(page, path)


def test_quick_exit_by_keyboard_replaces_the_page_in_history(live_url, page):
    page.route("https://www.smhi.se/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Väder</title><p>Väder</p>"))
    page.goto(f"{live_url}/sv/")
    page.goto(f"{live_url}/sv/insatser/stodsamtal-vid-vald/")
    page.locator("#quick-exit").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("https://www.smhi.se/**")
    page.go_back()
    assert page.url == f"{live_url}/sv/", "Back skips the sensitive page"


def test_quick_exit_is_the_first_stop_after_the_skip_link(live_url, page):
    """It was reached after 17 Tab presses, behind the whole menu."""
    for path in ("/sv/insatser/stodsamtal-vid-vald/", "/sv/insatser/kvinnojouren/"):
        page.goto(live_url + path)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "quick-exit", path


def test_quick_exit_with_escape_twice(live_url, page):
    page.route("https://www.smhi.se/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Väder</title><p>Väder</p>"))
    page.goto(f"{live_url}/sv/")
    page.goto(f"{live_url}/sv/insatser/kvinnojouren/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.smhi.se/**")
    page.go_back()
    assert page.url == f"{live_url}/sv/"


@pytest.mark.parametrize("sensitive", ["/sv/hitta-stod/?topic=vald", "/sv/hitta-stod/guide/?who=19-65&about=vald"])
def test_a_sensitive_topic_is_not_left_in_the_back_history(live_url, page, sensitive):
    """Issue 15, item 14: after the quick exit, Back returned to /sv/hitta-stod/?topic=vald with
    the violence results on screen."""
    page.route("https://www.smhi.se/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Väder</title><p>Väder</p>"))
    page.goto(f"{live_url}/sv/")
    page.goto(live_url + sensitive)
    neutral = live_url + sensitive.split("?")[0]
    page.wait_for_url(neutral)  # the topic is gone from the address at once
    page.locator("#quick-exit").click()  # the finder offers the quick exit itself
    page.wait_for_url("https://www.smhi.se/**")
    page.go_back()
    assert page.url == f"{live_url}/sv/"

    page.goto(live_url + sensitive)
    page.goto(f"{live_url}/sv/insatser/stodsamtal-vid-vald/")
    page.locator("#quick-exit").click()
    page.wait_for_url("https://www.smhi.se/**")
    page.go_back()
    page.wait_for_url(neutral)
    expect(page.locator("main")).to_be_visible()
    assert "vald" not in page.url
    assert page.locator("#f-topic").count() == 0 or page.locator("#f-topic").input_value() == ""
    assert page.locator("input[name=about][value=vald]").count() == 0  # the guide is back at its start
