"""`manage.py send_interim_reminders`: queue the daily interim-report reminder job (run it from cron
or a scheduler once a day; running it more often never sends a reminder twice)."""
from django.core.management.base import BaseCommand

from funding.interim.tasks import send_interim_reminders


class Command(BaseCommand):
    help = "Send due interim-report reminders (each at most once)."

    def handle(self, *args, **options):
        result = send_interim_reminders.enqueue()
        self.stdout.write(f"Reminder job queued ({result.status}).")
