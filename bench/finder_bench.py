"""Render time of the service finder at 1,000 services: prints the median and the 95th
percentile, and the number of SQL queries per request.

    .venv/bin/python bench/finder_bench.py               # 1,000 services, 50 requests
    .venv/bin/python bench/finder_bench.py --services 5000 --runs 100

It builds a throwaway SQLite database in a temporary folder (set BENCH_DATABASE_URL to use
another, e.g. an empty PostgreSQL database), with a home page, the services index, the 'Find
support' page, six places with hours and the services, then requests the finder through
Django's test client (no network, no web server: the figure is Django's own render time).
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="lotsa-bench-")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from django.conf import settings

    settings.PAGE_CACHE_SECONDS = 0  # measure the render, not the anonymous page cache
    call_command("migrate", verbosity=0)
    url = build_site(args.services)
    client = Client()
    for _ in range(3):  # warm up templates and caches
        client.get(url)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    client.get(url)  # opens the connection, so the wrapper below sees the next request
    with connection.execute_wrapper(count):
        client.get(url)
    filtered_times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        client.get(url, {"who": "19-65", "area": "centrum"})
        filtered_times.append((time.perf_counter() - start) * 1000)

    def p95(values):
        return statistics.quantiles(values, n=20)[-1]

    print(f"finder at {args.services} services, {args.runs} requests ({connection.vendor})")
    print(f"  all services:  median {statistics.median(times):.1f} ms, p95 {p95(times):.1f} ms")
    print(f"  two filters:   median {statistics.median(filtered_times):.1f} ms, p95 {p95(filtered_times):.1f} ms")
    print(f"  SQL queries per request: {len(executed)}")


def build_site(count):
    import datetime

    from wagtail.models import Locale, Page, Site

    from home.demo_services import make_bulk_services
    from home.models import Area, FindSupportPage, HomePage, OpeningHours, Place, ServiceIndexPage, Topic

    sv, _ = Locale.objects.get_or_create(language_code="sv")
    root = Page.get_first_root_node()
    for placeholder in Page.objects.filter(depth=2):
        placeholder.delete()
    home = root.add_child(instance=HomePage(title="Lotsa", slug="lotsa", locale=sv))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    index = home.add_child(instance=ServiceIndexPage(title="Insatser", slug="insatser", locale=sv))
    find = home.add_child(instance=FindSupportPage(title="Hitta stöd", slug="hitta-stod", locale=sv))
    areas = [Area.objects.create(name=name, slug=name.lower(), locale=sv) for name in ["Centrum", "Norrby", "Söder"]]
    topics = [Topic.objects.create(locale=sv, name=f"Ämne {i}", slug=f"amne-{i}") for i in range(13)]
    places = []
    for i in range(6):
        place = Place(locale=sv, name=f"Plats {i}", slug=f"plats-{i}", street_address=f"Gatan {i}", postal_code="123 45",
                      city="Lotsby", area=areas[i % 3])
        place.hours = [OpeningHours(kind="open", weekday=d, opens=datetime.time(9), closes=datetime.time(17)) for d in range(5)]
        place.save()
        places.append(place)
    per_batch = max(1, count // 6)
    made = 0
    for i, place in enumerate(places):
        n = count - made if i == len(places) - 1 else per_batch
        make_bulk_services(index, n, word=f"Tjänst{i}", places=[place], topics=topics[i:i + 2])
        made += n
    return find.url


if __name__ == "__main__":
    main()
