"""Background jobs: keep the bookable weeks filled and delete old bookings (run daily by
`manage.py bookings_maintenance` from cron on ONE server, or enqueue the tasks)."""
from django_tasks import task

from forms.bookings.services import purge_expired
from forms.bookings.slots import generate_all


@task()
def generate_slots_task():
    return generate_all()


@task()
def purge_bookings_task():
    return purge_expired()
