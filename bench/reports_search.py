"""Knowledge-bank search latency over many reports: prints median and p95.

    createdb -h 127.0.0.1 -U postgres h_reports      # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_reports \\
        .venv/bin/python bench/reports_search.py --reports 10000 --queries 200

It migrates the database, loads the demo content if missing, adds synthetic Swedish reports
(in bulk, then indexes them with Wagtail's search backend) until the Swedish knowledge bank holds
--reports reports, and then times (a) the search itself: full-text query + facet counts + one
page of results, and (b) the whole knowledge-bank page through Django's test client.
Only talks to the configured database; never to the network.
"""
import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

WORDS = (
    "utredning utredningar utredningen stöd stödet barn barnen familj familjer skola skolan samverkan "
    "insats insatser behov kostnad kostnader ekonomi uppföljning mål resultat förebyggande tidigt "
    "socialtjänst invånare samordnare föräldraskap psykisk ohälsa boende arbete fritid förskola "
    "orosanmälan placering familjehem väntetid beslut ansökan projekt fond rapport analys metod"
).split()
QUERIES = ["utredningar", "stöd", "barn skola", "familjehem", "psykisk ohälsa", "samverkan förskola",
           "kostnader", "orosanmälan", "väntetid beslut", "föräldraskap"]


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def add_reports(index, wanted, rng, batch=500):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from reports.models import ReportPage, ReportTopic, ReportType, Topic

    existing = ReportPage.objects.child_of(index).count()
    missing = wanted - existing
    if missing <= 0:
        return existing
    content_type = ContentType.objects.get_for_model(ReportPage)
    index.refresh_from_db()
    numchild = index.numchild
    backend = get_search_backend()
    alphabet = Page.alphabet
    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, missing, batch):
        pages = []
        with transaction.atomic():
            for i in range(start, min(start + batch, missing)):
                numchild += 1
                n, step = numchild, ""
                for _ in range(Page.steplen):
                    n, r = divmod(n, len(alphabet))
                    step = alphabet[r] + step
                slug = f"bench-{uuid.uuid4().hex[:12]}"
                title = f"Rapport {numchild}: " + sentence(rng, 4)
                page = ReportPage(
                    title=title, draft_title=title, slug=slug, path=index.path + step, depth=index.depth + 1,
                    numchild=0, url_path=f"{index.url_path}{slug}/", content_type=content_type,
                    locale_id=index.locale_id, translation_key=uuid.uuid4(), live=True,
                    first_published_at=now, last_published_at=now,
                    summary=sentence(rng, 50), organisation=rng.choice(["Socialförvaltningen", "Stadsdel Norr", "Stadsdel Söder"]),
                    fund=rng.choice(["", "", "Sociala investeringsfonden", "Lokala utvecklingsmedel (LUM)"]),
                    publication_date=f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-15",
                    report_type=rng.choice(ReportType.values), language="sv",
                    body=[("paragraph", "<p>" + " ".join(sentence(rng, 12) for _ in range(15)) + "</p>")],
                )
                pages.append(page)
            Page.objects.bulk_create([Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields})
                                      for p in pages])
            saved = {p.path: p.pk for p in Page.objects.filter(path__in=[p.path for p in pages])}
            for page in pages:
                page.pk = page.page_ptr_id = saved[page.path]
                page.id = page.pk
                page.save_base(raw=True)  # only the reports_reportpage row
            ReportTopic.objects.bulk_create([
                ReportTopic(page_id=page.pk, topic=topic, sort_order=0)
                for page in pages for topic in rng.sample(Topic.values, 2)
            ])
            Page.objects.filter(pk=index.pk).update(numchild=numchild)
        backend.add_bulk(ReportPage, list(ReportPage.objects.filter(pk__in=[p.pk for p in pages])))
        print(f"  {existing + start + len(pages)} reports ({time.perf_counter() - started:.0f} s)", flush=True)
    return wanted


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.utils import translation

    settings.ALLOWED_HOSTS = ["*"]
    print(f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    from reports.models import KnowledgeBankIndexPage

    if not KnowledgeBankIndexPage.objects.filter(locale__language_code="sv").exists():
        call_command("load_demo", stdout=StringIO())
    index = KnowledgeBankIndexPage.objects.get(locale__language_code="sv")
    rng = random.Random(args.seed)
    total = add_reports(index, args.reports, rng)
    print(f"reports in the Swedish knowledge bank: {total}")

    from reports.search import search_reports

    factory = RequestFactory()
    client = Client()
    url = index.url
    search_times, page_times, hits = [], [], []
    with translation.override("sv"):
        for i in range(args.queries):
            q = QUERIES[i % len(QUERIES)]
            params = {"q": q}
            if i % 3 == 1:
                params["year"] = str(2015 + i % 10)
            if i % 4 == 2:
                params["sort"] = "newest"
            request = factory.get(url, params)
            t0 = time.perf_counter()
            context = search_reports(index, request)
            list(context["page_obj"].object_list)
            search_times.append((time.perf_counter() - t0) * 1000)
            hits.append(context["count"])
            t0 = time.perf_counter()
            response = client.get(url, params)
            page_times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
    print(f"queries: {args.queries} (median {statistics.median(hits):.0f} hits)")
    for label, values in [("search + facets + page of results", search_times), ("whole knowledge-bank page", page_times)]:
        print(f"{label:<36} median {statistics.median(values):7.1f} ms   p95 {percentile(values, 95):7.1f} ms")


if __name__ == "__main__":
    main()
