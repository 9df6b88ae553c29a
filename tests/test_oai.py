"""OAI-PMH 2.0 at /oai: a standard harvester (pyoai) reads every published record, with
resumption tokens; each protocol error comes back with its own code."""
import datetime
import re

import pytest
from lxml import etree
from oaipmh import client as oai_client
from oaipmh import error as oai_error
from oaipmh import metadata as oai_metadata
from oaipmh.client import BaseClient
from oaipmh.metadata import MetadataRegistry, oai_dc_reader

from reports import oai
from reports.models import ReportPage

pytestmark = pytest.mark.django_db


class _EtreeShim:
    """pyoai 2.5 calls XPathEvaluator(...).evaluate, which lxml 5+ no longer has (it is __call__)."""

    class XPathEvaluator:
        def __init__(self, *args, **kwargs):
            self.evaluate = etree.XPathEvaluator(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(etree, name)


oai_client.etree = oai_metadata.etree = _EtreeShim()


class DjangoClient(BaseClient):
    """pyoai's harvester, talking to the app through Django's test client instead of HTTP."""

    def __init__(self, client):
        registry = MetadataRegistry()
        registry.registerReader("oai_dc", oai_dc_reader)
        super().__init__(registry)
        self.client = client

    def makeRequest(self, **kw):
        return self.client.get("/oai", kw).content


@pytest.fixture
def harvester(client):
    return DjangoClient(client)


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 4)


def error_code(client, params, method="get"):
    response = getattr(client, method)("/oai", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    found = re.search(r'<error code="([^"]+)"', response.content.decode())
    return found.group(1) if found else None


def test_identify(harvester):
    identify = harvester.identify()
    assert identify.protocolVersion() == "2.0"
    assert identify.baseURL() == "http://testserver/oai"
    assert identify.granularity() == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.deletedRecord() == "no"


def test_metadata_formats_and_sets(harvester):
    assert [f[0] for f in harvester.listMetadataFormats()] == ["oai_dc"]
    specs = {s[0] for s in harvester.listSets()}
    assert {"type:final", "type:annual", "language:sv", "language:ar"} <= specs


def test_harvest_reads_every_published_report_with_resumption_tokens(harvester, small_pages):
    records = list(harvester.listRecords(metadataPrefix="oai_dc"))
    published = ReportPage.objects.live().public().count()
    assert published >= 15  # five demo reports in three languages
    assert len(records) == published
    assert len({header.identifier() for header, _metadata, _about in records}) == published
    by_title = {metadata["title"][0]: metadata for _h, metadata, _a in records}
    annual = by_title["Årsbokslut 2024 för socialnämnden"]
    assert annual["date"] == ["2025-02-20"]
    assert annual["language"] == ["sv"]
    assert "http://testserver/sv/kunskapsbanken/arsbokslut-2024/" in annual["identifier"]
    arabic = by_title["الحسابات السنوية لعام 2024 للجنة الشؤون الاجتماعية"]
    assert any(url.startswith("http://testserver/ar/") for url in arabic["identifier"])


def test_list_identifiers_and_get_record(harvester, small_pages):
    headers = list(harvester.listIdentifiers(metadataPrefix="oai_dc", set="language:en"))
    assert len(headers) == ReportPage.objects.live().filter(locale__language_code="en").count()
    header, metadata, _about = harvester.getRecord(identifier=headers[0].identifier(), metadataPrefix="oai_dc")
    assert header.identifier() == headers[0].identifier()
    assert metadata["title"]


def test_sets_and_dates_select_records(harvester):
    interim = list(harvester.listRecords(metadataPrefix="oai_dc", set="type:interim"))
    assert interim and all(m["type"][1] for _h, m, _a in interim)
    with pytest.raises(oai_error.NoRecordsMatchError):
        list(harvester.listRecords(metadataPrefix="oai_dc", set="type:annual",
                                      until=datetime.datetime(2001, 1, 1)))
    recent = list(harvester.listIdentifiers(metadataPrefix="oai_dc", from_=datetime.datetime(2001, 1, 1)))
    assert len(recent) == ReportPage.objects.live().count()


def test_unpublished_reports_are_not_harvested(harvester):
    page = ReportPage.objects.filter(locale__language_code="sv").first()
    page.unpublish()
    identifiers = {h.identifier() for h in harvester.listIdentifiers(metadataPrefix="oai_dc")}
    assert f"oai:testserver:report/{page.pk}" not in identifiers
    with pytest.raises(oai_error.IdDoesNotExistError):
        harvester.getRecord(identifier=f"oai:testserver:report/{page.pk}", metadataPrefix="oai_dc")


@pytest.mark.parametrize("params, code", [
    ({}, "badVerb"),
    ({"verb": "Dance"}, "badVerb"),
    ({"verb": ["Identify", "Identify"]}, "badVerb"),
    ({"verb": "Identify", "extra": "1"}, "badArgument"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01", "until": "2024-01-01T00:00:00Z"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-01", "until": "2024-01-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"}, "badArgument"),
    ({"verb": "GetRecord", "identifier": "oai:testserver:report/1"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "identifier": "oai:testserver:report/1", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
    ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
    ({"verb": "ListIdentifiers", "resumptionToken": "eyJvZmZzZXQiOjk5OTk5fQ"}, "badResumptionToken"),
    ({"verb": "GetRecord", "identifier": "oai:testserver:report/999999", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
    ({"verb": "GetRecord", "identifier": "<b>junk</b>", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
    ({"verb": "ListMetadataFormats", "identifier": "nope"}, "idDoesNotExist"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2200-01-01"}, "noRecordsMatch"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "type:unknown"}, "noRecordsMatch"),
])
def test_protocol_errors(client, params, code):
    assert error_code(client, params) == code


def test_post_requests_work_like_get(client):
    assert error_code(client, {"verb": "Identify"}, method="post") is None
    assert "<Identify>" in client.post("/oai", {"verb": "Identify"}).content.decode()


def test_errors_do_not_echo_bad_arguments(client):
    xml = client.get("/oai", {"verb": "Dance", "x": "<script>"}).content.decode()
    assert "<script>" not in xml
    assert re.search(r"<request>http://testserver/oai</request>", xml)
