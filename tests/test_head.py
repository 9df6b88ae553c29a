"""Every page has a description for search engines and link previews, and /favicon.ico answers
(it was a 404 on every page view) — issue 15, item 15."""
import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def sitemap_paths(client):
    xml = client.get("/sitemap.xml").content.decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return unescape(found[0])


def test_every_sitemap_page_has_a_description(client):
    missing = []
    for path in sitemap_paths(client):
        text = description(client.get(path).content.decode())
        if not (20 <= len(text) <= 200):  # 160 letters; Arabic vowel marks come on top
            missing.append((path, text))
    assert not missing, missing


def test_a_report_is_described_by_its_summary_and_other_pages_in_their_language(client):
    from reports.models import ReportPage

    report = ReportPage.objects.live().filter(locale__language_code="sv").first()
    html = client.get(report.url).content.decode()
    assert description(html).startswith(" ".join(report.summary.split())[:60])
    assert "sociala" in description(client.get("/sv/search/").content.decode()).lower() or \
        "socialtjänst" in description(client.get("/sv/search/").content.decode()).lower()
    assert re.search(r"[\u0600-\u06FF]", description(client.get("/ar/search/").content.decode()))


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    body = b"".join(icon.streaming_content) if icon.streaming else icon.content
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert '<link rel="icon" href="/static/lotsa/favicon.svg"' in client.get("/sv/").content.decode()
