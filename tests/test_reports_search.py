"""Knowledge-bank search at scale: the search table follows publishing, facet counts agree with the
pages, phrases and stop words, bulk-made reports (reports.scale) and query counts that stay the
same from 20 to 200 reports."""
import random
import re
from collections import Counter
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from reports.models import KnowledgeBankIndexPage, ReportPage, ReportTopic
from reports.scale import make_reports

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="needs PostgreSQL")

SV = "/sv/kunskapsbanken/"
EN = "/en/knowledge-bank/"
AR = "/ar/knowledge-bank-ar/"


def titles(response):
    return [unescape(t) for t in re.findall(r'<h2 class="kb-title"><a href="[^"]+">([^<]+)</a>', response.content.decode())]


def found(response):
    return int(re.search(r'<p role="status" class="kb-count">(\d+)', response.content.decode()).group(1))


def facet_counts(response, key):
    html = response.content.decode()
    return {unescape(value): int(n) for value, n in re.findall(
        rf'name="{key}" value="([^"]*)"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)</span>', html)}


@pytest.fixture
def kb_sv():
    return KnowledgeBankIndexPage.objects.get(locale__language_code="sv")


def add_report(index, title, summary, **extra):
    fields = dict(organisation="Testförvaltningen", publication_date="2022-05-01", report_type="evaluation")
    fields.update(extra)
    topics = fields.pop("topics", [])
    page = ReportPage(title=title, slug=re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"), summary=summary, **fields)
    for topic in topics:
        page.topics.add(ReportTopic(topic=topic))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- The search table follows the pages ----------------------------------------------------------

def test_unpublished_deleted_and_restricted_reports_leave_the_search(kb_sv, client):
    page = add_report(kb_sv, "Rapport om kvarteret", "Grannsamverkan i kvarteret.")
    other = add_report(kb_sv, "Rapport om gården", "Grannsamverkan på gården.")
    third = add_report(kb_sv, "Rapport om torget", "Grannsamverkan på torget.")
    assert sorted(titles(client.get(SV, {"q": "grannsamverkan"}))) == [
        "Rapport om gården", "Rapport om kvarteret", "Rapport om torget"]
    page.unpublish()
    other.delete()
    PageViewRestriction.objects.create(page=third, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(SV, {"q": "grannsamverkan"})
    assert titles(response) == [] and found(response) == 0
    page.save_revision().publish()
    assert titles(client.get(SV, {"q": "grannsamverkan"})) == ["Rapport om kvarteret"]


def test_an_edited_draft_is_not_searchable_until_published(kb_sv, client):
    page = add_report(kb_sv, "Rapport om parken", "Parkens bänkar.")
    page.summary = "Lekplatsens gungor."
    page.save_revision()
    assert titles(client.get(SV, {"q": "lekplatsens"})) == []
    assert titles(client.get(SV, {"q": "bänkar"})) == ["Rapport om parken"]
    page.get_latest_revision().publish()
    assert titles(client.get(SV, {"q": "lekplatsens"})) == ["Rapport om parken"]


def test_a_repeated_search_is_served_from_the_cache_until_the_next_publish(kb_sv, client):
    add_report(kb_sv, "Rapport om biblioteket", "Läsfrämjande i biblioteket.")
    with CaptureQueriesContext(connection) as first:
        assert titles(client.get(SV, {"q": "läsfrämjande"})) == ["Rapport om biblioteket"]
    with CaptureQueriesContext(connection) as again:
        assert titles(client.get(SV, {"q": "läsfrämjande"})) == ["Rapport om biblioteket"]
    searches = [q["sql"] for q in again.captured_queries if "reports_searchrow" in q["sql"]]
    assert searches == [] and len(first.captured_queries) > len(again.captured_queries)

    # A new report is found at once, with the count and facets that include it.
    add_report(kb_sv, "Rapport om läsecirklar", "Läsfrämjande i skolan.", publication_date="2024-02-01")
    response = client.get(SV, {"q": "läsfrämjande"})
    assert sorted(titles(response)) == ["Rapport om biblioteket", "Rapport om läsecirklar"]
    assert found(response) == 2 and facet_counts(response, "year") == {"2024": 1, "2022": 1}


def test_a_quoted_phrase_needs_the_words_together(kb_sv, client):
    add_report(kb_sv, "Ihop", "Om psykisk ohälsa bland unga.")
    add_report(kb_sv, "Isär", "Om ohälsa och psykisk styrka.")
    assert sorted(titles(client.get(SV, {"q": "psykisk ohälsa"}))) == ["Ihop", "Isär"]
    assert titles(client.get(SV, {"q": '"psykisk ohälsa"'})) == ["Ihop"]


@pytest.mark.parametrize("query", ['""', "<b></b>", "-", "%", "_", "'", "a\\b", "OR", "!:&|"])
def test_markup_operators_and_wildcards_alone_are_answered_cleanly(client, query):
    response = client.get(SV, {"q": query})
    assert response.status_code == 200
    assert found(response) in (0, 5)  # nothing, or (markup stripped to nothing) every report


@postgres_only
def test_stop_words_alone_find_nothing_on_postgres(client):
    response = client.get(SV, {"q": "och att"})
    assert response.status_code == 200 and found(response) == 0


@postgres_only
def test_inflected_forms_find_each_other_on_postgres(kb_sv, client):
    add_report(kb_sv, "Om en utredning", "Socialtjänsten gjorde en utredning om skolgången.")
    for query in ["utredningar", "utredningarna", "utredningen"]:
        assert "Om en utredning" in titles(client.get(SV, {"q": query}))
    # Relevance: a word in the title weighs more than in the summary.
    add_report(kb_sv, "Skolgången i fokus", "En rapport.")
    assert titles(client.get(SV, {"q": "skolgången"}))[0] == "Skolgången i fokus"


# --- Bulk-made reports ---------------------------------------------------------------------------

def test_make_reports_adds_searchable_reports_in_three_languages(kb_sv, client):
    before = {code: ReportPage.objects.filter(locale__language_code=code).count() for code in ("sv", "en", "ar")}
    assert make_reports(16, batch=5, rng=random.Random(1)) == 16
    after = {code: ReportPage.objects.filter(locale__language_code=code).count() for code in ("sv", "en", "ar")}
    assert after == {"sv": before["sv"] + 16, "en": before["en"] + 2, "ar": before["ar"] + 2}
    assert all(not problems for problems in Page.find_problems())
    for url, prefix in [(SV, "skala-rapport-"), (EN, "skala-report-"), (AR, "skala-taqrir-")]:
        report = ReportPage.objects.filter(slug__startswith=prefix).order_by("pk").first()
        assert client.get(report.url).status_code == 200
        word = report.title.split(":")[1].split()[0]
        response = client.get(url, {"q": word, "sort": "newest"})
        assert found(response) >= 1
        assert report.title in titles(client.get(url, {"q": report.title.split(":")[1]}))


def test_facet_counts_agree_with_the_pages(kb_sv, client):
    make_reports(40, batch=20, rng=random.Random(2), other_languages={})
    reports = ReportPage.objects.live().child_of(kb_sv)
    response = client.get(SV)
    assert found(response) == reports.count()
    assert facet_counts(response, "year") == {str(y): n for y, n in Counter(r.publication_date.year for r in reports).items()}
    assert facet_counts(response, "org") == dict(Counter(r.organisation for r in reports))
    topics = Counter(t.topic for t in ReportTopic.objects.filter(page__in=reports))
    assert facet_counts(response, "topic") == dict(topics)
    year = max(reports, key=lambda r: r.pk).publication_date.year
    filtered = client.get(SV, {"year": str(year), "topic": "school"})
    expected = reports.filter(publication_date__year=year, topics__topic="school").distinct().count()
    assert found(filtered) == expected


# --- Query counts do not grow with the data ---------------------------------------------------------

def count_queries(client, url, params):
    client.get(url, params)  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_are_the_same_for_20_and_200_reports(client):
    requests = [
        (SV, {}), (SV, {"q": "utredningar"}), (SV, {"q": '"psykisk ohälsa"'}),
        (SV, {"q": "barnen", "year": "2019", "topic": "school", "sort": "newest"}),
        (SV, {"type": "evaluation"}), (SV, {"sort": "oldest", "page": "2"}), (EN, {"q": "support"}), (AR, {"q": "أطفال"}),
    ]
    rng = random.Random(3)
    make_reports(20, rng=rng, other_languages={"en": 0.5, "ar": 0.5})
    small = [count_queries(client, url, params) for url, params in requests]
    make_reports(180, batch=100, rng=rng, other_languages={"en": 0.5, "ar": 0.5})
    assert found(client.get(SV)) >= 200
    large = [count_queries(client, url, params) for url, params in requests]
    assert large == small
