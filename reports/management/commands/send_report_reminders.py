"""`manage.py send_report_reminders`: queue the daily final-report reminder job (run it from cron
or a scheduler once a day; running it more often never sends a reminder twice)."""
from django.core.management.base import BaseCommand

from reports.tasks import send_final_report_reminders


class Command(BaseCommand):
    help = "Send due final-report reminders (each at most once)."

    def handle(self, *args, **options):
        result = send_final_report_reminders.enqueue()
        self.stdout.write(f"Reminder job queued ({result.status}).")
