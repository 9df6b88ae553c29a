"""Findable from every page (issue 15, items 1-3 and 19): the contact form in every language's
menu, 'write to us' and 'book a time' on the services Advice & Support helps with, the school
section leading on to its meeting request, the guide's answers carried into the contact form and
its 'back', and a contact form of at most three required answers in two steps, without a consent
box."""
import re
from html import unescape

import pytest
from django.core.cache import cache

from forms.admin_views import answer_rows
from forms.flow import build_steps
from forms.models import FormPage, Submission
from home.localize import sync
from home.models import FindSupportPage, ServicePage, StandardPage

pytestmark = pytest.mark.django_db
LANGS = ["sv", "en", "ar"]
CONTACT_TITLE = {"sv": "Kontakta Råd- och stöd", "en": "Contact Advice & Support", "ar": "تواصل مع فريق النصح والدعم"}


def contact(lang):
    return FormPage.objects.get(locale__language_code=lang, slug__startswith="kont" if lang == "sv" else "contact")


def menu(html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return [unescape(t) for t in re.findall(r">([^<]+)</a>", nav)]


def links(html):
    return {unescape(href): unescape(re.sub(r"<[^>]+>", "", text)).strip()
            for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)}


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_the_contact_form_in_its_menu(client, lang):
    cache.clear()
    assert CONTACT_TITLE[lang] in menu(client.get(f"/{lang}/").content.decode())


def test_syncing_the_translations_keeps_the_contact_form_in_the_menu(client):
    """show_in_menus is a synchronised field: 'Sync translated pages' copies the source's value."""
    sync(contact("sv"))
    cache.clear()
    for lang in LANGS:
        assert contact(lang).show_in_menus, lang
        assert CONTACT_TITLE[lang] in menu(client.get(f"/{lang}/").content.decode())


def advice_topics():
    advice = ServicePage.objects.get(locale__language_code="sv", slug="rad-och-stod")
    return {row.topic.slug for row in advice.service_topics.select_related("topic")}


@pytest.mark.parametrize("lang", LANGS)
def test_services_advice_and_support_helps_with_offer_write_to_us_and_book_a_time(client, lang):
    cache.clear()
    helped = advice_topics()
    contact_url = contact(lang).url
    advice = ServicePage.objects.get(locale__language_code="sv", slug="rad-och-stod").get_translation(
        contact(lang).locale)
    checked = 0
    for service in ServicePage.objects.live().filter(locale__language_code=lang):
        topics = [row.topic.slug for row in service.service_topics.select_related("topic")]
        html = client.get(service.url).content.decode()
        section = re.search(r'<section class="advice-help".*?</section>', html, re.S)
        shared = [t for t in topics if t in helped]
        if not shared and service.pk != advice.pk:
            assert section is None, service.url
            continue
        assert section is not None, service.url
        found = links(section.group(0))
        write = [href for href in found if href.startswith(contact_url)]
        book = [href for href in found if "?service=" in href]
        assert write and book, service.url
        if service.pk != advice.pk:
            assert write[0] == f"{contact_url}?topic={shared[0]}"
        assert book[0].endswith(f"?service={advice.pk}")
        assert client.get(book[0]).status_code == 200
        checked += 1
    assert checked > 10


def test_the_advice_and_support_page_itself_links_the_form_and_booking(client):
    cache.clear()
    for lang, path in [("sv", "/sv/insatser/rad-och-stod/"), ("ar", "/ar/services-ar/advice-and-support-ar/")]:
        html = client.get(path).content.decode()
        found = links(re.search(r'<section class="advice-help".*?</section>', html, re.S).group(0))
        assert any(href == contact(lang).url for href in found), lang  # no topic chosen for her
        assert any("/boka/?service=" in href for href in found), lang


@pytest.mark.parametrize("lang,path", [("sv", "/sv/for-skolor/"), ("en", "/en/for-schools/"),
                                       ("ar", "/ar/for-schools-ar/")])
def test_the_schools_page_links_its_meeting_request(client, lang, path):
    cache.clear()
    school = StandardPage.objects.get(locale__language_code=lang, url_path__endswith=path.split("/", 2)[2])
    form = school.get_children().live().get()
    html = client.get(path).content.decode()
    assert links(html.split("<main", 1)[1]).get(form.url) == form.title


def test_site_search_finds_the_meeting_request(client):
    html = client.get("/sv/search/", {"q": "boka möte skola"}).content.decode()
    assert 'href="/sv/for-skolor/boka-mote/"' in html


