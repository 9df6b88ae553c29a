"""Server time and SQL queries of Lotsa's main pages, in-process, on the current DATABASE_URL.

    python manage.py load_scale                  # once: the large data set (or any database with the demo)
    python bench/pages.py                        # 40 requests per page, 10 per PDF
    python bench/pages.py --runs 100 --only home,service
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_scale_bench python bench/pages.py

For each case it prints the median and 95th-percentile time of a whole request through Django's
test client (every middleware, the template, the response; no web server, no network) and the
SQL queries per request (the median, and the range if it varies). "cpu" is the CPU time of this
process during the request (with SQLite that includes the database's work, with PostgreSQL not):
on a busy machine it shows what the request itself costs. The page cache is off, so
every request is a real render. Warm-up requests come first (templates, connections, menus).
The machine's load average is printed before and after: other processes skew the figures.

Cases: the home page, a service page (one in the middle of the catalogue), the finder with two
filters (and the same right after a publish, when the menus and cached results are rebuilt), a knowledge-bank search (rotating queries and filters; repeated searches are answered from
the cache until the next publish, so it is also timed with every cache purged), the applications list in the
admin as a fund manager, an application as a PDF (the applicant's download) and a final report
as a PDF (when the database holds one). Targets (issue 8): p95 < 60 ms for public pages,
< 100 ms for the knowledge-bank search, < 1.5 s for the application PDF.
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

KB_QUERIES = [{"q": "stöd"}, {"q": "barn skola"}, {"q": "familjehem"}, {"q": "samverkan", "sort": "newest"},
              {"q": "utredningar"}, {"q": "psykisk ohälsa"}, {"q": ""}, {"q": "kostnader"}]
TARGETS = {"home": 60, "service": 60, "finder": 60, "finder_purged": 60, "kb_search": 100, "kb_search_purged": 100, "admin_list": None,
           "application_pdf": 1500, "final_report_pdf": None}


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, execute, sql, params, many, context):
        self.n += 1
        return execute(sql, params, many, context)


def measure(fn, runs, warmup=3):
    from django.db import connection

    for _ in range(warmup):
        fn(0)
    times, cpu, queries = [], [], []
    for i in range(runs):
        counter = Counter()
        with connection.execute_wrapper(counter):
            t0, c0 = time.perf_counter(), time.process_time()
            fn(i)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        queries.append(counter.n)
    return times, cpu, queries


def fund_manager():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.filter(groups__name="Fund managers", is_active=True).first()
    if user is None:
        user, _ = get_user_model().objects.get_or_create(username="bench-fund-manager",
                                                         defaults={"email": "bench@lotsa.example"})
        user.groups.add(Group.objects.get(name="Fund managers"))
    return user


def purged(fetch):
    def run(i):
        from portal.page_cache import purge

        purge()
        return fetch(i)
    return run


def cases(args):
    from django.test import Client
    from funding.models import Application
    from home.models import FindSupportPage, HomePage, ServicePage
    from reports.models import KnowledgeBankIndexPage

    anonymous = Client()
    home = HomePage.objects.filter(locale__language_code="sv").first()
    services = ServicePage.objects.live().filter(locale__language_code="sv").order_by("path")
    service = services[services.count() // 2]
    finder = FindSupportPage.objects.filter(locale__language_code="sv").first()
    kb = KnowledgeBankIndexPage.objects.filter(locale__language_code="sv").first()

    def get(client, url, params=None):
        def fetch(i):
            response = client.get(url, params(i) if callable(params) else params or {})
            assert response.status_code == 200, (url, response.status_code)
            return response
        return fetch

    out = [
        ("home", f"home page {home.url}", get(anonymous, home.url), args.runs),
        ("service", f"service page {service.url}", get(anonymous, service.url), args.runs),
        ("finder", f"finder {finder.url}?who=19-65&level=early", get(anonymous, finder.url, {"who": "19-65", "level": "early"}), args.runs),
        ("finder_purged", "the same, first request after a publish (every cache purged)",
         purged(get(anonymous, finder.url, {"who": "19-65", "level": "early"})), args.runs),
        ("kb_search", f"knowledge-bank search {kb.url}?q=… (8 searches in turn: repeats come from the cache)",
         get(anonymous, kb.url, lambda i: KB_QUERIES[i % len(KB_QUERIES)]), args.runs),
        ("kb_search_purged", "the same, each the first time after a publish (every cache purged)",
         purged(get(anonymous, kb.url, lambda i: KB_QUERIES[i % len(KB_QUERIES)])), args.runs),
    ]
    manager = Client()
    manager.force_login(fund_manager())
    out.append(("admin_list", "applications in the admin (fund manager) /admin/funding_applications/",
                get(manager, "/admin/funding_applications/"), args.runs))
    application = (Application.objects.exclude(status="draft").filter(language="sv").order_by("pk").first()
                   or Application.objects.order_by("pk").first())
    if application:
        applicant = Client()
        applicant.force_login(application.user)
        url = f"/sv/funding/my/{application.pk}/pdf/"
        from django.urls import reverse
        from django.utils import translation

        with translation.override("sv"):
            url = reverse("funding:application_pdf", args=[application.pk])
        out.append(("application_pdf", f"application PDF {url}", get(applicant, url), args.pdf_runs))
    try:
        from reports.final_pdf import render_final_report
        from reports.models import FinalReport
    except ImportError:
        print("final report PDF: skipped (reports/final_pdf.py is not there)")
        return out
    report = FinalReport.objects.order_by("pk").first()
    label = f"final report PDF (render_final_report, report {report.pk})" if report else ""
    if report is None:  # a database without final reports: the demo's, in a transaction rolled back below
        try:
            from reports.demo import final_report_content
        except ImportError:
            final_report_content = None
        project = Application.objects.filter(status="approved").order_by("pk").first()
        if final_report_content is None or project is None:
            print("final report PDF: skipped (no final report and no approved application)")
            return out
        out.append(("final_report_pdf", "final report PDF (the demo's final report on an approved application)",
                    lambda i: render_final_report(FinalReport.objects.get(application=project)), args.pdf_runs,
                    lambda: FinalReport.objects.create(application=project, **final_report_content())))
        return out
    out.append(("final_report_pdf", label, lambda i: render_final_report(report), args.pdf_runs))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--pdf-runs", type=int, default=10)
    parser.add_argument("--only", default="", help="comma-separated case names, e.g. home,finder")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction

    settings.PAGE_CACHE_SECONDS = 0  # measure the render, not the anonymous page cache
    from funding.models import Application
    from forms.models import Submission
    from home.models import ServicePage
    from reports.models import ReportPage

    print(f"database: {connection.vendor} {settings.DATABASES['default']['NAME']}")
    print(f"data: {ServicePage.objects.count()} service pages, {ReportPage.objects.count()} reports, "
          f"{Submission.objects.count()} submissions, {Application.objects.count()} applications")
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}; load average before {load()}")
    only = {name for name in args.only.split(",") if name}
    print(f"{'case':<17} {'median ms':>10} {'p95 ms':>9} {'target':>8} {'cpu med':>8} {'cpu p95':>8} {'queries':>8}")
    misses = []
    for name, label, fn, runs, *setup in cases(args):
        if only and name not in only:
            continue
        with transaction.atomic():  # what a case creates for itself (setup) is rolled back
            if setup:
                setup[0]()
            times, cpu, queries = measure(fn, runs)
            transaction.set_rollback(True)
        med, p95 = statistics.median(times), percentile(times, 95)
        target = TARGETS.get(name)
        q = f"{statistics.median(queries):.0f}" + ("" if min(queries) == max(queries) else f" ({min(queries)}–{max(queries)})")
        flag = "" if target is None or p95 < target else "  MISSED"
        if flag:
            misses.append(name)
        print(f"{name:<17} {med:>10.1f} {p95:>9.1f} {('< %d' % target) if target else '-':>8} "
              f"{statistics.median(cpu):>8.1f} {percentile(cpu, 95):>8.1f} {q:>8}{flag}   {label}",
              flush=True)
    print(f"load average after {load()}" + (f"; missed: {', '.join(misses)}" if misses else "; every target met"))


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
