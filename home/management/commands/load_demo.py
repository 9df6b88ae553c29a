"""`python manage.py load_demo`: the demo site in Swedish, English and Arabic. Safe to run
again: it only creates what is missing."""
import importlib

from django.conf import settings
from django.core.management.base import BaseCommand

# Each job's app contributes its own demo content; order matters (pages before forms on them).
DEMO_STEPS = [
    "home.demo",
    "home.demo_services",
    "forms.demo",
    "forms.bookings.demo",
    "forms.surveys.demo",
    "forms.cases.demo",  # after the surveys: it adds the source's 2023 check-out answers
    "funding.demo",
    "reports.demo",
]


class Command(BaseCommand):
    help = "Load Lotsa's demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--with-users", action="store_true",
                            help="Create demo users (always done when DEBUG is on) and print their passwords.")

    def handle(self, *args, **options):
        with_users = options["with_users"] or settings.DEBUG
        users = []
        # No surrounding transaction: wagtail-localize publishes translations on commit, and
        # publishing there would overwrite the tree's child counts with stale values.
        for dotted in DEMO_STEPS:
            module = importlib.import_module(dotted)
            self.stdout.write(f"Loading {dotted} …")
            users += module.load(self.stdout, with_users=with_users) or []
        if users:
            from django.contrib.auth import get_user_model

            # logins go through allauth by e-mail address (rate limit, two-factor)
            emails = dict(get_user_model().objects.filter(username__in=[u for u, _p, _g in users])
                          .values_list("username", "email"))
            self.stdout.write(self.style.SUCCESS("Demo users (log in with the e-mail address at /admin/):"))
            for username, password, group in users:
                self.stdout.write(f"  {emails.get(username) or username:<32} {password:<28} {group}")
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
