"""Knowledge-bank search latency over many reports: prints median, p95 and SQL queries per search.

    createdb -h 127.0.0.1 -U postgres h_search_bench      # once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_search_bench \\
        .venv/bin/python bench/reports_search.py --reports 10000 --repeat 30

It migrates the database, loads the demo content if missing and tops the Swedish knowledge bank
up to --reports reports with ``reports.scale.make_reports`` (plus 1/8 as many in English and in
Arabic, in their own knowledge banks); a database already loaded (e.g. by ``manage.py
load_scale``) is used as it is. Then, for each kind of search, it times --repeat runs of
(a) the search itself: full-text match + facet counts + one page of results, and
(b) the whole knowledge-bank page through Django's test client (no page cache),
and prints median and p95 in milliseconds and the number of SQL queries of one page view.
Only talks to the configured database; never to the network.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

# (label, language of the knowledge bank, GET parameters)
CASES = [
    ("sv inflected word", "sv", {"q": "utredningar"}),
    ("sv two words", "sv", {"q": "psykisk ohälsa"}),
    ("sv quoted phrase", "sv", {"q": '"psykisk ohälsa"'}),
    ("sv word, newest first", "sv", {"q": "familjehem", "sort": "newest"}),
    ("sv word + year + topic facets", "sv", {"q": "barnen", "year": "2019", "topic": "school"}),
    ("sv no query, facets only", "sv", {}),
    ("sv no query, type + org, page 3", "sv", {"type": "evaluation", "org": "Stadsdel Norr", "page": "3"}),
    ("en word (English stemming)", "en", {"q": "investigating"}),
    ("ar word (Arabic stemming)", "ar", {"q": "أطفال"}),
]


class Lines:
    def write(self, text):
        print(text, flush=True)


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10_000, help="reports in the Swedish knowledge bank")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per kind of search")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    import random
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    settings.ALLOWED_HOSTS = ["*"]
    settings.PAGE_CACHE_SECONDS = 0
    print(f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}")
    call_command("migrate", verbosity=0)
    from reports.models import KnowledgeBankIndexPage, ReportPage
    from reports.scale import make_reports
    from reports.search import search_reports

    if not KnowledgeBankIndexPage.objects.filter(locale__language_code="sv").exists():
        call_command("load_demo", stdout=StringIO())
    have = ReportPage.objects.filter(locale__language_code="sv").count()
    if have < args.reports:
        t0 = time.perf_counter()
        make_reports(args.reports - have, rng=random.Random(args.seed), stdout=Lines())
        print(f"created {args.reports - have} Swedish reports (+ English and Arabic) in {time.perf_counter() - t0:.0f} s")
    counts = {code: ReportPage.objects.filter(locale__language_code=code).count() for code in ("sv", "en", "ar")}
    print("reports: " + ", ".join(f"{code} {n}" for code, n in counts.items()) + f" (total {sum(counts.values())})")

    factory = RequestFactory()
    client = Client()
    indexes = {code: KnowledgeBankIndexPage.objects.get(locale__language_code=code) for code in ("sv", "en", "ar")}
    print(f"{'search':<34}{'hits':>7}  {'search+facets ms':>17}  {'whole page ms':>15}  {'queries':>7}")
    print(f"{'':<34}{'':>7}  {'median':>8} {'p95':>8}  {'median':>7} {'p95':>7}")
    all_search, all_page = [], []
    for label, code, params in CASES:
        index = indexes[code]
        url = index.url
        search_times, page_times = [], []
        with translation.override(code):
            context = search_reports(index, factory.get(url, params))  # warm up
            client.get(url, params)
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                context = search_reports(index, factory.get(url, params))
                list(context["page_obj"].object_list)
                search_times.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                response = client.get(url, params)
                page_times.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, response.status_code
            with CaptureQueriesContext(connection) as ctx:
                client.get(url, params)
        all_search += search_times
        all_page += page_times
        print(f"{label:<34}{context['count']:>7}  {statistics.median(search_times):8.1f} {percentile(search_times, 95):8.1f}"
              f"  {statistics.median(page_times):7.1f} {percentile(page_times, 95):7.1f}  {len(ctx.captured_queries):>7}")
    print(f"{'all searches':<34}{'':>7}  {statistics.median(all_search):8.1f} {percentile(all_search, 95):8.1f}"
          f"  {statistics.median(all_page):7.1f} {percentile(all_page, 95):7.1f}")


if __name__ == "__main__":
    main()
