"""The finder and the guided 'find support' questions, on the demo catalogue: filters, result
counts, grouping by area, bad input, three languages, and a query count that does not grow
with the number of services."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.demo_services import make_bulk_services
from home.finder import MAX_QUERY, Filters, search
from home.models import Place, ServiceIndexPage, ServicePage, Topic

pytestmark = pytest.mark.django_db

FINDER = {"sv": "/sv/hitta-stod/", "en": "/en/find-support/", "ar": "/ar/find-support-ar/"}


def count_in(text):
    return int(re.search(r"<h2 id=\"result-count\">[^<0-9]*([0-9]+)", text).group(1))


def result_titles(text):
    return set(re.findall(r'<li class="result">\s*<h4><a href="[^"]+">([^<]+)</a>', text))


def test_finder_without_filters_lists_every_service_in_each_language(client):
    for lang, url in FINDER.items():
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        live = ServicePage.objects.live().filter(locale__language_code=lang).count()
        assert live >= 25
        assert count_in(text) == live
        assert '<form class="finder-form" method="get"' in text


def test_filters_narrow_the_result_and_the_url_is_shareable(client):
    text = client.get(FINDER["sv"], {"topic": "vald", "who": "19-65"}).content.decode()
    titles = result_titles(text)
    assert "Stödsamtal vid våld i nära relationer" in titles
    assert "Läxhjälp" not in titles
    assert count_in(text) == 3  # support talks, the shelter helpline, talks for people who use violence
    # The form shows the choices made, so the same URL shows the same page.
    assert '<option value="vald" selected>' in text and '<option value="19-65" selected>' in text


def test_results_are_grouped_by_area_with_addresses(client):
    text = client.get(FINDER["sv"], {"area": "norrby"}).content.decode()
    assert '<h3 id="area-1">Norrby</h3>' in text
    assert "Norrbyvägen 12, 252 20 Lotsby" in text
    assert "Centrum</h3>" not in text  # the area filter keeps only Norrby's places
    assert "Råd- och stöd" in result_titles(text)


def test_language_and_level_and_free_text(client):
    somali = client.get(FINDER["en"], {"lang": "so"}).content.decode()
    assert "Advice &amp; Support" in result_titles(somali)
    assert "Homework help" not in result_titles(somali)
    promotive = client.get(FINDER["sv"], {"level": "promotive"}).content.decode()
    assert "Läxhjälp" in result_titles(promotive) and "Råd- och stöd" not in result_titles(promotive)
    words = client.get(FINDER["sv"], {"q": "läxor"}).content.decode()
    assert result_titles(words) == {"Läxhjälp"}


def test_arabic_finder_shows_arabic_topics_and_results(client):
    response = client.get(FINDER["ar"], {"topic": "foraldraskap"})
    text = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in text
    assert "التربية والأبوة والأمومة" in text  # the topic's name in Arabic
    assert "استشارات للآباء والأمهات" in result_titles(text)
    assert "تم العثور على" in text  # the result count, in Arabic


def test_empty_result_is_helpful(client):
    text = client.get(FINDER["sv"], {"q": "finnsintenågonstans"}).content.decode()
    assert count_in(text) == 0
    assert "Ingen insats matchar alla dina val." in text
    assert "Rensa filtren och se alla insatser" in text
    assert 'href="/sv/hitta-stod/guide/"' in text


@pytest.mark.parametrize("params", [
    {"who": "aliens", "topic": "<b>x</b>", "area": "mars", "lang": "xx", "level": "9", "page": "abc"},
    {"topic": ["vald", "ekonomi"], "page": "-5"},
    {"q": "\x00\x1f"},
])
def test_unknown_filter_values_are_cleared_never_an_error(client, params):
    response = client.get(FINDER["sv"], params)
    assert response.status_code == 200
    text = response.content.decode()
    if "who" in params:
        assert "kändes inte igen och har tagits bort" in text
        assert "Vem det är för, Ämne, Område, Språk, Nivå" in text
        assert count_in(text) == ServicePage.objects.live().filter(locale__language_code="sv").count()
        assert "<b>x</b>" not in text


def test_markup_and_very_long_free_text(client):
    long_text = "<script>alert(1)</script>" + "stöd " * 2000
    response = client.get(FINDER["sv"], {"q": long_text})
    assert response.status_code == 200
    text = response.content.decode()
    assert "<script>alert(1)" not in text
    assert "de första 200 tecknen" in text
    filters = Filters.from_query({"q": long_text}, ServicePage.objects.first().locale)
    assert len(filters.q) <= MAX_QUERY


def test_finder_logic_without_http():
    index = ServiceIndexPage.objects.get(locale__language_code="sv")
    everything = search(Filters(), index.locale)
    assert everything.count == ServicePage.objects.live().filter(locale=index.locale).count()
    parents = search(Filters(who="parents"), index.locale)
    assert all("parents" in s.audiences for s in parents.services)
    # services without a place are grouped last, under "elsewhere"
    assert everything.groups[-1][0] == "elsewhere"
    assert "Fältassistenter" in {s.title for s, _p, _st in everything.groups[-1][1]}


# --- the guided path ---------------------------------------------------------------------------

GUIDE = {"sv": "/sv/hitta-stod/guide/", "ar": "/ar/find-support-ar/guide/"}


def test_guide_asks_three_questions_one_at_a_time(client):
    step1 = client.get(GUIDE["sv"]).content.decode()
    assert "Fråga 1 av 3" in step1 and "Vem behöver stöd?" in step1
    step2 = client.get(GUIDE["sv"], {"who": "parents", "step": "1"}).content.decode()
    assert "Fråga 2 av 3" in step2 and "Vad gäller det?" in step2
    assert '<input type="hidden" name="who" value="parents">' in step2
    assert "Föräldraskap" in step2  # topics are the answers
    step3 = client.get(GUIDE["sv"], {"who": "parents", "about": "foraldraskap", "step": "2"}).content.decode()
    assert "Är det akut?" in step3


def test_guide_without_an_answer_shows_an_error_summary(client):
    text = client.get(GUIDE["sv"], {"step": "1"}).content.decode()
    assert 'class="error-summary"' in text and 'href="#q-0"' in text
    assert 'class="field-error" id="q-error"' in text


def test_guide_result_not_urgent(client):
    text = client.get(GUIDE["sv"], {"who": "parents", "about": "foraldraskap", "urgent": "no"}).content.decode()
    assert "<h1>Stöd som kan passa</h1>" in text
    assert "Föräldrarådgivning" in result_titles(text)
    assert "Prata med Råd- och stöd" in text  # the Advice & Support contact is always there
    assert "Om det är akut, ring nu" not in text


def test_urgent_guide_result_shows_emergency_numbers_first(client):
    text = client.get(GUIDE["ar"], {"who": "19-65", "about": "vald", "urgent": "yes"}).content.decode()
    main = text[text.index('<main id="main"'):]
    assert main.index('class="emergency urgent-first"') < main.index("<h1>")
    assert 'href="tel:112"' in main
    assert "محادثات دعم حول العنف في العلاقات القريبة" in result_titles(text)
    assert "تحدث مع النصح والدعم" in text


def test_guide_broadens_to_the_topic_when_nothing_fits_exactly(client):
    text = client.get(GUIDE["sv"], {"who": "parents", "about": "vald", "urgent": "no"}).content.decode()
    assert "så här är allt stöd inom samma ämne" in text
    assert "Stödsamtal vid våld i nära relationer" in result_titles(text)


def test_guide_with_unknown_values_starts_over(client):
    response = client.get(GUIDE["sv"], {"who": "<x>", "about": "nope", "urgent": "maybe"})
    assert response.status_code == 200
    assert "Fråga 1 av 3" in response.content.decode()


# --- performance: the number of queries does not grow with the number of services ------------

def _queries(client, url, params=None):
    client.get(url, params or {})  # warm the caches (site root paths, menus, language versions) first
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_query_count_is_the_same_at_20_and_1000_services(client, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of a real render, not of the page cache
    from home import opening_hours

    frozen = opening_hours.now_local()  # the rendered list is cached per minute: do not cross one
    monkeypatch.setattr(opening_hours, "now_local", lambda: frozen)
    index = ServiceIndexPage.objects.get(locale__language_code="sv")
    places = list(Place.objects.filter(locale=index.locale)[:2])
    topics = list(Topic.objects.filter(locale=index.locale)[:2])
    made = make_bulk_services(index, 20, word="Volymtest", places=places, topics=topics)
    service_url = made[0].url
    client.get(FINDER["sv"])  # warm caches (site root paths, locales) before counting
    finder_20, r20 = _queries(client, FINDER["sv"], {"q": "Volymtest"})
    page_20, _ = _queries(client, service_url)
    assert count_in(r20.content.decode()) == 20

    make_bulk_services(index, 980, word="Volymtest", places=places, topics=topics)
    finder_1000, r1000 = _queries(client, FINDER["sv"], {"q": "Volymtest"})
    page_1000, _ = _queries(client, service_url)
    assert count_in(r1000.content.decode()) == 1000
    assert finder_1000 == finder_20, (finder_20, finder_1000)
    assert page_1000 == page_20, (page_20, page_1000)
    assert 0 < finder_20 < 40 and 0 < page_20 < 40
    everything, _ = _queries(client, FINDER["sv"])
    assert everything <= finder_20 + 2
