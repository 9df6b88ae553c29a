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
and prints median and p95 in milliseconds and the number of SQL queries of one page view. A search
is cached until the next publish, so each is timed the first time after a publish and again.
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

    from portal.page_cache import purge

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
    # "first": the first time this search is made since the last publish (its cached answer is
    # gone: the cache generation is bumped before each run); "again": the same search repeated,
    # answered from the cache. The whole page is timed both ways too (first = after a publish,
    # when the menus are rebuilt as well).
    print(f"{'search':<34}{'hits':>7}  {'search first':>15}  {'search again':>13}  {'page first':>15}"
          f"  {'page again':>13}  {'queries':>7}")
    print(f"{'':<34}{'':>7}" + f"  {'median':>7} {'p95':>7}" * 4 + f"  {'first/again':>11}")
    columns = {"search first": [], "search again": [], "page first": [], "page again": []}

    def timed(fn):
        t0 = time.perf_counter()
        result = fn()
        return result, (time.perf_counter() - t0) * 1000

    for label, code, params in CASES:
        index = indexes[code]
        url = index.url
        times = {name: [] for name in columns}
        with translation.override(code):
            search_reports(index, factory.get(url, params))  # warm up
            client.get(url, params)

            def search():
                context = search_reports(index, factory.get(url, params))
                list(context["page_obj"].object_list)
                return context

            def page():
                response = client.get(url, params)
                assert response.status_code == 200, response.status_code
                return response

            for _ in range(args.repeat):
                purge()
                context, ms = timed(search)
                times["search first"].append(ms)
                times["search again"].append(timed(search)[1])
                purge()
                times["page first"].append(timed(page)[1])
                times["page again"].append(timed(page)[1])
            purge()
            with CaptureQueriesContext(connection) as first:
                page()
            with CaptureQueriesContext(connection) as again:
                page()
        for name in columns:
            columns[name] += times[name]
        figures = "".join(f"  {statistics.median(times[name]):7.1f} {percentile(times[name], 95):7.1f}" for name in columns)
        queries = f"{len(first.captured_queries)}/{len(again.captured_queries)}"
        print(f"{label:<34}{context['count']:>7}{figures}  {queries:>11}")
    figures = "".join(f"  {statistics.median(v):7.1f} {percentile(v, 95):7.1f}" for v in columns.values())
    print(f"{'all searches':<34}{'':>7}{figures}")


if __name__ == "__main__":
    main()
