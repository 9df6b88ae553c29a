"""`manage.py send_deadline_reminders`: queue the daily job that reminds project leads of a draft a
week before its round closes (run it once a day; running it more often never sends one twice)."""
from django.core.management.base import BaseCommand

from funding.tasks import send_deadline_reminders


class Command(BaseCommand):
    help = "Remind project leads of drafts whose round closes within a week (each at most once)."

    def handle(self, *args, **options):
        result = send_deadline_reminders.enqueue()
        self.stdout.write(f"Deadline reminder job queued ({result.status}).")
