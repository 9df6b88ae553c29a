"""Knowledge bank: pages in three languages, search with stemming per language, facets, sorting,
pagination, citations, feeds, PDF text extraction, bad input, constant query counts."""
import io
import json
import re
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from reports.models import KnowledgeBankIndexPage, ReportPage, ReportTopic

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="needs PostgreSQL")

SV = "/sv/kunskapsbanken/"
EN = "/en/knowledge-bank/"
AR = "/ar/knowledge-bank-ar/"


def text(response):
    return unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


def titles(response):
    return [unescape(t) for t in re.findall(r'<h2 class="kb-title"><a href="[^"]+">([^<]+)</a>', response.content.decode())]


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


# --- Pages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url, heading, report", [
    (SV, "Kunskapsbanken", "Årsbokslut 2024 för socialnämnden"),
    (EN, "Knowledge bank", "Annual accounts 2024 of the Social Committee"),
    (AR, "بنك المعرفة", "الحسابات السنوية لعام 2024 للجنة الشؤون الاجتماعية"),
])
def test_index_lists_the_five_demo_reports_in_each_language(client, url, heading, report):
    response = client.get(url)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert report in titles(response)
    assert len(titles(response)) == 5


def test_report_page_shows_key_figures_as_chart_and_table(client):
    response = client.get(SV + "arsbokslut-2024/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chart"' in html and 'role="img"' in html
    body = text(response)
    for figure in ["3 080", "2 695", "3 001", "5 820", "4 207"]:
        assert figure in body.replace("\xa0", " ")
    assert "Uppnått" in body or "Achieved" in body


def test_report_page_in_arabic_is_translated_and_right_to_left(client):
    response = client.get(AR + "annual-accounts-2024-ar/")
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "الخدمات دون تقييم فردي مسبق للاحتياجات" in html
    assert '<svg class="chart"' in html


def test_school_reports_of_concern_table_has_the_source_figures(client):
    body = text(client.get(SV + "effekthemtagning-rad-och-stod/"))
    assert "Skolors orosanmälningar januari–juni 2023" in body
    compact = re.sub(r"\s+", " ", body)
    assert "Ledde inte till utredning 38 49 50 52 55 22" in compact
    assert "Ledde till utredning 25 34 51 27 43 13" in compact
    assert "106 400 kr" in compact


def test_citation_metadata_dublin_core_highwire_and_json_ld(client):
    response = client.get(SV + "arsbokslut-2024/")
    html = response.content.decode()
    assert '<meta name="citation_title" content="Årsbokslut 2024 för socialnämnden">' in html
    assert '<meta name="citation_publication_date" content="2025/02/20">' in html
    assert '<meta name="DC.title" content="Årsbokslut 2024 för socialnämnden">' in html
    assert '<meta name="DC.language" content="sv">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Report" and data["datePublished"] == "2025-02-20"
    assert data["url"] == "http://testserver/sv/kunskapsbanken/arsbokslut-2024/"
    assert '<link rel="canonical" href="http://testserver/sv/kunskapsbanken/arsbokslut-2024/">' in html
    assert "Socialförvaltningen, Helsingborgs stad (2025). Årsbokslut 2024 för socialnämnden." in text(response)


def test_json_ld_cannot_break_out_of_its_script(kb_sv, client):
    add_report(kb_sv, "Rapport med skript", "</script><script>alert(1)</script> slut")
    html = client.get(SV + "rapport-med-skript/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json.loads(block)["abstract"].startswith("</script>")


def test_related_reports_link_to_the_same_language(client):
    html = client.get(EN + "lum-application-early-social-support/").content.decode()
    assert 'href="/en/knowledge-bank/interim-report-early-social-support-2019/"' in html


def test_feeds_list_new_reports(client):
    atom = client.get(SV + "atom/")
    assert atom.status_code == 200 and atom["Content-Type"].startswith("application/atom+xml")
    assert "Årsbokslut 2024 för socialnämnden" in atom.content.decode()
    rss = client.get(EN + "rss/")
    assert rss.status_code == 200 and "<rss" in rss.content.decode()
    assert "Annual accounts 2024 of the Social Committee" in rss.content.decode()


# --- Search, facets, sorting, pagination ------------------------------------------------------

def test_search_finds_a_report_by_a_word_in_its_summary(client):
    response = client.get(SV, {"q": "familjehem"})
    assert titles(response) == ["Årsbokslut 2024 för socialnämnden"]


@postgres_only
def test_swedish_stemming_inflected_form_finds_the_base_form(client):
    # The school report mentions "utredning" (singular); "utredningar" is the plural.
    response = client.get(SV, {"q": "utredningar"})
    assert "Effekthemtagning av Råd- och stöd 2023" in titles(response)


@postgres_only
def test_english_reports_are_stemmed_as_english(kb_sv, client):
    from home.localize import translate

    page = add_report(kb_sv, "Springande rapport", "Springande barn.")
    translate(page, "en", {"Springande rapport": "Running report", "Springande barn.": "Children running."})
    # Publication of the translation happens on commit; publish it here directly.
    en_page = page.get_translation(Locale.objects.get(language_code="en"))
    en_page.save_revision().publish()
    assert "Running report" in titles(client.get(EN, {"q": "run"}))  # english: running -> run


@postgres_only
def test_arabic_reports_are_stemmed_as_arabic(client):
    # The Arabic summary has "للأطفال"/"الأطفال"; Arabic stemming strips the article.
    response = client.get(AR, {"q": "أطفال"})
    assert "الحسابات السنوية لعام 2024 للجنة الشؤون الاجتماعية" in titles(response)


def test_search_finds_words_that_are_only_inside_the_pdf(client):
    # "tretton" and "skolsamverkansrutin" appear only in the attached PDF's text.
    response = client.get(SV, {"q": "skolsamverkansrutin"})
    assert titles(response) == ["Modell för tidigt socialt stöd: delrapport 2019"]


def test_facets_show_counts_and_filter(client):
    response = client.get(SV)
    body = re.sub(r"\s+", " ", text(response))
    assert "2019 (2)" in body and "2025 (1)" in body
    filtered = client.get(SV, {"year": "2019"})
    assert sorted(titles(filtered)) == sorted([
        "Modell för tidigt socialt stöd: delrapport 2019",
        "Ansökan om lokala utvecklingsmedel: Modell för tidigt socialt stöd",
    ])
    by_topic = client.get(SV, {"topic": "school"})
    assert len(titles(by_topic)) == 2
    both = client.get(SV, {"topic": "school", "type": "interim"})
    assert titles(both) == ["Modell för tidigt socialt stöd: delrapport 2019"]
    fund = client.get(SV, {"fund": "Lokala utvecklingsmedel (LUM)"})
    assert titles(fund) == ["Ansökan om lokala utvecklingsmedel: Modell för tidigt socialt stöd"]
    org = client.get(SV, {"org": "Socialförvaltningen, Helsingborgs stad"})
    assert len(titles(org)) == 3


def test_facets_apply_to_search_results(client):
    body = re.sub(r"\s+", " ", text(client.get(SV, {"q": "familjehem"})))
    assert "2025 (1)" in body and "2019 (" not in body


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_search_combined_with_every_facet(client, sort):
    params = {"q": "stöd", "year": ["2019", "2020"], "topic": "children", "type": ["interim", "plan"],
              "org": "Hässelby-Vällingby stadsdelsförvaltning, Stockholms stad", "sort": sort}
    found = titles(client.get(SV, params))
    assert "Modell för tidigt socialt stöd: delrapport 2019" in found
    assert "Årsbokslut 2024 för socialnämnden" not in found
    assert titles(client.get(SV, {**params, "fund": "Lokala utvecklingsmedel (LUM)"})) == [
        "Ansökan om lokala utvecklingsmedel: Modell för tidigt socialt stöd"]


def test_sorting(client):
    newest = titles(client.get(SV))
    assert newest[0] == "Årsbokslut 2024 för socialnämnden"
    oldest = titles(client.get(SV, {"sort": "oldest"}))
    assert oldest == list(reversed(newest))
    by_title = titles(client.get(SV, {"sort": "title"}))
    assert by_title == sorted(by_title)


def test_pagination(kb_sv, client):
    for n in range(8):
        add_report(kb_sv, f"Sidrapport {n}", "Sidbrytning i listan.")
    first = client.get(SV, {"q": "sidbrytning", "sort": "title"})
    second = client.get(SV, {"q": "sidbrytning", "sort": "title", "page": "2"})
    assert len(titles(first)) == 8  # one page of ten holds all eight
    everything = client.get(SV, {"sort": "title"})
    assert len(titles(everything)) == 10
    page2 = client.get(SV, {"sort": "title", "page": "2"})
    assert len(titles(page2)) == 3
    assert 'rel="next"' in everything.content.decode()
    assert titles(second) == titles(first)  # a page past the end shows the last page
    assert client.get(SV, {"page": "x"}).status_code == 200
    huge = client.get(SV, {"sort": "title", "page": "83459380791092150272"})  # past any database integer
    assert huge.status_code == 200 and titles(huge) == titles(page2)  # the last page


@pytest.mark.parametrize("query", [
    "<script>alert(1)</script>", "och att", '"', "*", "(", "a" * 500, "'; DROP TABLE x; --", "\x00",
])
def test_bad_queries_are_answered_cleanly(client, query):
    response = client.get(SV, {"q": query, "year": "abc", "type": "nope", "sort": "weird", "page": "-1"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_empty_key_figure_table_renders_without_a_chart(kb_sv, client):
    body = json.dumps([{"type": "key_figures", "value": {
        "caption": "Tom tabell", "unit": "", "columns": [], "rows": [], "chart": "bar", "note": ""}}])
    add_report(kb_sv, "Rapport med tom tabell", "Ingenting ännu.", body=body)
    response = client.get(SV + "rapport-med-tom-tabell/")
    assert response.status_code == 200
    assert "Tom tabell" in response.content.decode()
    assert '<svg class="chart"' not in response.content.decode()


# --- PDF text extraction ---------------------------------------------------------------------

def make_document(title, data):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=title)
    document.file.save(f"{title}.pdf", ContentFile(data), save=False)
    document.save()
    return document


def test_uploaded_pdf_text_is_extracted_and_indexed(kb_sv, client):
    from reports.demo import make_pdf

    document = make_document("uppladdad", make_pdf(["Rapporten handlar om hemlöshetsprevention i Exempelstad."]))
    page = add_report(kb_sv, "Uppladdad rapport", "En rapport som bara finns som PDF.", document=document)
    page.refresh_from_db()
    assert "hemlöshetsprevention" in page.document_text
    assert titles(client.get(SV, {"q": "hemlöshetsprevention"})) == ["Uppladdad rapport"]
    html = client.get(SV + "uppladdad-rapport/").content.decode()
    assert "citation_pdf_url" in html and "PDF" in html


def test_pdf_without_text_or_broken_is_published_without_text(kb_sv, client):
    from pypdf import PdfWriter

    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.write(blank)
    for name, data in [("tom", blank.getvalue()), ("trasig", b"%PDF-1.4 this is not really a pdf")]:
        page = add_report(kb_sv, f"Rapport {name}", "Skannad rapport.", document=make_document(name, data))
        page.refresh_from_db()
        assert page.document_text == ""
        assert client.get(page.url).status_code == 200


# --- Query counts ------------------------------------------------------------------------------

def count_queries(client, url, params=None):
    client.get(url, params or {})  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_the_number_of_reports(kb_sv, client):
    urls = [(SV, None), (SV, {"q": "stöd"}), (SV, {"topic": "school", "year": "2022"}), (SV + "arsbokslut-2024/", None)]
    before = [count_queries(client, url, params) for url, params in urls]
    for n in range(12):
        add_report(kb_sv, f"Extra rapport {n}", "Ännu en rapport om stöd.", topics=["school", "economy"],
                   publication_date=f"20{10 + n}-01-01")
    after = [count_queries(client, url, params) for url, params in urls]
    assert after == before
