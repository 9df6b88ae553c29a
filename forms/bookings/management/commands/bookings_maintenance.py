from django.core.management.base import BaseCommand

from forms.bookings.services import purge_expired
from forms.bookings.slots import generate_all


class Command(BaseCommand):
    help = "Create the bookable times for the weeks ahead and delete bookings past their retention."

    def handle(self, *args, **options):
        created = generate_all()
        deleted = purge_expired()
        self.stdout.write(f"{created} new times, {deleted} old bookings deleted.")