# --- the contact form ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_contact_form_asks_at_most_three_answers_in_two_steps(lang):
    page = contact(lang)
    steps = build_steps(page)
    required = [f.clean_name for s in steps for f in s.fields if f.required]
    assert len(steps) <= 2
    # the topic, a name, and how to be reached (a phone number or an e-mail address: one answer)
    assert required == ["arende", "fornamn"] and page.source_page.one_of_fields == "telefon,e_post"
    assert not page.form_fields.filter(field_type="consent").exists()
    assert not page.form_fields.get(clean_name="meddelande").required


@pytest.mark.parametrize("lang,basis", [("sv", "6.1 e"), ("en", "6(1)(e)"), ("ar", "6.1 هـ")])
def test_contact_form_says_its_legal_basis_and_links_the_privacy_page(client, lang, basis):
    page = contact(lang)
    html = client.get(page.url).content.decode()
    notice = re.search(r'<div class="privacy-notice">.*?</div>', html, re.S).group(0)
    assert basis in notice
    privacy = page.privacy_page.localized
    assert privacy.locale == page.locale and links(notice).get(privacy.url) == privacy.title
    assert 'type="checkbox"' not in notice


@pytest.mark.parametrize("lang,topic,answer", [
    ("sv", "ekonomi", "Ekonomi"), ("ar", "ekonomi", "الاقتصاد والديون"),
    ("sv", "skolnarvaro", "Skola och närvaro"), ("en", "skolnarvaro", "School and attendance"),
])
def test_a_topic_carried_in_chooses_the_answer(client, lang, topic, answer):
    html = client.get(contact(lang).url, {"topic": topic}).content.decode()
    checked = re.findall(r'<input type="radio" name="arende" value="([^"]+)"[^>]*checked', html)
    assert [unescape(v) for v in checked] == [answer]


def test_an_unknown_topic_or_an_earlier_answer_wins(client):
    base = contact("sv").url
    assert "checked" not in client.get(base, {"topic": "finns-inte"}).content.decode()
    client.post(base, {"arende": "Boende"})
    html = client.get(base, {"topic": "ekonomi"}).content.decode()
    assert re.findall(r'name="arende" value="([^"]+)"[^>]*checked', html) == ["Boende"]


def test_old_submissions_with_the_consent_answer_still_show(client):
    """Submissions sent before the tick box went keep their answer; the inbox lists it after the
    form's current fields, and retention does not look at it."""
    sub = Submission.objects.create(form_page=contact("sv"), language="sv", reference="KON-OLD001",
                                    data={"arende": "Ekonomi", "fornamn": "Amira", "samtycke": True})
    rows = dict(answer_rows(sub))
    assert rows["samtycke"] == "Ja" or rows["samtycke"] == "Yes"
    sub.status = Submission.Status.CLOSED
    sub.save()
    assert sub.expires_at is not None


# --- the guide ----------------------------------------------------------------------------------

def guide_url(lang="sv"):
    find = FindSupportPage.objects.get(locale__language_code=lang)
    return find.url + find.reverse_subpage("guide")


def test_guide_result_carries_the_topic_to_the_contact_form(client):
    html = client.get(guide_url(), {"who": "19-65", "about": "ekonomi", "urgent": "no"}).content.decode()
    assert f'href="{contact("sv").url}?topic=ekonomi"' in html


def test_guide_back_asks_the_previous_question_with_its_answer_chosen(client):
    url = guide_url()
    html = client.get(url, {"who": "parents", "about": "foraldraskap"}).content.decode()
    back = re.search(r'<a href="([^"]+)" class="back-link">', html).group(1)
    html = client.get(url + unescape(back)).content.decode()
    assert "Fråga 2 av 3" in html
    assert re.findall(r'name="about"[^>]*value="([^"]+)" checked', html) == ["foraldraskap"]
    assert 'type="hidden" name="who" value="parents"' in html
    back = unescape(re.search(r'<a href="([^"]+)" class="back-link">', html).group(1))
    html = client.get(url + back).content.decode()
    assert "Fråga 1 av 3" in html and re.findall(r'name="who"[^>]*value="([^"]+)" checked', html) == ["parents"]
    assert 'class="back-link"' not in html  # nothing before the first question
    # from the result page back to the third question
    html = client.get(url, {"who": "parents", "about": "foraldraskap", "urgent": "no"}).content.decode()
    back = unescape(re.search(r'<a href="([^"]+)" class="back-link">', html).group(1))
    html = client.get(url + back).content.decode()
    assert "Fråga 3 av 3" in html and re.findall(r'name="urgent"[^>]*value="([^"]+)" checked', html) == ["no"]
