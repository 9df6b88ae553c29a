"""`python manage.py load_scale`: a large data set for measuring speed (see bench/pages.py).

    python manage.py load_scale                       # 1,000 services × 3 languages, 10,000 reports,
                                                      # 50,000 submissions, 2,000 applications
    python manage.py load_scale --services 50 --reports 100 --submissions 500 --applications 20

It loads the demo site first when the database has none, then tops each kind up to the number
asked for (counting what is already there, the demo's included: Swedish services, Swedish
knowledge-bank reports, submissions, applications): running it again with the same numbers adds
nothing ("already loaded"), and larger numbers add the difference. Everything is inserted in bulk (multi-row INSERTs, no revisions,
no per-page signals), so the full set takes minutes. The builders live in each app:
home/scale.py, reports/scale.py, forms/scale.py, funding/scale.py.
"""
import random
import time
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Load a large data set (services, reports, submissions, applications) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=1000, help="Swedish services (each also in English and Arabic)")
        parser.add_argument("--reports", type=int, default=10_000, help="knowledge-bank reports")
        parser.add_argument("--submissions", type=int, default=50_000, help="form submissions")
        parser.add_argument("--applications", type=int, default=2000, help="funding applications")
        parser.add_argument("--seed", type=int, default=8)

    def handle(self, *args, **options):
        from home.models import HomePage

        for name in ("services", "reports", "submissions", "applications"):
            if options[name] < 0:
                raise CommandError(f"--{name} must be 0 or more.")
        rng = random.Random(options["seed"])
        started = time.perf_counter()
        if not HomePage.objects.exists():
            self.stdout.write("No site yet: loading the demo content first …")
            call_command("load_demo", stdout=StringIO())
        did_something = False
        for label, existing, make in self.steps():
            wanted = options[label]
            have = existing()
            if have >= wanted:
                self.stdout.write(f"{label}: {have} already loaded (asked for {wanted}), nothing to add")
                continue
            t0 = time.perf_counter()
            make(wanted - have, rng=rng, stdout=self.stdout)
            did_something = True
            self.stdout.write(f"{label}: {existing()} in all ({time.perf_counter() - t0:.1f} s)")
        if did_something:
            from django.db import connection

            from portal.page_cache import purge

            if connection.vendor == "postgresql":  # fresh planner statistics for the bulk-loaded tables
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            purge()
            self.stdout.write(self.style.SUCCESS(f"Scale data loaded in {time.perf_counter() - started:.0f} s."))
        else:
            self.stdout.write(self.style.SUCCESS("Scale data is already loaded; nothing was added."))

    def steps(self):
        from forms import scale as forms_scale
        from funding import scale as funding_scale
        from home import scale as home_scale

        from forms.models import Submission
        from funding.models import Application
        from home.models import ServicePage

        return [
            ("services", lambda: ServicePage.objects.filter(locale__language_code="sv").count(),
             home_scale.make_services),
            ("reports", existing_reports, make_reports),
            ("submissions", Submission.objects.count, forms_scale.make_submissions),
            ("applications", Application.objects.count, funding_scale.make_applications),
        ]


def existing_reports():
    """Reports in the Swedish knowledge bank (the demo's included)."""
    from reports.models import ReportPage

    return ReportPage.objects.filter(locale__language_code="sv").count()


def make_reports(count, *, rng, stdout=None):
    import inspect

    from reports.scale import make_reports as make

    accepted = inspect.signature(make).parameters
    extra = {k: v for k, v in {"rng": rng, "stdout": stdout}.items() if k in accepted}
    return make(count, **extra)
