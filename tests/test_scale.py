"""`manage.py load_scale` at tiny counts: what it adds is real content a resident, a fund manager
and an applicant can use (pages in three languages, searchable reports, applications that list
and print), it is idempotent, and the main pages' SQL query counts do not grow with the data."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from forms.models import Submission
from funding.models import Application
from home.models import HomePage, ServicePage
from reports.models import KnowledgeBankIndexPage, ReportPage

pytestmark = pytest.mark.django_db


def load(**counts):
    out = StringIO()
    call_command("load_scale", stdout=out, **counts)
    return out.getvalue()


def sv_services():
    return ServicePage.objects.filter(locale__language_code="sv").count()


def sv_reports():
    return ReportPage.objects.filter(locale__language_code="sv").count()


def test_load_scale_adds_usable_content_in_three_languages_and_is_idempotent(client, client_as):
    services = sv_services()
    reports, submissions, applications = sv_reports(), Submission.objects.count(), Application.objects.count()
    counts = dict(services=services + 4, reports=reports + 6, submissions=submissions + 25,
                  applications=applications + 5)
    output = load(**counts)
    assert "Scale data loaded" in output

    services = ServicePage.objects.filter(slug__startswith="skala-", locale__language_code="sv")
    assert services.count() == 4
    for service in services:
        versions = [service] + list(service.get_translations())
        assert sorted(p.locale.language_code for p in versions) == ["ar", "en", "sv"]
        for page in versions:
            response = client.get(page.url)
            assert response.status_code == 200
            assert page.title in response.content.decode()
    assert sv_reports() >= reports + 6
    assert Submission.objects.count() == submissions + 25
    assert Application.objects.count() == applications + 5
    assert all(not problems for problems in Page.find_problems())  # the page tree is intact

    kb = KnowledgeBankIndexPage.objects.get(locale__language_code="sv")
    report = ReportPage.objects.filter(slug__startswith="skala-rapport-").first()
    found = client.get(kb.url, {"q": report.title.split(":")[1].split()[0]})
    assert report.title in found.content.decode()

    app = Application.objects.filter(organisation__startswith="Skaldata").exclude(status="draft").first()
    listing = client_as("Fund managers").get(reverse("funding_applications:index"))
    assert app.title in listing.content.decode()
    client.force_login(app.user)
    pdf = client.get(reverse("funding:application_pdf", args=[app.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    again = load(**counts)
    assert "nothing was added" in again
    assert ServicePage.objects.filter(slug__startswith="skala-").count() == 12
    assert Submission.objects.count() == submissions + 25 and Application.objects.count() == applications + 5


def count_queries(client, url, params=None):
    client.get(url, params or {})  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_of_the_benchmarked_pages_do_not_grow_with_the_data(client, demo_users, settings):
    settings.PAGE_CACHE_SECONDS = 0
    services = sv_services()
    reports, submissions, applications = sv_reports(), Submission.objects.count(), Application.objects.count()
    load(services=services + 3, reports=reports + 3, submissions=submissions + 10, applications=applications + 3)
    home = HomePage.objects.get(locale__language_code="sv")
    service = ServicePage.objects.filter(slug__startswith="skala-", locale__language_code="sv").first()
    finder = home.find_support_page
    kb = KnowledgeBankIndexPage.objects.get(locale__language_code="sv")
    public = [(home.url, None), (service.url, None), (finder.url, {"who": "19-65", "level": "early"}),
              (kb.url, {"q": "stöd"})]

    def counts():
        client.logout()
        figures = [count_queries(client, url, params) for url, params in public]
        client.force_login(demo_users["Fund managers"])
        return figures + [count_queries(client, reverse("funding_applications:index"))]

    small = counts()
    load(services=services + 30, reports=reports + 30, submissions=submissions + 100, applications=applications + 40)
    large = counts()
    assert large == small, (small, large)
